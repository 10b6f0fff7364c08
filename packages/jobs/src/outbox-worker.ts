import { outboxQueue, type Db, type Queryable } from '@visita/db';

export type OutboxEvent = outboxQueue.OutboxEvent;

/**
 * Handles one event inside the worker's transaction: what it writes through `tx` commits
 * together with the event being marked processed, so its effects happen exactly once. A throw
 * undoes its writes and schedules a retry. Keep handlers short: the event stays locked meanwhile.
 */
export type OutboxHandler = (event: OutboxEvent, tx: Queryable) => Promise<void>;

/** Handlers by event type; `'*'` takes types without their own handler. Unhandled events are just marked processed. */
export type OutboxHandlers = Record<string, OutboxHandler | undefined>;

export interface DrainOptions {
  batchSize?: number;
  /** The worker's clock (tests move it to make retries due). */
  now?: () => Date;
  /** After this many failed attempts an event is parked (never due again) for an operator. */
  maxAttempts?: number;
  onError?: (event: OutboxEvent, error: unknown, attempts: number) => void;
}

export interface DrainResult {
  claimed: number;
  processed: number;
  failed: number;
}

/** 1 s, 2 s, 4 s, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}

/** Claims one batch of due events (FOR UPDATE SKIP LOCKED) and handles it in one transaction. */
export function drainOutbox(
  db: Db,
  handlers: OutboxHandlers,
  options: DrainOptions = {},
): Promise<DrainResult> {
  const { batchSize = 50, now = () => new Date(), maxAttempts = 20 } = options;
  return db.transaction(async (tx) => {
    const events = await outboxQueue.claimDueEvents(tx, batchSize, now());
    const result: DrainResult = { claimed: events.length, processed: 0, failed: 0 };
    for (const event of events) {
      const handler = handlers[event.type] ?? handlers['*'];
      try {
        if (handler) await outboxQueue.inSavepoint(tx, () => handler(event, tx));
        await outboxQueue.markProcessed(tx, event.id);
        result.processed++;
      } catch (error) {
        const attempts = event.attempts + 1;
        const due =
          attempts >= maxAttempts ? null : new Date(now().getTime() + retryDelayMs(attempts));
        await outboxQueue.scheduleRetry(tx, event.id, due);
        result.failed++;
        options.onError?.(event, error, attempts);
      }
    }
    return result;
  });
}

export interface WorkerOptions extends DrainOptions {
  db: Db;
  handlers: OutboxHandlers;
  /** Pause after a batch that was not full. */
  intervalMs?: number;
  /** A drain that failed as a whole (e.g. the database is away); the loop goes on. */
  onDrainError?: (error: unknown) => void;
}

export interface Worker {
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>;
}

/** Drains the outbox in a loop: straight on while batches come back full, else every `intervalMs`. */
export function startWorker(options: WorkerOptions): Worker {
  const { db, handlers, intervalMs = 1000, batchSize = 50 } = options;
  let stopped = false;
  let wake: (() => void) | null = null;
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
      let claimed = 0;
      try {
        claimed = (await drainOutbox(db, handlers, { ...options, batchSize })).claimed;
      } catch (error) {
        options.onDrainError?.(error);
      }
      if (!stopped && claimed < batchSize) await pause();
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
