import type { InboxNotification, InboxRepo, MutesRepo, NotificationType } from '@visita/core';
import type { Queryable } from '../db';

type Row = {
  id: number;
  type: number;
  location_id: number;
  sender: string;
  title: string;
  body: string;
  link: string;
  appointment_id: number | null;
  bulk_push_id: number | null;
  created_at: Date;
  read_at: Date | null;
  confirmed_at: Date | null;
};

const COLUMNS = `id, type, location_id, sender, title, body, link, appointment_id, bulk_push_id,
  created_at, read_at, confirmed_at`;

const toNotification = (r: Row): InboxNotification => ({
  id: r.id,
  type: r.type as NotificationType,
  locationId: r.location_id,
  sender: r.sender,
  title: r.title,
  body: r.body,
  link: r.link,
  appointmentId: r.appointment_id,
  bulkPushId: r.bulk_push_id,
  createdAt: r.created_at,
  readAt: r.read_at,
  confirmedAt: r.confirmed_at,
});

export function inboxRepo(q: Queryable): InboxRepo {
  return {
    async findInbox(appUserId, filter, page) {
      const params: unknown[] = [appUserId];
      let where = 'app_user_id = $1';
      if (filter.locationId !== undefined) {
        params.push(filter.locationId);
        where += ` AND location_id = $${params.length}`;
      }
      const [count] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE ${where}`,
        params,
      );
      const rows = await q.query<Row>(
        `SELECT ${COLUMNS} FROM notifications WHERE ${where}
          ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.count, (page.page - 1) * page.count],
      );
      return { items: rows.map(toNotification), total: count?.n ?? 0 };
    },
    async countUnread(appUserId) {
      const rows = await q.query<{ location_id: number; n: number }>(
        `SELECT location_id, count(*)::int AS n FROM notifications
          WHERE app_user_id = $1 AND read_at IS NULL GROUP BY location_id ORDER BY location_id`,
        [appUserId],
      );
      return {
        total: rows.reduce((sum, r) => sum + r.n, 0),
        byLocation: rows.map((r) => ({ locationId: r.location_id, count: r.n })),
      };
    },
    async findInboxNotification(appUserId, id) {
      const [row] = await q.query<Row>(
        `SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND app_user_id = $2`,
        [id, appUserId],
      );
      return row ? toNotification(row) : null;
    },
    async markRead(appUserId, id, at) {
      const [row] = await q.query<Row>(
        `UPDATE notifications SET read_at = COALESCE(read_at, $3)
          WHERE id = $1 AND app_user_id = $2 RETURNING ${COLUMNS}`,
        [id, appUserId, at],
      );
      return row ? toNotification(row) : null;
    },
    async markAllRead(appUserId, filter, at) {
      const params: unknown[] = [appUserId, at];
      let where = 'app_user_id = $1 AND read_at IS NULL';
      if (filter.locationId !== undefined) {
        params.push(filter.locationId);
        where += ` AND location_id = $${params.length}`;
      }
      const rows = await q.query<{ id: number }>(
        `UPDATE notifications SET read_at = $2 WHERE ${where} RETURNING id`,
        params,
      );
      return rows.length;
    },
    async markConfirmed(id, at) {
      const rows = await q.query(
        'UPDATE notifications SET confirmed_at = $2 WHERE id = $1 AND confirmed_at IS NULL RETURNING id',
        [id, at],
      );
      return rows.length > 0;
    },
  };
}

export function mutesRepo(q: Queryable): MutesRepo {
  return {
    async setMuted(appUserId, locationId, muted) {
      await q.query(
        muted
          ? `INSERT INTO notification_mutes(app_user_id, location_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING`
          : 'DELETE FROM notification_mutes WHERE app_user_id = $1 AND location_id = $2',
        [appUserId, locationId],
      );
    },
  };
}
