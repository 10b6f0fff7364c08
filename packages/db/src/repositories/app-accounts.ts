import type { AppAccountsRepo } from '@visita/core';
import type { Queryable } from '../db';
import { toAppUser } from './app-users';

type Row = Record<string, unknown>;

export function appAccountsRepo(q: Queryable): AppAccountsRepo {
  return {
    async findOrCreateAppUserByPhone(phone, at) {
      // ON CONFLICT on the partial unique index: two first logins at once create one user.
      const [inserted] = await q.query<Row>(
        `INSERT INTO app_users(phone, created_at, updated_at) VALUES ($1, $2, $2)
         ON CONFLICT (phone) WHERE deleted_at IS NULL DO NOTHING
         RETURNING *`,
        [phone, at],
      );
      if (inserted) return toAppUser(inserted);
      const [row] = await q.query<Row>(
        'SELECT * FROM app_users WHERE phone = $1 AND deleted_at IS NULL',
        [phone],
      );
      return toAppUser(row!);
    },
    async insertAppToken(token) {
      await q.query(
        `INSERT INTO app_user_tokens(token_hash, user_id, device, created_at) VALUES ($1, $2, $3, $4)`,
        [token.tokenHash, token.userId, token.device, token.at],
      );
    },
    async revokeAppToken(tokenHash, at) {
      const rows = await q.query(
        `UPDATE app_user_tokens SET revoked_at = $2
          WHERE token_hash = $1 AND revoked_at IS NULL RETURNING token_hash`,
        [tokenHash, at],
      );
      return rows.length;
    },
    async revokeAllAppTokens(userId, at) {
      const rows = await q.query(
        `UPDATE app_user_tokens SET revoked_at = $2
          WHERE user_id = $1 AND revoked_at IS NULL RETURNING token_hash`,
        [userId, at],
      );
      return rows.length;
    },
    async markClientsHaveApp(phone) {
      // updated_at moves so that integrations syncing "changed since" see the flag.
      await q.query(
        `UPDATE clients SET has_app = true, updated_at = now()
          WHERE phone = $1 AND deleted_at IS NULL AND NOT has_app`,
        [phone],
      );
    },
    async updateAppUserContact(userId, patch, at) {
      const [row] = await q.query<Row>(
        `UPDATE app_users SET name = COALESCE($2, name), email = COALESCE($3, email), updated_at = $4
          WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
        [userId, patch.name ?? null, patch.email ?? null, at],
      );
      return row ? toAppUser(row) : null;
    },
  };
}
