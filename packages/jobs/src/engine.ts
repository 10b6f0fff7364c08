import { ensureVapidKeys, type Db } from '@visita/db';
import { startJobWorker, type JobWorker } from './job-worker';
import { ensureBirthdayScan, notificationEngine } from './notifications';
import { startWorker, type OutboxHandlers, type Worker } from './outbox-worker';
import { generateVapidKeys, webPushSender, type PushSender } from './push/web-push-sender';

export interface EngineOptions {
  db: Db;
  publicUrl: string;
  vapidSubject: string;
  log: (line: string) => void;
  /** Extra outbox handlers (e.g. the default logger for unhandled event types). */
  outboxHandlers?: OutboxHandlers;
  leaseMs?: number;
  concurrency?: number;
  intervalMs?: number;
  /** Replaces Web Push (never in production; a test counting sends). */
  sender?: PushSender;
  now?: () => Date;
}

export interface Engine {
  outbox: Worker;
  jobs: JobWorker;
  stop(): Promise<void>;
}

/**
 * The worker side of the notification engine: the outbox worker turns domain events into
 * notifications and jobs; the job worker runs scheduled notifications, bulk fan-out and
 * Web Push delivery. The VAPID keys are made on the first start and kept in the database.
 */
export async function startNotificationEngine(options: EngineOptions): Promise<Engine> {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const vapid = await ensureVapidKeys(db, () => generateVapidKeys(options.vapidSubject));
  const sender = options.sender ?? webPushSender(vapid);
  const engine = notificationEngine({
    publicUrl: options.publicUrl,
    now,
    push: { sender, leaseMs: options.leaseMs ?? 60_000 },
  });
  await ensureBirthdayScan(db, now());
  const jobs = startJobWorker({
    db,
    handlers: engine.jobHandlers,
    concurrency: options.concurrency ?? 16,
    leaseMs: options.leaseMs ?? 60_000,
    intervalMs: options.intervalMs ?? 500,
    now,
    onError: (job, error) =>
      log(`jobs: ${job.kind} #${job.id} failed (attempt ${job.attempts}): ${String(error)}`),
    onDrainError: (error) => log(`jobs: claim failed: ${String(error)}`),
  });
  const outbox = startWorker({
    db,
    handlers: { ...options.outboxHandlers, ...engine.outboxHandlers },
    intervalMs: options.intervalMs ?? 500,
    now,
    onError: (event, error, attempts) =>
      log(
        `outbox: ${event.type} (event ${event.id}) failed, attempt ${attempts}: ${String(error)}`,
      ),
    onDrainError: (error) => log(`outbox: drain failed: ${String(error)}`),
  });
  return {
    outbox,
    jobs,
    async stop() {
      await Promise.all([outbox.stop(), jobs.stop()]);
      sender.close();
    },
  };
}
