import { ensureVapidKeys, type Db } from '@visita/db';
import { makeAppUser, makeSchedule } from '@visita/db/testing';
import {
  drainOutbox,
  generateVapidKeys,
  notificationEngine,
  runDueJobs,
  webPushSender,
} from '@visita/jobs';
import {
  startLocalPushService,
  type LocalDevice,
  type LocalPushService,
} from '@visita/jobs/testing';
import { expect } from 'vitest';
import { appApi } from './cabinet';
import { api } from './catalog';
import { makeSalon, type Salon } from './records';
import { createTestApp, type TestApp } from './test-app';

export const PUBLIC_URL = 'https://visita.test';

/**
 * The notification engine on a test app's database, driven by hand: `settle()` drains the
 * outbox and runs the due jobs (at the test clock's time) until nothing is left, the way the
 * worker loops would. Pushes go through real Web Push to a local push service.
 */
export async function startEngine(t: TestApp, options: { db?: Db } = {}) {
  const db = options.db ?? t.db;
  const vapid = await ensureVapidKeys(db, () => generateVapidKeys('mailto:test@visita.test'));
  const push = await startLocalPushService({ vapidPublicKey: vapid.publicKey });
  const sender = webPushSender(vapid);
  const engine = notificationEngine({
    publicUrl: PUBLIC_URL,
    now: () => t.clock.now(),
    push: { sender },
  });
  const jobOptions = { db, handlers: engine.jobHandlers, now: () => t.clock.now() };
  return {
    push,
    engine,
    vapid,
    async settle() {
      for (let round = 0; round < 100; round++) {
        // An event stamped by the database (microseconds) can be a fraction of a millisecond
        // ahead of Date.now(); a real worker takes it on its next poll, settling takes it now.
        const events = (
          await drainOutbox(db, engine.outboxHandlers, { now: () => new Date(Date.now() + 1000) })
        ).claimed;
        const jobs = await runDueJobs(jobOptions);
        if (events === 0 && jobs === 0) return;
      }
      throw new Error('the engine did not settle');
    },
    async close() {
      sender.close();
      await push.close();
    },
  };
}
export type TestEngine = Awaited<ReturnType<typeof startEngine>>;

let phones = 0;
export const nextAppPhone = () => `+4917${String(20_000_000 + ++phones * 104_729).slice(-8)}`;

/** A client of the salon who uses the app with one registered device. */
export async function makeAppClient(
  t: TestApp,
  e: TestEngine,
  s: Salon,
  input: { name?: string; device?: boolean } = {},
) {
  const phone = nextAppPhone();
  const user = await makeAppUser(t.db, { phone, name: input.name ?? 'Clara' });
  const [client] = await t.db.query<{ id: number }>(
    `INSERT INTO clients(location_id, phone, name, has_app) VALUES ($1, $2, $3, true) RETURNING id`,
    [s.loc, phone, input.name ?? 'Clara'],
  );
  let device: LocalDevice | null = null;
  if (input.device ?? true) {
    device = e.push.createDevice();
    const res = await appApi(t)('POST', '/push/subscriptions', user, device.subscription);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { ...user, clientId: client!.id, device };
}
export type AppClient = Awaited<ReturnType<typeof makeAppClient>>;

/** The salon of the records tests, with working hours on the test days for online booking. */
export async function makeNotifySalon(t: TestApp) {
  const s = await makeSalon(t);
  const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
  await makeSchedule(t.db, s.anna.id, days, [{ from: '09:00', to: '18:00' }]);
  return s;
}

/**
 * The notification tests' world: a fresh database with the clock on Saturday 28 Nov 2026 10:00 UTC,
 * the engine (workers + a local push service) and the salon. Close it with `closeNotifyWorld`.
 */
export async function openNotifyWorld() {
  const t = await createTestApp({ now: '2026-11-28T10:00:00Z' });
  const e = await startEngine(t);
  return { t, e, s: await makeNotifySalon(t) };
}

export async function closeNotifyWorld(t: TestApp, e: TestEngine): Promise<void> {
  await e.close();
  await t.close();
}

/** An appointment made in the back-office calendar for the client. */
export async function bookInCalendar(
  t: TestApp,
  s: Salon,
  c: { phone: string },
  datetime = '2026-12-01 10:00:00',
): Promise<number> {
  const res = await api(t).post(`/records/${s.loc}`, s.admin, {
    staff_id: s.anna.id,
    services: [{ id: s.cut.id }],
    client: { phone: c.phone, name: 'Clara' },
    datetime,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data[0].id as number;
}

/** An appointment the client books online (book_record). */
export async function bookOnline(
  t: TestApp,
  s: Salon,
  c: { phone: string },
  datetime = '2026-12-02 11:00:00',
): Promise<number> {
  const res = await api(t).post(`/book_record/${s.loc}`, null, {
    phone: c.phone,
    fullname: 'Clara',
    appointments: [{ id: 1, services: [s.cut.id], staff_id: s.anna.id, datetime }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data[0].record_id as number;
}

export async function inbox(t: TestApp, c: { token: string }, query = '') {
  const res = await appApi(t)('GET', `/notifications${query}`, c);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as {
    id: number;
    type: number;
    body: string;
    sender: string;
    appointment_id: number | null;
    url: string;
    read_at: string | null;
    actions: { kind: string; [k: string]: unknown }[];
  }[];
}

/** The types in the client's inbox, oldest first. */
export const typesOf = async (t: TestApp, c: { token: string }) =>
  (await inbox(t, c)).map((n) => n.type).reverse();

/** Turns a type on or off (and optionally sets its template/timing) through the admin API. */
export async function configure(
  t: TestApp,
  s: Salon,
  types: { type: number; enabled?: boolean; template?: string; timing?: number | null }[],
  brandName?: string,
) {
  const res = await adminApi(t)('PATCH', `/locations/${s.loc}/notification-settings`, s.owner, {
    types,
    ...(brandName !== undefined ? { brand_name: brandName } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

export function adminApi(t: TestApp) {
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    who: { token: string } | null,
    payload?: unknown,
  ) => {
    const response = await t.app.inject({
      method,
      url: `/api/admin/v1${url}`,
      headers: {
        authorization: who
          ? `Bearer ${t.partnerToken}, User ${who.token}`
          : `Bearer ${t.partnerToken}`,
      },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: response.statusCode,
      body: (response.body ? response.json() : null) as { success: boolean; data: any; meta: any },
    };
  };
}

export type { LocalPushService };
