import { discountExpiringAt, type NotificationSetting } from '@visita/core';
import { jobsQueue, loyaltyNotices, notificationDelivery as nd, type Queryable } from '@visita/db';
import type { OutboxHandlers } from '../outbox-worker';
import { SCHEDULED_JOB } from './appointment-events';
import { notify, settingOf, type NotifyContext } from './compose';

export const discountText = (title: string | undefined, percent: number | null) =>
  [title, percent !== null ? `${percent}%` : null].filter(Boolean).join(' ');

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** An id from a payload (number or string), else the fallback. */
const idOf = (v: unknown, fallback: number) =>
  typeof v === 'number' || typeof v === 'string' ? String(v) : String(fallback);

/**
 * The location's setting, with the program's own message when its template is `custom` (other
 * template types, or none, keep the location's).
 */
export async function withProgramTemplate(
  q: Queryable,
  setting: NotificationSetting,
  programId: unknown,
  which: 'changed' | 'expiration',
): Promise<NotificationSetting> {
  if (typeof programId !== 'number') return setting;
  const own = await loyaltyNotices.findProgramTemplate(q, programId, which);
  return own?.type === 'custom' && own.body.trim() ? { ...setting, template: own.body } : setting;
}

/** When to warn: the program's days before (when > 0), else the location's type-11 timing. */
const warnAt = (
  expiresAt: number,
  programDays: unknown,
  setting: NotificationSetting,
  now: number,
) =>
  Math.max(
    discountExpiringAt(
      expiresAt,
      typeof programDays === 'number' && programDays > 0 ? programDays : (setting.timing ?? 0),
    ),
    now,
  );

/**
 * The loyalty engine's events: `discount.granted` (type 10 now, type 11 planned from
 * `expiresAt`) and `payment.succeeded` (type 12). Payloads as agreed between the teams.
 */
export function loyaltyEventHandlers(ctx: NotifyContext): OutboxHandlers {
  return {
    'discount.granted': async (event, tx) => {
      const p = event.payload;
      const clientId = num(p.clientId);
      if (clientId === null) return;
      const recipient = await nd.findRecipient(tx, clientId);
      if (!recipient) return;
      const percent = num(p.discountPercent);
      const cardId = idOf(p.cardId, event.aggregateId);
      await notify(tx, ctx, {
        type: 10,
        subject: `card:${cardId}:event:${event.id}`,
        recipient,
        setting: await withProgramTemplate(
          tx,
          await settingOf(tx, recipient.locationId, 10),
          p.programId,
          'changed',
        ),
        values: { discount: discountText(str(p.title), percent) },
      });
      const key = `notify:11:card:${cardId}:client:${clientId}`;
      const expiresAt = typeof p.expiresAt === 'string' ? Date.parse(p.expiresAt) : NaN;
      const setting = await settingOf(tx, recipient.locationId, 11);
      if (!Number.isFinite(expiresAt) || !setting.enabled) {
        await jobsQueue.dropJobs(tx, [key]);
        return;
      }
      const runAt = warnAt(expiresAt, p.notifyDaysBefore, setting, ctx.now().getTime());
      await jobsQueue.scheduleJob(tx, {
        kind: SCHEDULED_JOB,
        key,
        payload: {
          type: 11,
          clientId,
          cardId,
          title: str(p.title),
          discountPercent: percent,
          expiresAt,
          programId: num(p.programId),
        },
        runAt: new Date(runAt),
      });
    },
    // A bonus lot that expires: its type-11 warning, once per lot (the job re-checks the lot).
    'bonus.credited': async (event, tx) => {
      const p = event.payload;
      const clientId = num(p.clientId);
      const lotId = num(p.lotId);
      const expiresAt = typeof p.expiresAt === 'string' ? Date.parse(p.expiresAt) : NaN;
      if (clientId === null || lotId === null || !Number.isFinite(expiresAt)) return;
      const recipient = await nd.findRecipient(tx, clientId);
      if (!recipient) return;
      const setting = await settingOf(tx, recipient.locationId, 11);
      if (!setting.enabled) return;
      await jobsQueue.scheduleJob(tx, {
        kind: SCHEDULED_JOB,
        key: `notify:11:lot:${lotId}`,
        payload: {
          type: 11,
          clientId,
          cardId: idOf(p.cardId, event.aggregateId),
          lotId,
          expiresAt,
          programId: num(p.programId),
        },
        runAt: new Date(warnAt(expiresAt, p.notifyDaysBefore, setting, ctx.now().getTime())),
      });
    },
    'payment.succeeded': async (event, tx) => {
      const p = event.payload;
      const clientId = num(p.clientId);
      if (clientId === null) return;
      const recipient = await nd.findRecipient(tx, clientId);
      if (!recipient) return;
      const amount = num(p.amount);
      await notify(tx, ctx, {
        type: 12,
        subject: `payment:${idOf(p.paymentId, event.aggregateId)}`,
        recipient,
        setting: await settingOf(tx, recipient.locationId, 12),
        values: {
          amount: amount === null ? '' : `${amount.toFixed(2)} ${str(p.currency) ?? ''}`.trim(),
          item: str(p.title) ?? '',
        },
      });
    },
  };
}
