import type { IdempotencyRepo } from '@visita/core';
import type { Queryable } from '../db';

/** Expired keys removed per new key: garbage shrinks faster than keys arrive, no job needed. */
const PURGE_BATCH = 100;

export function idempotencyRepo(q: Queryable): IdempotencyRepo {
  return {
    async claim(scope, key, { requestDigest, now, expiredBefore }) {
      // The insert takes the key's row lock: a concurrent request with the same key waits here
      // until the first commits, then sees its stored answer (or, if it rolled back, claims the
      // key itself). An expired key is taken over as if new.
      const claimed = await q.query(
        `INSERT INTO idempotency_keys(scope, key, request_digest, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, key) DO UPDATE
            SET request_digest = EXCLUDED.request_digest, created_at = EXCLUDED.created_at,
                status_code = NULL, response = NULL
          WHERE idempotency_keys.created_at < $5 OR idempotency_keys.status_code IS NULL
         RETURNING key`,
        [scope, key, requestDigest, now, expiredBefore],
      );
      if (claimed.length > 0) {
        // SKIP LOCKED: concurrent bookings never wait on each other's purge.
        await q.query(
          `DELETE FROM idempotency_keys WHERE (scope, key) IN (
             SELECT scope, key FROM idempotency_keys WHERE created_at < $1
              LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED)`,
          [expiredBefore],
        );
        return null;
      }
      const [row] = await q.query<{
        status_code: number;
        response: unknown;
        request_digest: string | null;
      }>(
        'SELECT status_code, response, request_digest FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      return row
        ? { statusCode: row.status_code, response: row.response, requestDigest: row.request_digest }
        : null;
    },
    async complete(scope, key, statusCode, response) {
      await q.query(
        'UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2',
        [scope, key, statusCode, JSON.stringify(response)],
      );
    },
    async release(scope, key) {
      await q.query(
        'DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL',
        [scope, key],
      );
    },
  };
}
