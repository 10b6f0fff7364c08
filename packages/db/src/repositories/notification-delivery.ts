import type { ClientCondition, NotificationSetting, NotificationType } from '@visita/core';
import type { Queryable } from '../db';
import { audienceSql } from './bulk-pushes';
import { toSetting } from './notification-settings';

/** What the notification jobs read and write; the SQL behind packages/jobs/src/notifications. */

/** A client at a location, with the app account of their phone when there is one. */
export interface Recipient {
  clientId: number;
  clientName: string;
  locationId: number;
  locationTitle: string;
  brandName: string;
  timezone: string;
  appUser: { id: number; name: string; dateFormat: string; time24h: boolean } | null;
}

export interface AppointmentFacts {
  id: number;
  locationId: number;
  clientId: number | null;
  source: 'online' | 'back_office' | 'api';
  start: number;
  end: number;
  attendance: number;
  deleted: boolean;
  staffName: string;
  services: string[];
}

const RECIPIENT_SELECT = `
  SELECT c.id AS client_id, c.name AS client_name, l.id AS location_id, l.title AS location_title,
         l.brand_name, l.timezone, u.id AS app_user_id, u.name AS app_user_name,
         u.date_format, u.time_24h
    FROM clients c JOIN locations l ON l.id = c.location_id
    LEFT JOIN app_users u ON u.phone = c.phone AND u.deleted_at IS NULL`;

type RecipientRow = {
  client_id: number;
  client_name: string;
  location_id: number;
  location_title: string;
  brand_name: string;
  timezone: string;
  app_user_id: number | null;
  app_user_name: string | null;
  date_format: string | null;
  time_24h: boolean | null;
};

const toRecipient = (r: RecipientRow): Recipient => ({
  clientId: r.client_id,
  clientName: r.client_name,
  locationId: r.location_id,
  locationTitle: r.location_title,
  brandName: r.brand_name,
  timezone: r.timezone,
  appUser:
    r.app_user_id === null
      ? null
      : {
          id: r.app_user_id,
          name: r.app_user_name ?? '',
          dateFormat: r.date_format ?? 'DD.MM.YYYY',
          time24h: r.time_24h ?? true,
        },
});

export async function findRecipient(q: Queryable, clientId: number): Promise<Recipient | null> {
  const [row] = await q.query<RecipientRow>(
    `${RECIPIENT_SELECT} WHERE c.id = $1 AND c.deleted_at IS NULL AND l.deleted_at IS NULL`,
    [clientId],
  );
  return row ? toRecipient(row) : null;
}

export async function findAppointmentFacts(
  q: Queryable,
  id: number,
): Promise<AppointmentFacts | null> {
  const [row] = await q.query<{
    id: number;
    location_id: number;
    client_id: number | null;
    source: AppointmentFacts['source'];
    starts_at: Date;
    ends_at: Date;
    attendance: number;
    deleted_at: Date | null;
    staff_name: string;
    services: string[] | null;
  }>(
    `SELECT r.id, r.location_id, r.client_id, r.source, r.starts_at, r.ends_at, r.attendance,
            r.deleted_at, s.name AS staff_name,
            (SELECT array_agg(sv.title ORDER BY rs.position) FROM record_services rs
               JOIN services sv ON sv.id = rs.service_id WHERE rs.record_id = r.id) AS services
       FROM records r JOIN staff s ON s.id = r.staff_id WHERE r.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    locationId: row.location_id,
    clientId: row.client_id,
    source: row.source,
    start: row.starts_at.getTime(),
    end: row.ends_at.getTime(),
    attendance: row.attendance,
    deleted: row.deleted_at !== null,
    staffName: row.staff_name,
    services: row.services ?? [],
  };
}

/** The type's stored setting, or null for "never saved" (the caller takes the default). */
export async function findTypeSetting(
  q: Queryable,
  locationId: number,
  type: NotificationType,
): Promise<NotificationSetting | null> {
  const [row] = await q.query<{
    type: number;
    enabled: boolean;
    template: string;
    timing: number | null;
  }>(
    'SELECT type, enabled, template, timing FROM notification_settings WHERE location_id = $1 AND type = $2',
    [locationId, type],
  );
  return row ? toSetting(row) : null;
}

/** Locations where the type is on (stored on, or never saved and on by default). */
export async function findLocationsWithType(
  q: Queryable,
  type: NotificationType,
  enabledByDefault: boolean,
): Promise<{ id: number; timezone: string }[]> {
  return q.query(
    `SELECT l.id, l.timezone FROM locations l
       LEFT JOIN notification_settings ns ON ns.location_id = l.id AND ns.type = $1
      WHERE l.deleted_at IS NULL AND COALESCE(ns.enabled, $2)
      ORDER BY l.id`,
    [type, enabledByDefault],
  );
}

/** Clients of the location born on this month and day who have an app account. */
export async function findBirthdayClients(
  q: Queryable,
  locationId: number,
  monthDays: string[],
): Promise<{ id: number; birthDate: string }[]> {
  const rows = await q.query<{ id: number; birth_date: string }>(
    `SELECT c.id, c.birth_date FROM clients c
      WHERE c.location_id = $1 AND c.deleted_at IS NULL AND c.birth_date IS NOT NULL
        AND to_char(c.birth_date, 'MM-DD') = ANY($2::text[])
        AND EXISTS (SELECT 1 FROM app_users u WHERE u.phone = c.phone AND u.deleted_at IS NULL)
      ORDER BY c.id`,
    [locationId, monthDays],
  );
  return rows.map((r) => ({ id: r.id, birthDate: r.birth_date }));
}

/** A later live appointment of the client at the location (the client already came back). */
export async function hasLaterAppointment(
  q: Queryable,
  clientId: number,
  after: number,
): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM records WHERE client_id = $1 AND starts_at > $2 AND deleted_at IS NULL LIMIT 1`,
    [clientId, new Date(after)],
  );
  return rows.length > 0;
}

