import type { AppProfilesRepo } from '@visita/core';
import type { Queryable } from '../db';
import { toAppUser } from './app-users';
import { buildSet } from './sql';

const COLUMNS: Record<string, string> = {
  name: 'name',
  language: 'language',
  dateFormat: 'date_format',
  time24h: 'time_24h',
  notificationsEnabled: 'notifications_enabled',
};

export function appProfilesRepo(q: Queryable): AppProfilesRepo {
  return {
    async updateProfile(userId, patch) {
      const set = buildSet({ ...patch }, COLUMNS, 2);
      const [row] = await q.query<Record<string, unknown>>(
        `UPDATE app_users SET ${set.sql ? set.sql + ', ' : ''}updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
        [userId, ...set.params],
      );
      return row ? toAppUser(row) : null;
    },

    async setAvatar(userId, key) {
      // The old key is read under the row lock, so two uploads cannot both keep their file.
      const [old] = await q.query<{ avatar: string }>(
        'SELECT avatar FROM app_users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
        [userId],
      );
      if (!old) return null;
      await q.query('UPDATE app_users SET avatar = $2, updated_at = now() WHERE id = $1', [
        userId,
        key,
      ]);
      return old.avatar;
    },

    async eraseAppUser(userId) {
      const [user] = await q.query<{ phone: string; avatar: string }>(
        'SELECT phone, avatar FROM app_users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
        [userId],
      );
      if (!user) return null;
      // The phone is replaced by a value that matches no client, so nothing links back.
      await q.query(
        `UPDATE app_users SET phone = 'erased:' || id, name = '', email = '', avatar = '',
                notifications_enabled = false, deleted_at = now(), updated_at = now()
          WHERE id = $1`,
        [userId],
      );
      await q.query(
        'UPDATE app_user_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [userId],
      );
      await q.query('UPDATE reviews SET app_user_id = NULL WHERE app_user_id = $1', [userId]);
      await q.query('DELETE FROM favourite_locations WHERE user_id = $1', [userId]);
      await q.query(
        'UPDATE clients SET has_app = false, updated_at = now() WHERE phone = $1 AND has_app',
        [user.phone],
      );
      return { avatar: user.avatar };
    },
  };
}
