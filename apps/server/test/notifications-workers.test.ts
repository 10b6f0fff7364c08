import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, ensureVapidKeys, type Db } from '@visita/db';
import { makeAppAudience, makeLocation, makeUser } from '@visita/db/testing';
import {
  generateVapidKeys,
  startNotificationEngine,
  webPushSender,
  type PushSender,
} from '@visita/jobs';
import { startLocalPushService, type LocalPushService } from '@visita/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from './support/notifications';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Exactly once under concurrency and crashes. These need separate connections that really run
 * at the same time, so they run on PostgreSQL only (`npm run test:pg`); PGlite serialises
 * everything and has one connection, which would prove nothing.
 */
const url = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let t: TestApp;
/** The test database's own URL (createTestDb makes one per file on PostgreSQL). */
const dbUrl = () => (t.db as Db & { url?: string }).url!;
let push: LocalPushService;
let vapidPublicKey: string;

beforeAll(async () => {
  if (!url) return;
  t = await createTestApp({ now: '2026-11-28T10:00:00Z' });
  // What `visita serve` does at its first start; the worker processes read the same keys.
  vapidPublicKey = (await ensureVapidKeys(t.db, () => generateVapidKeys('mailto:test@visita.test')))
    .publicKey;
  push = await startLocalPushService({ vapidPublicKey });
});
afterAll(async () => {
  if (!url) return;
  await push.close();
  await t.close();
});

/** An audience of app clients with one device each, and their loyalty payments in the outbox. */
async function audience(n: number, phoneBase: number) {
  const location = await makeLocation(t.db);
  const owner = await makeUser(t.db, { role: 'owner', chainId: location.chainId });
  const devices = Array.from({ length: n }, () => push.createDevice());
  const { clientIds } = await makeAppAudience(
    t.db,
    location.id,
    devices.map((d) => d.subscription),
    phoneBase,
  );
  for (const [i, clientId] of clientIds.entries())
    await t.db.query(
      `INSERT INTO outbox_events(location_id, type, aggregate_id, payload) VALUES ($1, 'payment.succeeded', $2, $3)`,
      [
        location.id,
        i + 1,
        JSON.stringify({
          clientId,
          paymentId: `p${location.id}-${i}`,
          amount: 10,
          currency: 'EUR',
          title: 'Gift card',
        }),
      ],
    );
  return { location, owner, devices, clientIds };
}