export async function isReviewed(q: Queryable, appointmentId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM reviews WHERE record_id = $1 LIMIT 1', [appointmentId]);
  return rows.length > 0;
}

export interface NewNotification {
  idempotencyKey: string;
  appUserId: number;
  clientId: number | null;
  locationId: number;
  type: NotificationType;
  sender: string;
  title: string;
  body: string;
  link: string;
  appointmentId: number | null;
  bulkPushId: number | null;
}

/** Writes the notification unless its idempotency key exists; the new id, or null. */
export async function insertNotification(q: Queryable, n: NewNotification): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO notifications(idempotency_key, app_user_id, client_id, location_id, type, sender,
                               title, body, link, appointment_id, bulk_push_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      n.idempotencyKey,
      n.appUserId,
      n.clientId,
      n.locationId,
      n.type,
      n.sender,
      n.title,
      n.body,
      n.link,
      n.appointmentId,
      n.bulkPushId,
    ],
  );
  return row?.id ?? null;
}

/** The next page of a bulk push's recipients: app clients matching its filters, by client id. */
export async function findBulkRecipients(
  q: Queryable,
  bulk: { locationId: number; conditions: ClientCondition[]; operation: 'AND' | 'OR' },
  afterClientId: number,
  limit: number,
  asOf: number,
): Promise<{ clientId: number; clientName: string; appUserId: number }[]> {
  const { from, where, params } = audienceSql(bulk.locationId, bulk, asOf);
  const n = params.length;
  const rows = await q.query<{ client_id: number; client_name: string; app_user_id: number }>(
    `SELECT c.id AS client_id, c.name AS client_name, u.id AS app_user_id
       FROM ${from} JOIN app_users u ON u.phone = c.phone AND u.deleted_at IS NULL
      WHERE ${where} AND c.has_app AND c.id > $${n + 1}
      ORDER BY c.id LIMIT $${n + 2}`,
    [...params, afterClientId, limit],
  );
  return rows.map((r) => ({
    clientId: r.client_id,
    clientName: r.client_name,
    appUserId: r.app_user_id,
  }));
}

