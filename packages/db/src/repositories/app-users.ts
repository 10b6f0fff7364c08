import type { AppUser, AppUsersRepo, ConsentKind } from '@visita/core';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

export function toAppUser(row: Row): AppUser {
  return {
    id: row.id as number,
    phone: row.phone as string,
    name: row.name as string,
    email: row.email as string,
    avatar: row.avatar as string,
    language: row.language as string,
    dateFormat: row.date_format as string,
    time24h: row.time_24h as boolean,
    notificationsEnabled: row.notifications_enabled as boolean,
    createdAt: row.created_at as Date,
  };
}

export function appUsersRepo(q: Queryable): AppUsersRepo {
  return {
    async findAppUserByTokenHash(tokenHash) {
      const [row] = await q.query<Row>(
        `SELECT u.* FROM app_user_tokens t JOIN app_users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.deleted_at IS NULL`,
        [tokenHash],
      );
      return row ? toAppUser(row) : null;
    },
    async findAppUser(id) {
      const [row] = await q.query<Row>(
        'SELECT * FROM app_users WHERE id = $1 AND deleted_at IS NULL',
        [id],
      );
      return row ? toAppUser(row) : null;
    },
    async findAcceptedConsents(userId, versions) {
      const rows = await q.query<{ kind: ConsentKind }>(
        `SELECT kind FROM app_user_consents WHERE user_id = $1
           AND ((kind = 'user_agreement' AND version = $2) OR (kind = 'data_processing' AND version = $3))`,
        [userId, versions.user_agreement, versions.data_processing],
      );
      return rows.map((r) => r.kind);
    },
  };
}
