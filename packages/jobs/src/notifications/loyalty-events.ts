import { discountExpiringAt } from '@visita/core';
import { jobsQueue, notificationDelivery as nd } from '@visita/db';
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
        setting: await settingOf(tx, recipient.locationId, 10),
        values: { discount: discountText(str(p.title), percent) },
      });
      const key = `notify:11:card:${cardId}:client:${clientId}`;
      const expiresAt = typeof p.expiresAt === 'string' ? Date.parse(p.expiresAt) : NaN;
      const setting = await settingOf(tx, recipient.locationId, 11);
      if (!Number.isFinite(expiresAt) || !setting.enabled) {
        await jobsQueue.dropJobs(tx, [key]);
        return;
      }
      const runAt = Math.max(
        discountExpiringAt(expiresAt, setting.timing ?? 0),
        ctx.now().getTime(),
      );
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
        },
        runAt: new Date(runAt),
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