/** Bulk-writes a bulk push's notifications (one statement); returns the ids of the new ones. */
export async function insertBulkNotifications(
  q: Queryable,
  bulk: { id: number; locationId: number; sender: string; title: string; link: string },
  rows: { clientId: number; appUserId: number; body: string }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await q.query<{ id: number }>(
    `INSERT INTO notifications(idempotency_key, app_user_id, client_id, location_id, type, sender,
                               title, body, link, bulk_push_id)
     SELECT '13:bulk:' || $1::int || ':client:' || c, u, c, $2, 13, $3, $4, b, $5, $1
       FROM unnest($6::int[], $7::int[], $8::text[]) AS t(c, u, b)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      bulk.id,
      bulk.locationId,
      bulk.sender,
      bulk.title,
      bulk.link,
      rows.map((r) => r.clientId),
      rows.map((r) => r.appUserId),
      rows.map((r) => r.body),
    ],
  );
  return inserted.map((r) => r.id).sort((a, b) => a - b);
}

export interface PushTarget {
  notificationId: number;
  subscriptionId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushMessage {
  id: number;
  type: number;
  locationId: number;
  appointmentId: number | null;
  sender: string;
  body: string;
  link: string;
  bulkPushId: number | null;
}

/**
 * The not yet pushed notifications among `ids`, and the devices each goes to: none when the
 * client turned notifications off in the app or muted the location.
 */
export async function findPushWork(
  q: Queryable,
  ids: number[],
): Promise<{ messages: PushMessage[]; targets: PushTarget[] }> {
  const messages = await q.query<{
    id: number;
    type: number;
    location_id: number;
    appointment_id: number | null;
    sender: string;
    body: string;
    link: string;
    bulk_push_id: number | null;
  }>(
    `SELECT id, type, location_id, appointment_id, sender, body, link, bulk_push_id
       FROM notifications WHERE id = ANY($1::bigint[]) AND pushed_at IS NULL ORDER BY id`,
    [ids],
  );
  const targets = await q.query<{
    notification_id: number;
    subscription_id: number;
    endpoint: string;
    p256dh: string;
    auth: string;
  }>(
    `SELECT n.id AS notification_id, s.id AS subscription_id, s.endpoint, s.p256dh, s.auth
       FROM notifications n
       JOIN app_users u ON u.id = n.app_user_id AND u.deleted_at IS NULL AND u.notifications_enabled
       JOIN push_subscriptions s ON s.app_user_id = n.app_user_id
      WHERE n.id = ANY($1::bigint[]) AND n.pushed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM notification_mutes m
                         WHERE m.app_user_id = n.app_user_id AND m.location_id = n.location_id)
      ORDER BY n.id, s.id`,
    [ids],
  );
  return {
    messages: messages.map((m) => ({
      id: m.id,
      type: m.type,
      locationId: m.location_id,
      appointmentId: m.appointment_id,
      sender: m.sender,
      body: m.body,
      link: m.link,
      bulkPushId: m.bulk_push_id,
    })),
    targets: targets.map((t) => ({
      notificationId: t.notification_id,
      subscriptionId: t.subscription_id,
      endpoint: t.endpoint,
      p256dh: t.p256dh,
      auth: t.auth,
    })),
  };
}

export async function markPushed(q: Queryable, ids: number[]): Promise<void> {
  if (ids.length)
    await q.query(
      'UPDATE notifications SET pushed_at = now() WHERE id = ANY($1::bigint[]) AND pushed_at IS NULL',
      [ids],
    );
}

/**
 * Forgets devices the push service called gone (404/410). A client left with no device no
 * longer has the app: `has_app` turns off on every client card with that phone.
 */
export async function removeGoneSubscriptions(q: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const gone = await q.query<{ app_user_id: number }>(
    'DELETE FROM push_subscriptions WHERE id = ANY($1::int[]) RETURNING app_user_id',
    [ids],
  );
  const users = [...new Set(gone.map((g) => g.app_user_id))];
  if (users.length === 0) return;
  await q.query(
    `UPDATE clients SET has_app = false, updated_at = now()
      WHERE has_app AND deleted_at IS NULL AND phone IN (
        SELECT u.phone FROM app_users u WHERE u.id = ANY($1::int[])
           AND NOT EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.app_user_id = u.id))`,
    [users],
  );
}

/** Progress of bulk pushes (counters, added per batch). */
export async function addBulkProgress(
  q: Queryable,
  bulkPushId: number,
  delta: { queued?: number; delivered?: number; undeliverable?: number; fanoutDone?: boolean },
): Promise<void> {
  await q.query(
    `UPDATE bulk_pushes SET queued = queued + $2, delivered = delivered + $3,
            undeliverable = undeliverable + $4,
            fanout_done_at = CASE WHEN $5::boolean THEN COALESCE(fanout_done_at, now()) ELSE fanout_done_at END
      WHERE id = $1`,
    [
      bulkPushId,
      delta.queued ?? 0,
      delta.delivered ?? 0,
      delta.undeliverable ?? 0,
      delta.fanoutDone ?? false,
    ],
  );
}

export async function findBulkForFanout(
  q: Queryable,
  id: number,
): Promise<{
  id: number;
  locationId: number;
  text: string;
  filters: unknown;
  operation: 'AND' | 'OR';
  createdAt: Date;
} | null> {
  const [row] = await q.query<{
    id: number;
    location_id: number;
    text: string;
    filters: unknown;
    operation: 'AND' | 'OR';
    created_at: Date;
  }>(
    'SELECT id, location_id, text, filters, operation, created_at FROM bulk_pushes WHERE id = $1',
    [id],
  );
  return row
    ? {
        id: row.id,
        locationId: row.location_id,
        text: row.text,
        filters: row.filters,
        operation: row.operation,
        createdAt: row.created_at,
      }
    : null;
}
