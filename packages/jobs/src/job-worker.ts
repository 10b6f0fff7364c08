import { jobsQueue, type Db, type Queryable } from '@visita/db';
import { retryDelayMs } from './outbox-worker';

export type Job = jobsQueue.Job;

/**
 * Runs one claimed job. A handler finishes its job itself, normally with `finishJob` (its
 * writes and the job's removal in one transaction); a throw schedules a retry with backoff.
 */
export type JobHandler = (job: Job, db: Db) => Promise<void>;
export type JobHandlers = Record<string, JobHandler | undefined>;

/** The lease was lost: the job was moved or another worker took it over; nothing was written. */
export class LostLease extends Error {
  constructor(job: Job) {
    super(`job ${job.id} (${job.kind}) is no longer ours`);
  }
}

/** Commits `work`'s writes together with the job's removal, or neither when the lease is lost. */
export function finishJob<T>(db: Db, job: Job, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await work(tx);
    if (!(await jobsQueue.completeJob(tx, job))) throw new LostLease(job);
    return result;
  });
}

export interface JobWorkerOptions {
  db: Db;
  handlers: JobHandlers;
  /** Jobs run at once (each claimed batch is this big). */
  concurrency?: number;
  /** How long a claimed job stays ours; a worker killed mid-job lets others retry after it. */
  leaseMs?: number;
  intervalMs?: number;
  maxAttempts?: number;
  now?: () => Date;
  onError?: (job: Job, error: unknown) => void;
  onDrainError?: (error: unknown) => void;
}

async function runJob(options: JobWorkerOptions, job: Job): Promise<void> {
  const { db, handlers, maxAttempts = 12 } = options;
  const now = options.now ?? (() => new Date());
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job, db);
  } catch (error) {
    if (error instanceof LostLease) return;
    options.onError?.(job, error);
    const due =
      job.attempts >= maxAttempts ? null : new Date(now().getTime() + retryDelayMs(job.attempts));
    await jobsQueue.retryJob(db, job, due, String(error)).catch(options.onDrainError);
  }
}

/** Claims one batch of due jobs and runs it to the end; the number claimed (tests step with it). */
export async function runDueJobs(options: JobWorkerOptions): Promise<number> {
  const { db, concurrency = 16, leaseMs = 60_000 } = options;
  const now = options.now ?? (() => new Date());
  const jobs = await jobsQueue.claimDueJobs(db, concurrency, now(), leaseMs);
  await Promise.all(jobs.map((job) => runJob(options, job)));
  return jobs.length;
}

export interface JobWorker {
  stop(): Promise<void>;
  /** Runs the loop now instead of at the end of the pause (a test, or new work). */
  wake(): void;
}

/**
 * Keeps up to `concurrency` jobs running: a slot that frees is refilled at once (a slow push
 * job does not hold up the others); with nothing due it looks again every `intervalMs`.
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, intervalMs = 500, concurrency = 16, leaseMs = 60_000 } = options;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let wake: (() => void) | null = null;
  const running = new Set<Promise<void>>();
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      let claimed: Job[] = [];
      const free = concurrency - running.size;
      if (free > 0)
        try {
          claimed = await jobsQueue.claimDueJobs(db, free, now(), leaseMs);
        } catch (error) {
          options.onDrainError?.(error);
        }
      for (const job of claimed) {
        const run: Promise<void> = runJob(options, job).finally(() => running.delete(run));
        running.add(run);
      }
      if (stopped) break;
      if (running.size >= concurrency) await Promise.race(running);
      else if (claimed.length < free) await Promise.race([pause(), ...running]);
    }
    await Promise.all(running);
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
    wake: () => wake?.(),
  };
}
