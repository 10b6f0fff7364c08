import type { IdempotencyRepo } from '@visita/core';
import type { Queryable } from '../db';

export function idempotencyRepo(q: Queryable): IdempotencyRepo {
  return {
    async claim(scope, key) {
      // The insert takes the key's row lock: a concurrent request with the same key waits here
      // until the first commits, then sees its stored answer.
      const inserted = await q.query(
        'INSERT INTO idempotency_keys(scope, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key',
        [scope, key],
      );
      if (inserted.length > 0) return null;
      const [row] = await q.query<{ status_code: number | null; response: unknown }>(
        'SELECT status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      return row && row.status_code !== null
        ? { statusCode: row.status_code, response: row.response }
        : null;
    },
    async complete(scope, key, statusCode, response) {
      await q.query(
        'UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2',
        [scope, key, statusCode, JSON.stringify(response)],
      );
    },
  };
}
