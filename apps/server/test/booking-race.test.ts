import {
  createTestDb,
  makeLocation,
  makePartner,
  makeSchedule,
  makeService,
  makeStaff,
  type TestDb,
  raceTitle,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

const CONCURRENT = 50;

async function seedSlot(db: TestDb) {
  const loc = await makeLocation(db, { timezone: 'America/New_York' });
  const member = await makeStaff(db, loc.id);
  const service = await makeService(db, loc.id, { minutes: 60, staffIds: [member.id] });
  await makeSchedule(db, member.id, ['2026-12-10'], [{ from: '09:00', to: '18:00' }]);
  return { loc, member, service };
}

const body = (memberId: number, serviceId: number, i: number) => ({
  phone: `+1212555${String(1000 + i).padStart(4, '0')}`,
  fullname: `Client ${i}`,
  appointments: [
    { id: 1, services: [serviceId], staff_id: memberId, datetime: '2026-12-10T10:00:00-05:00' },
  ],
});

describe(raceTitle('50 concurrent book_record calls for one slot, one server'), () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-28T10:00:00Z' });
  });
  afterAll(() => t.close());

  it('exactly one is booked, the rest get the contract\'s "slot taken" (433)', async () => {
    const { loc, member, service } = await seedSlot(t.db);
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        call(t.app, {
          method: 'POST',
          url: `/api/v1/book_record/${loc.id}`,
          headers: authHeader(t.partnerToken),
          payload: body(member.id, service.id, i),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const unexpected = results.filter((r) => r.status !== 201 && r.status !== 422);
    expect(unexpected.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    expect(statuses.filter((s) => s === 422)).toHaveLength(CONCURRENT - 1);
    for (const r of results.filter((r) => r.status === 422))
      expect(r.body.meta.errors[0].code).toBe(433);
    const live = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE staff_id = $1 AND deleted_at IS NULL`,
      [member.id],
    );
    expect(live[0]!.n).toBe(1);
  });
});

/** Two `visita api` processes on one PostgreSQL database: the database, not a process, prevents the double booking. */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  '50 concurrent book_record calls across two server processes (PostgreSQL)',
  () => {
    let db: TestDb;
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      db = await createTestDb();
      for (let i = 0; i < 2; i++) servers.push(await startServerProcess({ DATABASE_URL: db.url }));
    }, 120_000);

    afterAll(async () => {
      for (const server of servers) await server.stop();
      await db?.close();
    });

    it('exactly one 201 in total', async () => {
      const partner = await makePartner(db);
      const { loc, member, service } = await seedSlot(db);
      const results = await Promise.all(
        Array.from({ length: CONCURRENT }, async (_, i) => {
          const response = await fetch(`${servers[i % 2]!.url}/api/v1/book_record/${loc.id}`, {
            method: 'POST',
            headers: { ...authHeader(partner.token), 'content-type': 'application/json' },
            body: JSON.stringify(body(member.id, service.id, i)),
          });
          return {
            status: response.status,
            body: (await response.json()) as { meta: { errors?: { code: number }[] } },
          };
        }),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused).toHaveLength(CONCURRENT - 1);
      for (const r of refused) expect(r.body.meta.errors?.[0]?.code).toBe(433);
      const live = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM records WHERE staff_id = $1 AND deleted_at IS NULL`,
        [member.id],
      );
      expect(live[0]!.n).toBe(1);
    });
  },
);
