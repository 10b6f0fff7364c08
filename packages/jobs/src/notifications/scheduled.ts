import {
  birthdayGreetingDue,
  formatForClient,
  isNotificationType,
  nextHour,
  TYPE_DEFINITIONS,
} from '@visita/core';
import {
  jobsQueue,
  loyaltyNotices,
  notificationDelivery as nd,
  type Db,
  type Queryable,
} from '@visita/db';
import { finishJob, type Job, type JobHandlers } from '../job-worker';
import { SCHEDULED_JOB } from './appointment-events';
import { appointmentValues, notify, settingOf, type NotifyContext } from './compose';
import { discountText, withProgramTemplate } from './loyalty-events';

export const BIRTHDAY_SCAN_JOB = 'birthday.scan';
const HOUR = 3_600_000;

type Payload = {
  type: number;
  appointmentId?: number;
  start?: number;
  clientId?: number;
  cardId?: number | string;
  title?: string;
  discountPercent?: number | null;
  expiresAt?: number;
  /** A bonus lot's warning (else the card's discount). */
  lotId?: number;
  programId?: number | null;
};

/**
 * Type 11, re-checked now: a discount warning only while the card still holds a discount ending
 * then; a bonus warning only while the lot is live, expires then and still holds bonus (its
 * text names what is left).
 */
async function runExpiring(q: Queryable, ctx: NotifyContext, p: Payload): Promise<void> {
  if (p.clientId === undefined || p.expiresAt === undefined) return;
  if (ctx.now().getTime() >= p.expiresAt) return;
  let discount: string;
  let amount = '';
  let subject: string;
  if (p.lotId !== undefined) {
    const left = await loyaltyNotices.findLotRemaining(q, p.lotId, p.expiresAt);
    if (!left) return;
    amount = left.toFixed(2);
    discount = `bonus ${amount}`;
    subject = `lot:${p.lotId}@${p.expiresAt}`;
  } else {
    const cardId = Number(p.cardId);
    if (
      !Number.isInteger(cardId) ||
      !(await loyaltyNotices.holdsDiscountEndingAt(q, cardId, p.expiresAt))
    )
      return;
    discount = discountText(p.title, p.discountPercent ?? null);
    subject = `card:${p.cardId}@${p.expiresAt}`;
  }
  const recipient = await nd.findRecipient(q, p.clientId);
  if (!recipient?.appUser) return;
  await notify(q, ctx, {
    type: 11,
    subject,
    recipient,
    setting: await withProgramTemplate(
      q,
      await settingOf(q, recipient.locationId, 11),
      p.programId,
      'expiration',
    ),
    values: {
      discount,
      amount,
      ...formatForClient(p.expiresAt, recipient.timezone, recipient.appUser),
    },
  });
}

/**
 * A scheduled notification is due. It looks at the state now, not at what was true when it
 * was planned: no reminder for a canceled or moved visit, no review request or repeat-visit
 * invitation after a no-show, no invitation when the client already booked again, no discount
 * warning once the card no longer holds that discount (refunded, re-granted, card deleted).
 */
async function runScheduled(q: Queryable, ctx: NotifyContext, p: Payload): Promise<void> {
  if (!isNotificationType(p.type)) return;
  const now = ctx.now().getTime();
  if (p.type === 11) return runExpiring(q, ctx, p);
  if (p.appointmentId === undefined) return;
  const facts = await nd.findAppointmentFacts(q, p.appointmentId);
  if (!facts || facts.deleted || facts.clientId === null || facts.attendance === -1) return;
  if (p.type === 5 && (facts.start !== p.start || now >= facts.start)) return;
  if (p.type === 8 && (await nd.isReviewed(q, facts.id))) return;
  if (p.type === 6 && (await nd.hasLaterAppointment(q, facts.clientId, facts.start))) return;
  const recipient = await nd.findRecipient(q, facts.clientId);
  if (!recipient?.appUser) return;
  await notify(q, ctx, {
    type: p.type,
    // A reminder is about one start time: moved again, the new time gets its own reminder.
    subject: p.type === 5 ? `appointment:${facts.id}@${facts.start}` : `appointment:${facts.id}`,
    recipient,
    setting: await settingOf(q, facts.locationId, p.type),
    values: appointmentValues(facts, recipient),
    appointmentId: facts.id,
  });
}

/**
 * Hourly: greets the clients whose birthday it is at each location once its send hour came
 * (later in the day still counts, so a worker that was down catches up), once a year.
 */
async function scanBirthdays(q: Queryable, ctx: NotifyContext): Promise<void> {
  const now = ctx.now().getTime();
  const locations = await nd.findLocationsWithType(q, 9, TYPE_DEFINITIONS[9].enabled);
  for (const location of locations) {
    const setting = await settingOf(q, location.id, 9);
    const sendHour = setting.timing ?? 0;
    // Today at the location; 29 February birthdays are candidates on 28 February too.
    const { localDate } = birthdayGreetingDue('2000-01-01', now, location.timezone, sendHour);
    const monthDay = localDate.slice(5);
    const candidates = monthDay === '02-28' ? [monthDay, '02-29'] : [monthDay];
    for (const client of await nd.findBirthdayClients(q, location.id, candidates)) {
      if (!birthdayGreetingDue(client.birthDate, now, location.timezone, sendHour).due) continue;
      const recipient = await nd.findRecipient(q, client.id);
      if (!recipient?.appUser) continue;
      await notify(q, ctx, {
        type: 9,
        subject: `birthday:${localDate.slice(0, 4)}`,
        recipient,
        setting,
      });
    }
  }
}

/** The first birthday scan; each scan queues the next one at the next full hour. */
export async function ensureBirthdayScan(q: Queryable, now: Date): Promise<void> {
  const at = Math.floor(now.getTime() / HOUR) * HOUR;
  await jobsQueue.enqueueJob(q, {
    kind: BIRTHDAY_SCAN_JOB,
    key: `birthday.scan:${new Date(at).toISOString()}`,
    payload: {},
    runAt: new Date(at),
  });
}

export function scheduledJobHandlers(ctx: NotifyContext): JobHandlers {
  return {
    [SCHEDULED_JOB]: (job: Job, db: Db) =>
      finishJob(db, job, (tx) => runScheduled(tx, ctx, job.payload as Payload)),
    [BIRTHDAY_SCAN_JOB]: (job: Job, db: Db) =>
      finishJob(db, job, async (tx) => {
        await scanBirthdays(tx, ctx);
        const next = nextHour(ctx.now().getTime());
        await jobsQueue.enqueueJob(tx, {
          kind: BIRTHDAY_SCAN_JOB,
          key: `birthday.scan:${new Date(next).toISOString()}`,
          payload: {},
          runAt: new Date(next),
        });
      }),
  };
}
