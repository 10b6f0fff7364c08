import type { CodeRequestStats, PhoneCodesRepo, StoredPhoneCode } from '@visita/core';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

const toStoredCode = (row: Row): StoredPhoneCode => ({
  id: row.id as number,
  phone: row.phone as string,
  codeHash: row.code_hash as string,
  attempts: row.attempts as number,
  expiresAt: row.expires_at as Date,
  locationId: (row.location_id as number | null) ?? null,
});

async function stats(q: Queryable, column: 'phone' | 'requested_ip', value: string, since: Date) {
  const [row] = await q.query<{ count: number; oldest: Date | null; newest: Date | null }>(
    `SELECT count(*)::int AS count, min(created_at) AS oldest, max(created_at) AS newest
       FROM sms_codes WHERE ${column} = $1 AND created_at > $2`,
    [value, since],
  );
  return row ?? ({ count: 0, oldest: null, newest: null } satisfies CodeRequestStats);
}

export function phoneCodesRepo(q: Queryable): PhoneCodesRepo {
  return {
    async lockPhone(phone) {
      await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sms-code:${phone}`]);
    },
    codesForPhoneSince: (phone, since) => stats(q, 'phone', phone, since),
    codesFromIpSince: (ip, since) => stats(q, 'requested_ip', ip, since),
    async voidLiveCodes(phone, at) {
      await q.query(
        `UPDATE sms_codes SET voided_at = $2
          WHERE phone = $1 AND consumed_at IS NULL AND voided_at IS NULL`,
        [phone, at],
      );
    },
    async insertCode(code) {
      const [row] = await q.query<{ id: number }>(
        `INSERT INTO sms_codes(phone, code_hash, location_id, requested_ip, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          code.phone,
          code.codeHash,
          code.locationId,
          code.requestedIp,
          code.createdAt,
          code.expiresAt,
        ],
      );
      return row!.id;
    },
    async findLiveCodeForUpdate(phone, now) {
      const [row] = await q.query<Row>(
        `SELECT * FROM sms_codes
          WHERE phone = $1 AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > $2
          ORDER BY created_at DESC, id DESC LIMIT 1
          FOR UPDATE`,
        [phone, now],
      );
      return row ? toStoredCode(row) : null;
    },
    async recordWrongTry(id, voidedAt) {
      await q.query(
        'UPDATE sms_codes SET attempts = attempts + 1, voided_at = COALESCE($2, voided_at) WHERE id = $1',
        [id, voidedAt],
      );
    },
    async spendCode(id, at) {
      await q.query('UPDATE sms_codes SET consumed_at = $2 WHERE id = $1', [id, at]);
    },
  };
}
