import type { PushSubscriptionsRepo } from '@visita/core';
import type { Queryable } from '../db';

export function pushSubscriptionsRepo(q: Queryable): PushSubscriptionsRepo {
  return {
    async saveSubscription(appUserId, s) {
      await q.query(
        `INSERT INTO push_subscriptions(app_user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4)
         ON CONFLICT (endpoint) DO UPDATE
           SET app_user_id = EXCLUDED.app_user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth`,
        [appUserId, s.endpoint, s.p256dh, s.auth],
      );
      // A device that can receive pushes is an installed app.
      await q.query(
        `UPDATE clients SET has_app = true, updated_at = now()
          WHERE phone = (SELECT phone FROM app_users WHERE id = $1) AND deleted_at IS NULL AND NOT has_app`,
        [appUserId],
      );
    },
    async removeSubscription(appUserId, endpoint) {
      const rows = await q.query(
        'DELETE FROM push_subscriptions WHERE app_user_id = $1 AND endpoint = $2 RETURNING id',
        [appUserId, endpoint],
      );
      return rows.length > 0;
    },
    async findVapidPublicKey() {
      const [row] = await q.query<{ public_key: string }>('SELECT public_key FROM vapid_keys');
      return row?.public_key ?? null;
    },
  };
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** The stored VAPID key pair; the first caller's `generate()` wins when several start at once. */
export async function ensureVapidKeys(q: Queryable, generate: () => VapidKeys): Promise<VapidKeys> {
  const read = async () => {
    const [row] = await q.query<{ public_key: string; private_key: string; subject: string }>(
      'SELECT public_key, private_key, subject FROM vapid_keys',
    );
    return row
      ? { publicKey: row.public_key, privateKey: row.private_key, subject: row.subject }
      : null;
  };
  const existing = await read();
  if (existing) return existing;
  const keys = generate();
  await q.query(
    `INSERT INTO vapid_keys(public_key, private_key, subject) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO NOTHING`,
    [keys.publicKey, keys.privateKey, keys.subject],
  );
  return (await read())!;
}
