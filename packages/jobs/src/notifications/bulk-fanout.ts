import {
  BULK_FANOUT_JOB,
  bookingPath,
  parseClientFilters,
  renderTemplate,
  senderName,
  TYPE_DEFINITIONS,
} from '@visita/core';
import { jobsQueue, notificationDelivery as nd, type Db } from '@visita/db';
import { finishJob, type Job, type JobHandlers } from '../job-worker';
import { PUSH_JOB, settingOf, type NotifyContext } from './compose';

/** Recipients read per fan-out job, and notifications per push job. */
export const FANOUT_PAGE = 2000;
export const PUSH_CHUNK = 200;

/**
 * One page of a bulk push: the next recipients by client id (the clients search's filters,
 * having the app), their notifications in one statement, push jobs for them, and the job for
 * the next page, all in one transaction with the end of this job. Re-running a page after a
 * crash writes nothing twice (idempotency keys, job keys).
 */
async function fanOut(db: Db, job: Job, ctx: NotifyContext): Promise<void> {
  const { bulkPushId, afterClientId } = job.payload as {
    bulkPushId: number;
    afterClientId: number;
  };
  await finishJob(db, job, async (tx) => {
    const bulk = await nd.findBulkForFanout(tx, bulkPushId);
    if (!bulk) return;
    const [location] = await tx.query<{ title: string; brand_name: string; timezone: string }>(
      'SELECT title, brand_name, timezone FROM locations WHERE id = $1',
      [bulk.locationId],
    );
    if (!location) return;
    const conditions = parseClientFilters(bulk.filters, location.timezone);
    const recipients = await nd.findBulkRecipients(
      tx,
      { locationId: bulk.locationId, conditions, operation: bulk.operation },
      afterClientId,
      FANOUT_PAGE,
      bulk.createdAt.getTime(),
    );
    const setting = await settingOf(tx, bulk.locationId, 13);
    const link = bookingPath(bulk.locationId);
    const ids = await nd.insertBulkNotifications(
      tx,
      {
        id: bulk.id,
        locationId: bulk.locationId,
        sender: senderName(location.brand_name),
        title: TYPE_DEFINITIONS[13].title,
        link,
      },
      recipients.map((r) => ({
        clientId: r.clientId,
        appUserId: r.appUserId,
        body: renderTemplate(setting.template, {
          text: bulk.text,
          client: r.clientName,
          location: location.title,
          link: `${ctx.publicUrl}${link}`,
        }),
      })),
    );
    const chunks: { notificationIds: number[] }[] = [];
    for (let i = 0; i < ids.length; i += PUSH_CHUNK)
      chunks.push({ notificationIds: ids.slice(i, i + PUSH_CHUNK) });
    await jobsQueue.enqueueJobs(tx, PUSH_JOB, chunks, ctx.now());
    const last = recipients.at(-1);
    const more = recipients.length === FANOUT_PAGE && last !== undefined;
    if (more)
      await jobsQueue.enqueueJob(tx, {
        kind: BULK_FANOUT_JOB,
        key: `bulk:${bulk.id}:after:${last.clientId}`,
        payload: { bulkPushId: bulk.id, afterClientId: last.clientId },
        runAt: ctx.now(),
      });
    await nd.addBulkProgress(tx, bulk.id, { queued: ids.length, fanoutDone: !more });
  });
}

export function bulkJobHandlers(ctx: NotifyContext): JobHandlers {
  return { [BULK_FANOUT_JOB]: (job, db) => fanOut(db, job, ctx) };
}
