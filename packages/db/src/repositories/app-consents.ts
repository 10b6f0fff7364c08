import type { AppConsentsRepo, ConsentKind } from '@visita/core';
import type { Queryable } from '../db';

export function appConsentsRepo(q: Queryable): AppConsentsRepo {
  return {
    async recordConsent(userId, kind, version, at) {
      await q.query(
        `INSERT INTO app_user_consents(user_id, kind, version, accepted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, kind, version) DO NOTHING`,
        [userId, kind, version, at],
      );
    },
    async findConsents(userId) {
      const rows = await q.query<{ kind: ConsentKind; version: string; accepted_at: Date }>(
        `SELECT kind, version, accepted_at FROM app_user_consents
          WHERE user_id = $1 ORDER BY accepted_at, kind, version`,
        [userId],
      );
      return rows.map((r) => ({ kind: r.kind, version: r.version, acceptedAt: r.accepted_at }));
    },
  };
}
