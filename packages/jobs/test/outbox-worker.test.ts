import { createRepos, outboxQueue, type Db } from '@visita/db';
import { createTestDb, makeLocation, raceTitle } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox, startWorker, type OutboxEvent } from '../src';

let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

/** Writes `n` events for a fresh location and returns their ids. */
async function addEvents(n: number, type = 'appointment.created'): Promise<number[]> {
  const location = await makeLocation(db);
  const outbox = createRepos(db).outbox;
  for (let i = 0; i < n; i++)
    await outbox.addEvent({
      locationId: location.id,
      type: type as never,
      aggregateId: i,
      payload: { i },
    });
  const rows = await db.query<{ id: number }>(
    'SELECT id FROM outbox_events WHERE location_id = $1 ORDER BY id',
    [location.id],
  );
  return rows.map((r) => r.id);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('drainOutbox', () => {
  it('hands every due event to its type handler once and marks it processed', async () => {
    const ids = await addEvents(5);
    const seen: OutboxEvent[] = [];
    let result;
    do {
      result = await drainOutbox(
        db,
        { 'appointment.created': async (e) => void seen.push(e) },
        { batchSize: 2 },
      );
    } while (result.claimed > 0);
    const mine = seen.filter((e) => ids.includes(e.id));
    expect(mine.map((e) => e.id)).toEqual(ids);
    expect(mine[0]).toMatchObject({ type: 'appointment.created', payload: { i: 0 }, attempts: 0 });
    const states = await outboxQueue.findEventStates(db, ids);
    expect(states.every((s) => s.processedAt !== null)).toBe(true);
  });

  it('retries a failing handler later with backoff, undoing what it wrote', async () => {
    const [id] = await addEvents(1, 'appointment.moved');
    const location = await makeLocation(db);
    let calls = 0;
    const handlers = {
      'appointment.moved': async (_e: OutboxEvent, tx: { query: Db['query'] }) => {
        calls++;
        // A write the handler makes must vanish when it fails.
        await tx.query('UPDATE locations SET title = $2 WHERE id = $1', [
          location.id,
          `try ${calls}`,
        ]);
        if (calls === 1) throw new Error('push service down');
      },
    };
    const errors: number[] = [];
    const t0 = Date.now();
    await drainOutbox(db, handlers, { onError: (_e, _err, attempts) => errors.push(attempts) });
    expect(errors).toEqual([1]);
    let [state] = await outboxQueue.findEventStates(db, [id!]);
    expect(state).toMatchObject({ attempts: 1, processedAt: null });
    expect(state!.availableAt.getTime()).toBeGreaterThanOrEqual(t0 + 1000);
    const [title] = await db.query<{ title: string }>('SELECT title FROM locations WHERE id = $1', [
      location.id,
    ]);
    expect(title!.title).not.toBe('try 1');

    // Not due yet: nothing happens.
    await drainOutbox(db, handlers);
    expect(calls).toBe(1);

    // Due after the backoff: handled, and its write kept.
    await drainOutbox(db, handlers, { now: () => new Date(Date.now() + 5_000) });
    expect(calls).toBe(2);
    [state] = await outboxQueue.findEventStates(db, [id!]);
    expect(state!.processedAt).not.toBeNull();
    const [after] = await db.query<{ title: string }>('SELECT title FROM locations WHERE id = $1', [
      location.id,
    ]);
    expect(after!.title).toBe('try 2');
  });

  it('parks an event after maxAttempts failures', async () => {
    const [id] = await addEvents(1, 'appointment.deleted');
    const failing = { 'appointment.deleted': () => Promise.reject(new Error('bad event')) };
    await drainOutbox(db, failing, { maxAttempts: 1 });
    await drainOutbox(db, failing, { now: () => new Date(Date.now() + 10 * 86_400_000) });
    const [state] = await outboxQueue.findEventStates(db, [id!]);
    expect(state).toMatchObject({ attempts: 1, processedAt: null });
  });

  it(
    raceTitle('lets two workers drain concurrently: every event handled exactly once'),
    async () => {
      const ids = await addEvents(120, 'appointment.confirmed');
      const calls: number[] = [];
      const byWorker = [0, 0];
      const handlersOf = (worker: 0 | 1) => ({
        'appointment.confirmed': async (e: OutboxEvent) => {
          await tick();
          calls.push(e.id);
          byWorker[worker]!++;
        },
      });
      const drainUntilEmpty = async (worker: 0 | 1) => {
        while ((await drainOutbox(db, handlersOf(worker), { batchSize: 7 })).claimed > 0);
      };
      await Promise.all([drainUntilEmpty(0), drainUntilEmpty(1)]);
      const mine = calls.filter((id) => ids.includes(id)).sort((a, b) => a - b);
      expect(mine).toEqual(ids);
      // On PostgreSQL the two really ran side by side (PGlite has one connection, so it serialises).
      if (db.kind === 'postgres') expect(Math.min(...byWorker)).toBeGreaterThan(0);
      const states = await outboxQueue.findEventStates(db, ids);
      expect(states.every((s) => s.processedAt !== null && s.attempts === 0)).toBe(true);
    },
  );
});

describe('startWorker', () => {
  it('keeps draining until stopped', async () => {
    const seen: number[] = [];
    const worker = startWorker({
      db,
      handlers: { 'activity.booked': async (e) => void seen.push(e.id) },
      intervalMs: 20,
      batchSize: 3,
    });
    const ids = await addEvents(8, 'activity.booked');
    for (let i = 0; i < 200 && !ids.every((id) => seen.includes(id)); i++)
      await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(seen.filter((id) => ids.includes(id)).sort((a, b) => a - b)).toEqual(ids);
  });
});
