import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/db';
import { resourcesRepo } from '../src/repositories/resources';
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
 * Removing a resource instance (the back office's instance editor) and booking it cannot cross:
 * a hold needs a live instance (trigger of 0051), and the removal locks the instances before it
 * looks for their future holds.
 */
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const DURING = '[2026-12-10T10:00:00Z,2026-12-10T11:00:00Z)';
const NOW = Date.parse('2026-11-28T10:00:00Z');

async function setUp() {
  const loc = await makeLocation(db);
  const member = await makeStaff(db, loc.id);
  const service = await makeService(db, loc.id, { staffIds: [member.id] });
  const resource = await makeResource(db, loc.id, 2);
  const record = (
    await makeAppointment(db, {
      locationId: loc.id,
      staffId: member.id,
      serviceIds: [service.id],
      phone: `+4915100${Math.floor(Math.random() * 1e6)}`,
      start: '2026-12-10T10:00:00Z',
    })
  ).id;
  return { resource, record };
}

const hold = (instanceId: number, recordId: number) => (tx: Queryable) =>
  tx.query(
    'INSERT INTO resource_occupancy(resource_instance_id, record_id, during) VALUES ($1, $2, $3)',
    [instanceId, recordId, DURING],
  );
/** What setResourceInstances does for a removal: lock, look for future holds, mark deleted. */
const remove = (resourceId: number, instanceId: number) => async (tx: Queryable) => {
  const repo = resourcesRepo(tx);
  await repo.lockInstances(resourceId);
  const holds = await repo.findFutureHolds([instanceId], NOW);
  if (holds.length > 0) throw Object.assign(new Error('booked'), { code: 'booked' });
  await repo.writeInstances(resourceId, { renamed: [], added: [], removed: [instanceId] });
};

describe('a removed resource instance, one write after the other (PGlite and PostgreSQL)', () => {
  it('takes no new hold (23P01); its live sibling does', async () => {
    const s = await setUp();
    const [gone, kept] = s.resource.instanceIds as [number, number];
    expect(await attempt(db, remove(s.resource.id, gone))).toEqual({ ok: true });
    expect(await attempt(db, hold(gone, s.record))).toEqual({ ok: false, code: '23P01' });
    expect(await attempt(db, hold(kept, s.record))).toEqual({ ok: true });
  });

  it('is refused while it holds a future appointment', async () => {
    const s = await setUp();
    const [held] = s.resource.instanceIds as [number];
    await attempt(db, hold(held, s.record));
    expect(await attempt(db, remove(s.resource.id, held))).toEqual({ ok: false, code: 'booked' });
  });
});

describe.skipIf(!onPostgres)('removal and booking racing (PostgreSQL: real concurrency)', () => {
  it('a hold written during the removal waits for it, then is refused', async () => {
    const s = await setUp();
    const [instance] = s.resource.instanceIds as [number];
    const result = await interleave(db, remove(s.resource.id, instance), hold(instance, s.record));
    expect(result).toEqual({ bWaitedForA: true, b: { ok: false, code: '23P01' } });
  });

  it('a removal during an uncommitted booking waits for it, then sees the hold', async () => {
    const s = await setUp();
    const [instance] = s.resource.instanceIds as [number];
    const result = await interleave(db, hold(instance, s.record), remove(s.resource.id, instance));
    expect(result).toEqual({ bWaitedForA: true, b: { ok: false, code: 'booked' } });
  });
});