async function sendBulk(locationId: number, owner: { token: string }) {
  const res = await adminApi(t)('POST', `/locations/${locationId}/bulk-pushes`, owner, {
    filters: [{ type: 'has_mobile_app', state: { value: true } }],
    text: 'Open house on Saturday',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number; recipients_with_app: number };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Notifications per client of the location: [client_id, count] rows. */
const perClient = (locationId: number) =>
  t.db.query<{ client_id: number; type: number; n: number }>(
    `SELECT client_id, type, count(*)::int AS n FROM notifications WHERE location_id = $1
      GROUP BY client_id, type ORDER BY client_id, type`,
    [locationId],
  );

const pendingJobs = async () =>
  (
    await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE kind IN ('push.deliver', 'bulk.fanout')`,
    )
  )[0]!.n;

/** What devices show: the service worker replaces a notification with the same tag. */
function shownPerDevice(deviceIds: string[]) {
  const mine = new Set(deviceIds);
  const shown = new Map<string, Set<string>>();
  for (const r of push.received)
    if (mine.has(r.deviceId)) {
      const tags = shown.get(r.deviceId) ?? new Set<string>();
      tags.add(String(r.payload.tag));
      shown.set(r.deviceId, tags);
    }
  return shown;
}

describe.skipIf(!url)('two workers at once (PostgreSQL)', () => {
  it('deliver every notification exactly once between them', async () => {
    const world = await audience(300, 100_000_000);
    const bulk = await sendBulk(world.location.id, world.owner);
    expect(bulk.recipients_with_app).toBe(300);
    const sends = [0, 0];
    const counting = (i: number, inner: PushSender): PushSender => ({
      send: (...args) => {
        sends[i]!++;
        return inner.send(...args);
      },
      close: () => inner.close(),
    });
    const [row] = await t.db.query<{ private_key: string; subject: string }>(
      'SELECT private_key, subject FROM vapid_keys',
    );
    const vapid = {
      publicKey: vapidPublicKey,
      privateKey: row!.private_key,
      subject: row!.subject,
    };
    // Two pools, as two worker processes would have.
    const dbs: Db[] = [
      await connect({ databaseUrl: dbUrl(), maxConnections: 6 }),
      await connect({ databaseUrl: dbUrl(), maxConnections: 6 }),
    ];
    const engines = await Promise.all(
      dbs.map((db, i) =>
        startNotificationEngine({
          db,
          publicUrl: 'https://visita.test',
          vapidSubject: 'mailto:test@visita.test',
          log: () => undefined,
          sender: counting(i, webPushSender(vapid)),
          concurrency: 4,
          intervalMs: 20,
        }),
      ),
    );
    const expected = 600; // a payment notice and the bulk message per client
    const ids = world.devices.map((d) => d.id);
    await until(
      async () =>
        shownPerDevice(ids).size === 300 &&
        [...shownPerDevice(ids).values()].every((s) => s.size === 2) &&
        (await pendingJobs()) === 0,
      60_000,
      'all pushes',
    );
    await Promise.all(engines.map((e) => e.stop()));
    await Promise.all(dbs.map((db) => db.close()));

    const rows = await perClient(world.location.id);
    expect(rows).toHaveLength(600);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // No crash, no lost lease: not one push was sent twice, and both workers did part of it.
    const mine = push.received.filter((r) => ids.includes(r.deviceId));
    expect(mine).toHaveLength(expected);
    expect(sends[0]! + sends[1]!).toBe(expected);
    expect(sends[0]).toBeGreaterThan(0);
    expect(sends[1]).toBeGreaterThan(0);
    const status = await adminApi(t)(
      'GET',
      `/locations/${world.location.id}/bulk-pushes/${bulk.id}`,
      world.owner,
    );
    expect(status.body.data).toMatchObject({
      queued: 300,
      delivered: 300,
      undeliverable: 0,
      done: true,
    });
  });
});

function startWorkerProcess(): { child: ChildProcess; output: () => string } {
  const child = spawn(TSX, ['apps/server/src/cli.ts', 'worker'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl(),
      VISITA_DEMO: '0',
      VISITA_JOB_LEASE_SECONDS: '2',
      VISITA_JOB_CONCURRENCY: '4',
      LOG_LEVEL: 'warn',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

describe.skipIf(!url)('kill -9 of a worker process (PostgreSQL)', () => {
  it('another worker finishes the work; every client gets every notification, shown once', async () => {
    const world = await audience(1500, 200_000_000);
    await sendBulk(world.location.id, world.owner);
    const ids = world.devices.map((d) => d.id);
    const received = () => push.received.filter((r) => ids.includes(r.deviceId)).length;

    const first = startWorkerProcess();
    await until(() => received() >= 300, 60_000, `first pushes\n${first.output()}`);
    killGroup(first.child, 'SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const atKill = received();
    expect(atKill).toBeLessThan(3000); // it really died mid-work

    const second = startWorkerProcess();
    try {
      await until(
        async () =>
          [...shownPerDevice(ids).values()].filter((s) => s.size === 2).length === 1500 &&
          (await pendingJobs()) === 0,
        90_000,
        `the rest\n${second.output()}`,
      );
    } finally {
      killGroup(second.child, 'SIGTERM');
    }
    const rows = await perClient(world.location.id);
    expect(rows).toHaveLength(3000);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const shown = shownPerDevice(ids);
    expect([...shown.values()].every((tags) => tags.size === 2)).toBe(true);
    // Resent at most what was in flight when the worker died (slices of 50, 4 jobs at once).
    const duplicates = received() - 3000;
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(4 * 50);
    console.log(`kill -9: ${atKill} pushes before the kill, ${duplicates} resent after it`);
  }, 180_000);
});
