import type { Queryable } from '../db';

/** One stored domain event as the outbox worker sees it. */
export interface OutboxEvent {
  id: number;
  locationId: number;
  type: string;
  aggregateId: number;
  payload: Record<string, unknown>;
  /** Failed attempts so far. */
  attempts: number;
  createdAt: Date;
}

type Row = {
  id: number;
  location_id: number;
  type: string;
  aggregate_id: number;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
};

/**
 * Locks up to `limit` due, unprocessed events for the calling transaction. SKIP LOCKED lets
 * several workers drain at once: each takes rows no other transaction holds, so an event is
 * handled by one worker only, and a crashed worker's rows come back when its transaction ends.
 */
export async function claimDueEvents(
  tx: Queryable,
  limit: number,
  now: Date,
): Promise<OutboxEvent[]> {
  const rows = await tx.query<Row>(
    `SELECT id, location_id, type, aggregate_id, payload, attempts, created_at
       FROM outbox_events
      WHERE processed_at IS NULL AND available_at <= $1
      ORDER BY id
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    locationId: r.location_id,
    type: r.type,
    aggregateId: r.aggregate_id,
    payload: r.payload,
    attempts: r.attempts,
    createdAt: r.created_at,
  }));
}

export async function markProcessed(tx: Queryable, id: number): Promise<void> {
  await tx.query('UPDATE outbox_events SET processed_at = now() WHERE id = $1', [id]);
}

/** Counts a failed attempt; the event is due again at `availableAt` (null: parked for good). */
export async function scheduleRetry(
  tx: Queryable,
  id: number,
  availableAt: Date | null,
): Promise<void> {
  await tx.query(
    `UPDATE outbox_events SET attempts = attempts + 1,
            available_at = COALESCE($2::timestamptz, 'infinity'::timestamptz)
      WHERE id = $1`,
    [id, availableAt],
  );
}

/**
 * Runs `work` inside a savepoint of the surrounding transaction: when it throws, only what it
 * wrote is undone and the transaction stays usable (for recording the failed attempt).
 */
export async function inSavepoint<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  await tx.query('SAVEPOINT outbox_event');
  try {
    const result = await work();
    await tx.query('RELEASE SAVEPOINT outbox_event');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT outbox_event');
    throw error;
  }
}

/** Test and operations helper: the stored state of some events. */
export async function findEventStates(
  q: Queryable,
  ids: number[],
): Promise<{ id: number; attempts: number; processedAt: Date | null; availableAt: Date }[]> {
  const rows = await q.query<{
    id: number;
    attempts: number;
    processed_at: Date | null;
    available_at: Date;
  }>(
    'SELECT id, attempts, processed_at, available_at FROM outbox_events WHERE id = ANY($1) ORDER BY id',
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    attempts: r.attempts,
    processedAt: r.processed_at,
    availableAt: r.available_at,
  }));
}
