import { jobsQueue, notificationDelivery as nd, type Db } from '@visita/db';
import { finishJob, LostLease, type Job, type JobHandlers } from '../job-worker';
import { PUSH_JOB } from '../notifications/compose';
import type { PushOutcome, PushSender } from './web-push-sender';

export interface PushContext {
  sender: PushSender;
  /** Requests in flight per job; a slice's results are committed before the next slice. */
  sliceSize?: number;
  ttlSeconds?: number;
  /** The job lease; renewed after every slice so a long job is not taken over while it runs. */
  leaseMs?: number;
}

/** What the service worker shows: the tag is the notification id, so a repeat replaces, never adds. */
export function pushPayload(m: nd.PushMessage): string {
  return JSON.stringify({
    id: m.id,
    tag: `visita-${m.id}`,
    type: m.type,
    title: m.sender,
    body: m.body,
    url: m.link,
    location_id: m.locationId,
    appointment_id: m.appointmentId,
  });
}

/**
 * Pushes some notifications to their clients' devices. Slices of requests go out at once; after
 * each slice the pushed notifications are marked (and dead devices forgotten) in one
 * transaction, so a retry or a worker taking over after a crash resends at most the slice that
 * was in flight. The Topic header (the notification id) lets a push service replace an undelivered
 * duplicate, and the payload's tag makes the device show a duplicate in place of the first.
 */
async function deliver(db: Db, job: Job, ctx: PushContext): Promise<void> {
  const ids = (job.payload as { notificationIds: number[] }).notificationIds;
  const { messages, targets } = await nd.findPushWork(db, ids);
  const byNotification = new Map<number, nd.PushTarget[]>();
  for (const t of targets)
    byNotification.set(t.notificationId, [...(byNotification.get(t.notificationId) ?? []), t]);
  const sliceSize = ctx.sliceSize ?? 50;
  let pending = false;
  for (let i = 0; i < messages.length; i += sliceSize) {
    const slice = messages.slice(i, i + sliceSize);
    const outcomes = await Promise.all(
      slice.map(async (m) => {
        const devices = byNotification.get(m.id) ?? [];
        const payload = pushPayload(m);
        const results = await Promise.all(
          devices.map(async (d) => ({
            device: d,
            outcome: await ctx.sender.send(d, payload, {
              topic: `n${m.id}`,
              ttlSeconds: ctx.ttlSeconds ?? 86_400,
            }),
          })),
        );
        return { message: m, results };
      }),
    );
    const done: number[] = [];
    const gone: number[] = [];
    const bulk = new Map<number, { delivered: number; undeliverable: number }>();
    for (const { message, results } of outcomes) {
      const retry = results.some((r) => r.outcome === 'retry');
      gone.push(...results.filter((r) => r.outcome === 'gone').map((r) => r.device.subscriptionId));
      if (retry) {
        pending = true;
        continue;
      }
      done.push(message.id);
      if (message.bulkPushId !== null) {
        const counts = bulk.get(message.bulkPushId) ?? { delivered: 0, undeliverable: 0 };
        if (results.some((r) => r.outcome === ('delivered' satisfies PushOutcome)))
          counts.delivered++;
        else counts.undeliverable++;
        bulk.set(message.bulkPushId, counts);
      }
    }
    await db.transaction(async (tx) => {
      await nd.markPushed(tx, done);
      await nd.removeGoneSubscriptions(tx, gone);
      for (const [bulkPushId, counts] of bulk) await nd.addBulkProgress(tx, bulkPushId, counts);
    });
    if (ctx.leaseMs && !(await jobsQueue.extendLease(db, job, ctx.leaseMs)))
      throw new LostLease(job);
  }
  if (pending) throw new Error('some push services asked to retry later');
  await finishJob(db, job, async () => undefined);
}

export function pushJobHandlers(ctx: PushContext): JobHandlers {
  return { [PUSH_JOB]: (job, db) => deliver(db, job, ctx) };
}
