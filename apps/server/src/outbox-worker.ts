import type { Db } from '@visita/db';
import { startWorker, type OutboxHandlers, type Worker } from '@visita/jobs';

/**
 * The process's outbox worker. Until the notification engine registers its handlers, every
 * event is logged by type and marked processed.
 */
export function startOutboxWorker(
  db: Db,
  log: (line: string) => void = console.log,
  handlers: OutboxHandlers = {},
): Worker {
  return startWorker({
    db,
    handlers: {
      '*': async (event) => log(`outbox: ${event.type} #${event.aggregateId} (event ${event.id})`),
      ...handlers,
    },
    intervalMs: 1000,
    onError: (event, error, attempts) =>
      log(
        `outbox: ${event.type} (event ${event.id}) failed, attempt ${attempts}: ${String(error)}`,
      ),
    onDrainError: (error) => log(`outbox: drain failed: ${String(error)}`),
  });
}
