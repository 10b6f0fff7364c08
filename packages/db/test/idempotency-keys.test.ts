import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyRepo } from '../src/repositories/idempotency';
import { createTestDb, type TestDb } from '../src/testing';
import { interleave, onPostgres } from './support/two-connections';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const now = new Date('2026-12-01T10:00:00Z');
const DAY = 86_400_000;
const claimAt = (at: Date, requestDigest = 'digest-a') => ({
  requestDigest,
  now: at,
  expiredBefore: new Date(at.getTime() - DAY),
});
let seq = 0;
const scope = () => `test:${++seq}`;
const keysIn = async (s: string) =>
  (
    await db.query<{ key: string }>(
      'SELECT key FROM idempotency_keys WHERE scope = $1 ORDER BY key',
      [s],
    )
  ).map((r) => r.key);

describe('idempotency_keys', () => {
  it('a new key is claimed; once completed, a claim returns the stored answer and digest', async () => {
    const s = scope();
    expect(await db.transaction((tx) => idempotencyRepo(tx).claim(s, 'k', claimAt(now)))).toBe(
      null,
    );
    await idempotencyRepo(db).complete(s, 'k', 201, [{ record_id: 7 }]);
    expect(await idempotencyRepo(db).claim(s, 'k', claimAt(now, 'digest-b'))).toEqual({
      statusCode: 201,
      response: [{ record_id: 7 }],
      requestDigest: 'digest-a',
    });
    // Scopes (locations) do not share keys.
    expect(await idempotencyRepo(db).claim(scope(), 'k', claimAt(now))).toBe(null);
  });

  it('a released (unfinished) key can be claimed again; a finished one cannot be released', async () => {
    const s = scope();
    await idempotencyRepo(db).claim(s, 'k', claimAt(now));
    await idempotencyRepo(db).release(s, 'k');
    expect(await keysIn(s)).toEqual([]);
    await idempotencyRepo(db).claim(s, 'k', claimAt(now));
    await idempotencyRepo(db).complete(s, 'k', 201, []);
    await idempotencyRepo(db).release(s, 'k');
    expect(await keysIn(s)).toEqual(['k']);
  });

  it('an expired key is taken over as new, and claiming purges expired keys', async () => {
    const s = scope();
    const old = new Date(now.getTime() - 2 * DAY);
    for (const key of ['old-1', 'old-2', 'old-3']) {
      await idempotencyRepo(db).claim(s, key, claimAt(old));
      await idempotencyRepo(db).complete(s, key, 201, ['old']);
    }
    await idempotencyRepo(db).claim(s, 'fresh', claimAt(new Date(now.getTime() - DAY / 2)));
    // The expired key is new again: no replay of the day-old answer.
    expect(await idempotencyRepo(db).claim(s, 'old-1', claimAt(now, 'digest-b'))).toBe(null);
    expect(await keysIn(s)).toEqual(['fresh', 'old-1']);
    const [row] = await db.query<{ request_digest: string; status_code: number | null }>(
      `SELECT request_digest, status_code FROM idempotency_keys WHERE scope = $1 AND key = 'old-1'`,
      [s],
    );
    expect(row).toEqual({ request_digest: 'digest-b', status_code: null });
  });

  it.skipIf(!onPostgres)(
    'PostgreSQL: a second claim of the same key waits for the first and then replays its answer',
    async () => {
      const s = scope();
      let seen: unknown = 'not claimed';
      const result = await interleave(
        db,
        async (tx) => {
          await idempotencyRepo(tx).claim(s, 'k', claimAt(now));
          await idempotencyRepo(tx).complete(s, 'k', 201, ['first']);
        },
        async (tx) => {
          seen = await idempotencyRepo(tx).claim(s, 'k', claimAt(now));
        },
      );
      expect(result).toEqual({ bWaitedForA: true, b: { ok: true } });
      expect(seen).toEqual({ statusCode: 201, response: ['first'], requestDigest: 'digest-a' });
    },
  );

  it.skipIf(!onPostgres)(
    'PostgreSQL: when the first claim rolls back, the waiting one claims the key itself',
    async () => {
      const s = scope();
      let seen: unknown = 'not claimed';
      const result = await interleave(
        db,
        (tx) => idempotencyRepo(tx).claim(s, 'k', claimAt(now)),
        async (tx) => {
          seen = await idempotencyRepo(tx).claim(s, 'k', claimAt(now));
        },
        'rollback',
      );
      expect(result).toEqual({ bWaitedForA: true, b: { ok: true } });
      expect(seen).toBe(null);
    },
  );
});
