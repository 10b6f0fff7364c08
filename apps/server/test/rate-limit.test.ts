import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRateLimit, type RateLimitWindow } from '../src/config';
import {
  RATE_LIMIT_KEY_SAFETY_TTL_MS,
  redisRateLimitStore,
  type RateLimitStore,
} from '../src/plugins/rate-limit';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/**
 * The rate-limit windows run on a time source the tests move by hand, so nothing here depends
 * on where the wall clock is inside its current second.
 */
const START = Date.UTC(2026, 10, 28, 10, 0, 15, 250); // 15.25 s into a minute
const PUBLISHED: RateLimitWindow[] = [
  { limit: 200, windowMs: 60_000 },
  { limit: 5, windowMs: 1000 },
];

function manualTime(start = START) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

function companies(t: TestApp, remoteAddress = '203.0.113.1') {
  return call(t.app, {
    method: 'GET',
    url: '/api/v1/companies',
    headers: authHeader(t.partnerToken),
    remoteAddress,
  });
}

function expectLimited(res: Awaited<ReturnType<typeof companies>>, retryAfter: number) {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({
    success: false,
    data: null,
    meta: { message: 'Too many requests' },
  });
  expect(res.headers['retry-after']).toBe(String(retryAfter));
}

describe('the published limits (200/min, 5/s per IP)', () => {
  const time = manualTime();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimit: PUBLISHED, rateLimitNow: time.now });
  });
  afterAll(() => t.close());

  it('refuses the 6th request within one second with 429 and Retry-After', async () => {
    for (let i = 1; i <= 5; i++) expect((await companies(t)).status, `request ${i}`).toBe(200);
    expectLimited(await companies(t), 1);
    expectLimited(await companies(t), 1);
  });

  it('does not limit another IP', async () => {
    for (let i = 1; i <= 5; i++) expect((await companies(t, '198.51.100.7')).status).toBe(200);
  });

  it('lets the first IP in again in the next second', async () => {
    time.advance(1000);
    expect((await companies(t)).status).toBe(200);
  });

  it('never limits /healthz', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await call(t.app, {
        method: 'GET',
        url: '/healthz',
        remoteAddress: '203.0.113.1',
      });
      expect(res.status).toBe(200);
    }
  });
});

describe('the per-minute window', () => {
  it('answers Retry-After with the seconds left in the minute', async () => {
    const time = manualTime();
    const t = await createTestApp({
      rateLimit: [{ limit: 3, windowMs: 60_000 }],
      rateLimitNow: time.now,
    });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await companies(t)).status).toBe(200);
        time.advance(5000);
      }
      // now 30.25 s into the minute: 29.75 s left, rounded up
      const res = await companies(t);
      expectLimited(res, 30);
      expect(res.body.meta.errors).toEqual({ rate_limit: ['3 per 60s'] });
      time.advance(29_750);
      expect((await companies(t)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('a failing store', () => {
  it('lets requests through instead of failing them', async () => {
    const broken: RateLimitStore = { hit: () => Promise.reject(new Error('connection refused')) };
    const t = await createTestApp({ rateLimit: PUBLISHED, rateLimitStore: broken });
    try {
      for (let i = 0; i < 7; i++) expect((await companies(t)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('parseRateLimit', () => {
  it('reads the published default and other units', () => {
    expect(parseRateLimit('200/min,5/s')).toEqual(PUBLISHED);
    expect(parseRateLimit(' 1000 / h , 10/10s ')).toEqual([
      { limit: 1000, windowMs: 3_600_000 },
      { limit: 10, windowMs: 10_000 },
    ]);
  });

  it('turns limits off with "off"', () => {
    expect(parseRateLimit('off')).toEqual([]);
    expect(parseRateLimit(' off ')).toEqual([]);
  });

  it.each([['garbage'], ['5/fortnight'], ['/s'], [''], ['200/min,'], ['5/0s'], ['0/min']])(
    'throws on %j, naming the variable',
    (spec) => {
      expect(() => parseRateLimit(spec)).toThrow(/VISITA_RATE_LIMIT/);
    },
  );
});

/** Redis is optional for developers; CI and the dev container have it at REDIS_URL or :6379. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisUnavailable(): Promise<string | null> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (error) {
    return `${REDIS_URL} unreachable: ${(error as Error).message}`;
  } finally {
    probe.disconnect();
  }
}
const redisSkipReason = await redisUnavailable();
if (redisSkipReason) console.warn(`skipping the Redis rate-limit test: ${redisSkipReason}`);

describe.skipIf(redisSkipReason !== null)('redisRateLimitStore', () => {
  const prefix = `visita:test:${randomUUID()}:`;
  // Two connections, as two processes have: nothing is shared but Redis itself.
  let redisA: Redis;
  let redisB: Redis;
  beforeAll(() => {
    redisA = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    redisB = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  });
  afterAll(async () => {
    const keys = await redisA.keys(`${prefix}*`);
    if (keys.length) await redisA.del(...keys);
    await redisA.quit();
    await redisB.quit();
  });

  it('shares the count between two app instances on two Redis connections', async () => {
    const time = manualTime();
    const first = await createTestApp({
      rateLimit: PUBLISHED,
      rateLimitStore: redisRateLimitStore(redisA, prefix),
      rateLimitNow: time.now,
    });
    const second = await createTestApp({
      rateLimit: PUBLISHED,
      rateLimitStore: redisRateLimitStore(redisB, prefix),
      rateLimitNow: time.now,
    });
    try {
      const statuses = [];
      for (const t of [first, second, first, second, first, second])
        statuses.push((await companies(t)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expectLimited(await companies(first), 1);
      expect((await companies(second, '198.51.100.7')).status).toBe(200);
      time.advance(1000);
      expect((await companies(first)).status).toBe(200);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('windows and their expiry follow the injected clock, not Redis time', async () => {
    const storeA = redisRateLimitStore(redisA, prefix);
    const storeB = redisRateLimitStore(redisB, prefix);
    const key = (bucket: number) => `${prefix}expiry:1000:${bucket}`;
    const bucket = Math.floor(START / 1000);
    const windowStart = bucket * 1000;
    expect(await storeA.hit('expiry', 1000, windowStart)).toBe(1);
    expect(await storeB.hit('expiry', 1000, windowStart + 999)).toBe(2);
    // However long real time takes meanwhile, the window lives on until the clock leaves it.
    const ttl = await redisA.pttl(key(bucket));
    expect(ttl).toBeGreaterThan(1000 + RATE_LIMIT_KEY_SAFETY_TTL_MS - 5000);
    expect(await storeA.hit('expiry', 1000, windowStart + 500)).toBe(3);
    // The first hit of the next window (by the injected clock) removes the old one.
    expect(await storeB.hit('expiry', 1000, windowStart + 1000)).toBe(1);
    expect(await redisA.exists(key(bucket))).toBe(0);
    expect(await redisA.exists(key(bucket + 1))).toBe(1);
  });
});
