import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/db';
import {
  createTestDb,
  makeAppointment,
  makeLocation,
  makeResource,
  makeService,
  makeStaff,
  type TestDb,
} from '../src/testing';
import { attempt, interleave, onPostgres } from './support/two-connections';

/**
 * The database, not the application, makes double booking impossible: these tests write holds
 * straight into the occupancy tables, so they fail the moment an EXCLUDE constraint is dropped
 * or weakened, whatever the use cases above them check first.
 */
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const range = (from: string, to: string) => `[${from},${to})`;
const TEN_TO_ELEVEN = range('2026-12-10T10:00:00Z', '2026-12-10T11:00:00Z');
const TEN_THIRTY_TO_NOON = range('2026-12-10T10:30:00Z', '2026-12-10T12:00:00Z');
const ELEVEN_TO_NOON = range('2026-12-10T11:00:00Z', '2026-12-10T12:00:00Z');

async function setUp() {
  const loc = await makeLocation(db);
  const member = await makeStaff(db, loc.id);
  const other = await makeStaff(db, loc.id);
  const service = await makeService(db, loc.id, { staffIds: [member.id] });
  const resource = await makeResource(db, loc.id, 2, [service.id]);
  // Records without holds of their own (deleted ones take none), to hang test holds on.
  const record = async () =>
    (
      await makeAppointment(db, {
        locationId: loc.id,
        staffId: member.id,
        serviceIds: [service.id],
        phone: `+4915100${Math.floor(Math.random() * 1e6)}`,
        start: '2026-01-01T10:00:00Z',
        deleted: true,
      })
    ).id;
  const activity = async () => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO activities(location_id, service_id, staff_id, starts_at, ends_at, capacity)
       VALUES ($1, $2, $3, '2026-12-10T10:00:00Z', '2026-12-10T11:00:00Z', 3) RETURNING id`,
      [loc.id, service.id, member.id],
    );
    return row!.id;
  };
  return { loc, member, other, service, resource, record, activity };
}

const staffHold = (staffId: number, recordId: number, during: string) => (tx: Queryable) =>
  tx.query('INSERT INTO staff_occupancy(staff_id, record_id, during) VALUES ($1, $2, $3)', [
    staffId,
    recordId,
    during,
  ]);
const eventHold = (staffId: number, activityId: number, during: string) => (tx: Queryable) =>
  tx.query('INSERT INTO staff_occupancy(staff_id, activity_id, during) VALUES ($1, $2, $3)', [
    staffId,
    activityId,
    during,
  ]);
const resourceHold = (instanceId: number, recordId: number, during: string) => (tx: Queryable) =>
  tx.query(
    'INSERT INTO resource_occupancy(resource_instance_id, record_id, during) VALUES ($1, $2, $3)',
    [instanceId, recordId, during],
  );

const refusedBy = (constraint: string) => ({ ok: false, code: '23P01', constraint });

describe('exclusion constraints, one write after the other (PGlite and PostgreSQL)', () => {
  it('a team member cannot hold overlapping time for two appointments', async () => {
    const s = await setUp();
    expect(await attempt(db, staffHold(s.member.id, await s.record(), TEN_TO_ELEVEN))).toEqual({
      ok: true,
    });
    expect(await attempt(db, staffHold(s.member.id, await s.record(), TEN_THIRTY_TO_NOON))).toEqual(
      refusedBy('staff_occupancy_no_overlap'),
    );
    // Half-open ranges: back to back is fine; another team member is not affected.
    expect(await attempt(db, staffHold(s.member.id, await s.record(), ELEVEN_TO_NOON))).toEqual({
      ok: true,
    });
    expect(await attempt(db, staffHold(s.other.id, await s.record(), TEN_TO_ELEVEN))).toEqual({
      ok: true,
    });
  });

  it('a released hold frees the time', async () => {
    const s = await setUp();
    const first = await s.record();
    await attempt(db, staffHold(s.member.id, first, TEN_TO_ELEVEN));
    await db.query('UPDATE staff_occupancy SET released_at = now() WHERE record_id = $1', [first]);
    expect(await attempt(db, staffHold(s.member.id, await s.record(), TEN_TO_ELEVEN))).toEqual({
      ok: true,
    });
  });

  it('a group event and an appointment cannot hold the same team member at once', async () => {
    const s = await setUp();
    expect(await attempt(db, eventHold(s.member.id, await s.activity(), TEN_TO_ELEVEN))).toEqual({
      ok: true,
    });
    expect(await attempt(db, staffHold(s.member.id, await s.record(), TEN_THIRTY_TO_NOON))).toEqual(
      refusedBy('staff_occupancy_no_overlap'),
    );
    expect(await attempt(db, eventHold(s.member.id, await s.activity(), TEN_TO_ELEVEN))).toEqual(
      refusedBy('staff_occupancy_no_overlap'),
    );
  });

  it('a resource instance cannot be held twice at once; its sibling instance can', async () => {
    const s = await setUp();
    const [first, second] = s.resource.instanceIds;
    expect(await attempt(db, resourceHold(first!, await s.record(), TEN_TO_ELEVEN))).toEqual({
      ok: true,
    });
    expect(await attempt(db, resourceHold(first!, await s.record(), TEN_THIRTY_TO_NOON))).toEqual(
      refusedBy('resource_occupancy_no_overlap'),
    );
    expect(await attempt(db, resourceHold(second!, await s.record(), TEN_TO_ELEVEN))).toEqual({
      ok: true,
    });
  });

  it('a group event cannot hold more places than its capacity', async () => {
    const s = await setUp();
    const id = await s.activity();
    const overfill = await attempt(db, (tx) =>
      tx.query('UPDATE activities SET booked_count = 4 WHERE id = $1', [id]),
    );
    expect(overfill).toMatchObject({ ok: false, code: '23514' });
  });
});

describe.skipIf(!onPostgres)(
  'exclusion constraints between two open transactions (PostgreSQL: real concurrency)',
  () => {
    it('team member: the second overlapping hold waits for the first, then gets 23P01', async () => {
      const s = await setUp();
      const [a, b] = [await s.record(), await s.record()];
      const result = await interleave(
        db,
        staffHold(s.member.id, a, TEN_TO_ELEVEN),
        staffHold(s.member.id, b, TEN_THIRTY_TO_NOON),
      );
      expect(result).toEqual({ bWaitedForA: true, b: refusedBy('staff_occupancy_no_overlap') });
    });

    it('team member: when the first rolls back, the waiting hold goes through', async () => {
      const s = await setUp();
      const [a, b] = [await s.record(), await s.record()];
      const result = await interleave(
        db,
        staffHold(s.member.id, a, TEN_TO_ELEVEN),
        staffHold(s.member.id, b, TEN_THIRTY_TO_NOON),
        'rollback',
      );
      expect(result).toEqual({ bWaitedForA: true, b: { ok: true } });
    });

    it('resource instance: the second overlapping hold gets 23P01', async () => {
      const s = await setUp();
      const instance = s.resource.instanceIds[0]!;
      const result = await interleave(
        db,
        resourceHold(instance, await s.record(), TEN_TO_ELEVEN),
        resourceHold(instance, await s.record(), TEN_THIRTY_TO_NOON),
      );
      expect(result).toEqual({ bWaitedForA: true, b: refusedBy('resource_occupancy_no_overlap') });
    });

    it('group event: an appointment racing an event for its team member gets 23P01', async () => {
      const s = await setUp();
      const result = await interleave(
        db,
        eventHold(s.member.id, await s.activity(), TEN_TO_ELEVEN),
        staffHold(s.member.id, await s.record(), TEN_THIRTY_TO_NOON),
      );
      expect(result).toEqual({ bWaitedForA: true, b: refusedBy('staff_occupancy_no_overlap') });
    });

    it('group event: the last place, claimed by two transactions, goes to one', async () => {
      const s = await setUp();
      const id = await s.activity();
      await db.query('UPDATE activities SET booked_count = 2 WHERE id = $1', [id]);
      // The repository's reservation statement: it re-checks the count under the row lock.
      const reserve = (tx: Queryable) =>
        tx
          .query(
            `UPDATE activities SET booked_count = booked_count + 1
              WHERE id = $1 AND booked_count + 1 <= capacity RETURNING booked_count`,
            [id],
          )
          .then((rows) => {
            if (rows.length === 0) throw Object.assign(new Error('full'), { code: 'full' });
          });
      const result = await interleave(db, reserve, reserve);
      expect(result).toEqual({ bWaitedForA: true, b: { ok: false, code: 'full' } });
      const [row] = await db.query<{ booked_count: number }>(
        'SELECT booked_count FROM activities WHERE id = $1',
        [id],
      );
      expect(row!.booked_count).toBe(3);
    });
  },
);
