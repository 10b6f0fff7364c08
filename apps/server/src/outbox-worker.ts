import type { Db } from '@visita/db';
import { startNotificationEngine, type Engine } from '@visita/jobs';

export interface WorkerConfig {
  publicUrl: string;
  vapidSubject: string;
  jobLeaseMs: number;
  jobConcurrency: number;
}

/**
 * The process's background work: the outbox worker (domain events → notifications and jobs;
 * event types nobody handles are logged and marked processed) and the job worker (scheduled
 * notifications, bulk fan-out, Web Push delivery).
 */
export function startOutboxWorker(
  db: Db,
  config: WorkerConfig,
  log: (line: string) => void = console.log,
): Promise<Engine> {
  return startNotificationEngine({
    db,
    publicUrl: config.publicUrl,
    vapidSubject: config.vapidSubject,
    leaseMs: config.jobLeaseMs,
    concurrency: config.jobConcurrency,
    log,
    outboxHandlers: {
      '*': async (event) => log(`outbox: ${event.type} #${event.aggregateId} (event ${event.id})`),
    },
  });
}
