import type { JobsRepo } from '@visita/core';
import type { Queryable } from '../db';

/** One claimed job. `attempts` is the fencing token: only its claimer may finish it. */
export interface Job {
  id: number;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  runAt: Date;
}

type Row = {
  id: number;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  run_at: Date;
};

export function jobsRepo(q: Queryable): JobsRepo {
  return { enqueue: (job) => enqueueJob(q, job) };
}

/** Adds a job; a keyed job that already exists is left as it is. */
export async function enqueueJob(
  q: Queryable,
  job: { kind: string; key?: string | null; payload: unknown; runAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO jobs(kind, key, payload, run_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO NOTHING`,
    [job.kind, job.key ?? null, JSON.stringify(job.payload), job.runAt],
  );
}

/** Many unkeyed jobs of one kind in one statement (bulk fan-out). */
export async function enqueueJobs(
  q: Queryable,
  kind: string,
  payloads: unknown[],
  runAt: Date,
): Promise<void> {
  if (payloads.length === 0) return;
  await q.query(
    `INSERT INTO jobs(kind, payload, run_at)
     SELECT $1, p::jsonb, $3 FROM unnest($2::text[]) AS p`,
    [kind, payloads.map((p) => JSON.stringify(p)), runAt],
  );
}

/**
 * Puts the keyed job at `runAt` with this payload, creating it or moving it (a moved
 * appointment's reminder); a job being worked on is taken back and runs again at the new time.
 */
export async function scheduleJob(
  q: Queryable,
  job: { kind: string; key: string; payload: unknown; runAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO jobs(kind, key, payload, run_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE
       SET payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, attempts = 0,
           locked_until = NULL, last_error = NULL`,
    [job.kind, job.key, JSON.stringify(job.payload), job.runAt],
  );
}

export async function dropJobs(q: Queryable, keys: string[]): Promise<void> {
  await q.query('DELETE FROM jobs WHERE key = ANY($1::text[])', [keys]);
}

/**
 * Leases up to `limit` due jobs for `leaseMs`: FOR UPDATE SKIP LOCKED so concurrent workers take
 * different rows; the lease (not a held transaction) marks them taken, so a job runs outside
 * any transaction and a worker that dies leaves jobs that come back when the lease ends.
 */
export async function claimDueJobs(
  q: Queryable,
  limit: number,
  now: Date,
  leaseMs: number,
): Promise<Job[]> {
  const rows = await q.query<Row>(
    `UPDATE jobs SET locked_until = $2, attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs
                    WHERE run_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                    ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, key, payload, attempts, run_at`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      key: r.key,
      payload: r.payload,
      attempts: r.attempts,
      runAt: r.run_at,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Keeps a long job ours for another `leaseMs`; false when it was lost already. */
export async function extendLease(q: Queryable, job: Job, leaseMs: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE jobs SET locked_until = now() + make_interval(secs => $3::double precision / 1000)
      WHERE id = $1 AND attempts = $2 RETURNING id`,
    [job.id, job.attempts, leaseMs],
  );
  return rows.length > 0;
}

/** Deletes a finished job; false when the lease was lost (another worker owns it now). */
export async function completeJob(q: Queryable, job: Job): Promise<boolean> {
  const rows = await q.query('DELETE FROM jobs WHERE id = $1 AND attempts = $2 RETURNING id', [
    job.id,
    job.attempts,
  ]);
  return rows.length > 0;
}

/** A failed attempt: due again at `runAt` (null: parked for an operator, never due again). */
export async function retryJob(
  q: Queryable,
  job: Job,
  runAt: Date | null,
  error: string,
): Promise<void> {
  await q.query(
    `UPDATE jobs SET locked_until = NULL, last_error = $3,
            run_at = COALESCE($4::timestamptz, 'infinity'::timestamptz)
      WHERE id = $1 AND attempts = $2`,
    [job.id, job.attempts, error.slice(0, 2000), runAt],
  );
}

/** Tests and operations: the jobs still queued, by kind. */
export async function countJobs(q: Queryable, kinds: string[]): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jobs WHERE kind = ANY($1::text[]) AND run_at < 'infinity'`,
    [kinds],
  );
  return row?.n ?? 0;
}
