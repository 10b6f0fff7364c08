import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { RateLimitWindow } from '../config';
import { errorBody } from './errors';

/** Counts hits per key in fixed windows; answers how many hits the current window has seen. */
export interface RateLimitStore {
  hit(key: string, windowMs: number, now: number): Promise<number>;
}

export function memoryRateLimitStore(): RateLimitStore {
  const counters = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = 0;
  return {
    hit(key, windowMs, now) {
      if (now - lastSweep > 60_000) {
        for (const [k, v] of counters) if (v.resetAt <= now) counters.delete(k);
        lastSweep = now;
      }
      const bucket = Math.floor(now / windowMs);
      const id = `${key}:${windowMs}:${bucket}`;
      const entry = counters.get(id) ?? { count: 0, resetAt: (bucket + 1) * windowMs };
      entry.count += 1;
      counters.set(id, entry);
      return Promise.resolve(entry.count);
    },
  };
}

/**
 * Shared across processes: one INCR per window. Windows follow the caller's clock (`now`), and
 * so does their expiry: the hit that opens a window deletes the key of the window before it.
 * A Redis TTL is only a safety net for callers that never come back, long enough
 * (window + 1 min) that a slow caller never loses a live window to Redis's own clock.
 * `prefix` keeps deployments (or test runs) that share one Redis apart.
 */
export const RATE_LIMIT_KEY_SAFETY_TTL_MS = 60_000;

export function redisRateLimitStore(redis: Redis, prefix = 'visita:rl:'): RateLimitStore {
  const keyOf = (key: string, windowMs: number, bucket: number) =>
    `${prefix}${key}:${windowMs}:${bucket}`;
  return {
    async hit(key, windowMs, now) {
      const bucket = Math.floor(now / windowMs);
      const id = keyOf(key, windowMs, bucket);
      const results = await redis
        .multi()
        .incr(id)
        .pexpire(id, windowMs + RATE_LIMIT_KEY_SAFETY_TTL_MS)
        .del(keyOf(key, windowMs, bucket - 1))
        .exec();
      return Number(results?.[0]?.[1] ?? 0);
    },
  };
}

/**
 * The platform's published limits (200/min and 5/s per IP by default) on the API paths.
 * Over a limit: 429 in the envelope, with Retry-After in seconds until the window resets.
 * When the store fails (Redis down) requests go through: a lost counter must not take the
 * API down with it.
 */
export function registerRateLimit(
  app: FastifyInstance,
  windows: RateLimitWindow[],
  store: RateLimitStore,
  now: () => number = Date.now,
): void {
  if (windows.length === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1') && !request.url.startsWith('/api/app')) return;
    const at = now();
    for (const window of windows) {
      let count: number;
      try {
        count = await store.hit(request.ip, window.windowMs, at);
      } catch (error) {
        request.log.warn({ err: error }, 'rate-limit store unavailable; request not counted');
        return;
      }
      if (count > window.limit) {
        const retryAfter = Math.max(
          1,
          Math.ceil((window.windowMs - (at % window.windowMs)) / 1000),
        );
        return reply
          .status(429)
          .header('retry-after', String(retryAfter))
          .send(
            errorBody('Too many requests', {
              errors: { rate_limit: [`${window.limit} per ${window.windowMs / 1000}s`] },
            }),
          );
      }
    }
  });
}
