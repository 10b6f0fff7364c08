import {
  reminderAt,
  repeatInvitationAt,
  reviewRequestAt,
  type NotificationType,
} from '@visita/core';
import { jobsQueue, notificationDelivery as nd, type Queryable } from '@visita/db';
import type { OutboxEvent, OutboxHandlers } from '../outbox-worker';
import { appointmentValues, notify, settingOf, type NotifyContext } from './compose';

export const SCHEDULED_JOB = 'notify.scheduled';

/** The scheduled notifications of an appointment, by type: job key and due time. */
const APPOINTMENT_SCHEDULE: {
  type: NotificationType;
  at: (f: nd.AppointmentFacts, timing: number) => number;
}[] = [
  { type: 5, at: (f, hours) => reminderAt(f.start, hours) },
  { type: 6, at: (f, days) => repeatInvitationAt(f.end, days) },
  { type: 8, at: (f, hours) => reviewRequestAt(f.end, hours) },
];

export const scheduledKey = (type: NotificationType, appointmentId: number) =>
  `notify:${type}:appointment:${appointmentId}`;

/** (Re)plans the appointment's reminder, repeat-visit invitation and review request. */
async function planAppointmentJobs(q: Queryable, ctx: NotifyContext, facts: nd.AppointmentFacts) {
  const now = ctx.now().getTime();
  for (const { type, at } of APPOINTMENT_SCHEDULE) {
    const key = scheduledKey(type, facts.id);
    const setting = await settingOf(q, facts.locationId, type);
    const runAt = at(facts, setting.timing ?? 0);
    // A reminder whose time has passed (booked less than N hours ahead) would come too late.
    if (!setting.enabled || (type === 5 && (runAt <= now || facts.start <= now))) {
      await jobsQueue.dropJobs(q, [key]);
      continue;
    }
    await jobsQueue.scheduleJob(q, {
      kind: SCHEDULED_JOB,
      key,
      payload: { type, appointmentId: facts.id, start: facts.start },
      runAt: new Date(Math.max(runAt, now)),
    });
  }
}

async function load(q: Queryable, event: OutboxEvent) {
  const facts = await nd.findAppointmentFacts(q, event.aggregateId);
  if (!facts || facts.clientId === null) return null;
  const recipient = await nd.findRecipient(q, facts.clientId);
  return recipient ? { facts, recipient } : null;
}

/** Who made the change: the client themself (the app, online booking) or the business. */
const byClient = (event: OutboxEvent) => event.payload.source === 'online';

async function notifyAboutAppointment(
  q: Queryable,
  ctx: NotifyContext,
  type: NotificationType,
  loaded: { facts: nd.AppointmentFacts; recipient: nd.Recipient },
  subject = `appointment:${loaded.facts.id}`,
) {
  const { facts, recipient } = loaded;
  if (!recipient.appUser) return null;
  return notify(q, ctx, {
    type,
    subject,
    recipient,
    setting: await settingOf(q, facts.locationId, type),
    values: appointmentValues(facts, recipient),
    appointmentId: facts.id,
  });
}

/** Outbox handlers for appointment events (types 1, 2, 3, 4, 7 now; 5, 6, 8 planned). */
export function appointmentEventHandlers(ctx: NotifyContext): OutboxHandlers {
  return {
    'appointment.created': async (event, tx) => {
      const loaded = await load(tx, event);
      if (!loaded || loaded.facts.deleted) return;
      const type = loaded.facts.source === 'online' ? 2 : 1;
      await notifyAboutAppointment(tx, ctx, type, loaded);
      if (loaded.facts.attendance !== 2) await notifyAboutAppointment(tx, ctx, 4, loaded);
      await planAppointmentJobs(tx, ctx, loaded.facts);
    },
    'appointment.moved': async (event, tx) => {
      const loaded = await load(tx, event);
      if (loaded && !loaded.facts.deleted) await planAppointmentJobs(tx, ctx, loaded.facts);
    },
    'appointment.confirmed': async (event, tx) => {
      const loaded = await load(tx, event);
      if (!loaded || loaded.facts.deleted) return;
      // Type 3 is the business confirming an online booking; a client's own Confirm is not news.
      if (loaded.facts.source === 'online' && !byClient(event))
        await notifyAboutAppointment(tx, ctx, 3, loaded);
    },
    'appointment.deleted': async (event, tx) => {
      await jobsQueue.dropJobs(
        tx,
        APPOINTMENT_SCHEDULE.map((s) => scheduledKey(s.type, event.aggregateId)),
      );
      const loaded = await load(tx, event);
      if (loaded && loaded.facts.source === 'online' && !byClient(event))
        await notifyAboutAppointment(tx, ctx, 7, loaded);
    },
  };
}
