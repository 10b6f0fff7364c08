import {
  bookingPath,
  defaultSetting,
  formatForClient,
  renderTemplate,
  senderName,
  TYPE_DEFINITIONS,
  type NotificationSetting,
  type NotificationType,
  type Placeholder,
} from '@visita/core';
import { jobsQueue, notificationDelivery as nd, type Queryable } from '@visita/db';

export const PUSH_JOB = 'push.deliver';

export interface NotifyContext {
  /** The app's public base URL: `{link}` renders as an absolute URL. */
  publicUrl: string;
  now: () => Date;
}

/** The type's settings at the location (defaults when never saved). */
export async function settingOf(
  q: Queryable,
  locationId: number,
  type: NotificationType,
): Promise<NotificationSetting> {
  return (await nd.findTypeSetting(q, locationId, type)) ?? defaultSetting(type);
}

export const appointmentPath = (id: number) => `/app/appointments/${id}`;

/** Where a notification leads: the appointment, its review form, or the location's booking page. */
export function linkOf(type: NotificationType, locationId: number, appointmentId: number | null) {
  if (appointmentId === null || type === 6) return bookingPath(locationId);
  if (type === 8) return `${appointmentPath(appointmentId)}/review`;
  return appointmentPath(appointmentId);
}

export function appointmentValues(
  facts: nd.AppointmentFacts,
  recipient: nd.Recipient,
): Partial<Record<Placeholder, string>> {
  const user = recipient.appUser!;
  const { date, time } = formatForClient(facts.start, recipient.timezone, user);
  return {
    date,
    time,
    datetime: `${date} ${time}`,
    services: facts.services.join(', '),
    team_member: facts.staffName,
  };
}

/**
 * Writes one notification for the client (in `q`'s transaction) and queues its push, unless a
 * notification with the same idempotency key (type + subject + client) exists. Clients without
 * the app have no inbox: nothing is written for them. Returns the new id or null.
 */
export async function notify(
  q: Queryable,
  ctx: NotifyContext,
  input: {
    type: NotificationType;
    subject: string;
    recipient: nd.Recipient;
    setting: NotificationSetting;
    values?: Partial<Record<Placeholder, string>>;
    appointmentId?: number | null;
  },
): Promise<number | null> {
  const { recipient, type } = input;
  if (!recipient.appUser || !input.setting.enabled) return null;
  const appointmentId = input.appointmentId ?? null;
  const link = linkOf(type, recipient.locationId, appointmentId);
  const body = renderTemplate(input.setting.template, {
    client: recipient.clientName || recipient.appUser.name,
    location: recipient.locationTitle,
    link: `${ctx.publicUrl}${link}`,
    ...input.values,
  });
  const id = await nd.insertNotification(q, {
    idempotencyKey: `${type}:${input.subject}:client:${recipient.clientId}`,
    appUserId: recipient.appUser.id,
    clientId: recipient.clientId,
    locationId: recipient.locationId,
    type,
    sender: senderName(recipient.brandName),
    title: TYPE_DEFINITIONS[type].title,
    body,
    link,
    appointmentId,
    bulkPushId: null,
  });
  if (id !== null)
    await jobsQueue.enqueueJob(q, {
      kind: PUSH_JOB,
      key: `push:${id}`,
      payload: { notificationIds: [id] },
      runAt: ctx.now(),
    });
  return id;
}
