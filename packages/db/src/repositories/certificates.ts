import { toCents, type Certificate, type CertificatesRepo } from '@visita/core';
import type { Queryable } from '../db';
import { instrumentWhere } from './memberships';

interface Row {
  id: number;
  chain_id: number;
  type_id: number;
  number: string;
  phone: string;
  sold_location_id: number;
  default_balance: number;
  balance: number;
  is_multi: boolean;
  used: boolean;
  expires_at: Date | null;
  created_at: Date;
}

const certificate = (r: Row): Certificate => ({
  id: r.id,
  chainId: r.chain_id,
  typeId: r.type_id,
  number: r.number,
  phone: r.phone,
  soldLocationId: r.sold_location_id,
  defaultBalanceCents: toCents(r.default_balance),
  balanceCents: toCents(r.balance),
  isMulti: r.is_multi,
  used: r.used,
  expiresAt: r.expires_at ? r.expires_at.getTime() : null,
  createdAt: r.created_at.getTime(),
});

export function certificatesRepo(q: Queryable): CertificatesRepo {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await q.query<Row>(sql, params);
    return rows[0] ? certificate(rows[0]) : null;
  };
  return {
    async insertCertificate(c) {
      return (await one(
        `INSERT INTO certificates(chain_id, type_id, number, phone, sold_location_id,
           default_balance, balance, is_multi, expires_at, payment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9) RETURNING *`,
        [
          c.chainId,
          c.typeId,
          c.number,
          c.phone,
          c.soldLocationId,
          c.balanceCents / 100,
          c.isMulti,
          c.expiresAt === null ? null : new Date(c.expiresAt),
          c.paymentId,
        ],
      ))!;
    },
    findCertificate(chainId, id) {
      return one('SELECT * FROM certificates WHERE chain_id = $1 AND id = $2', [chainId, id]);
    },
    lockCertificate(id) {
      return one('SELECT * FROM certificates WHERE id = $1 FOR UPDATE', [id]);
    },
    async listCertificates(filter) {
      const where = instrumentWhere(filter, 'certificate_types');
      const rows = await q.query<Row>(
        `SELECT i.* FROM certificates i ${where.sql} ORDER BY i.created_at DESC, i.id DESC`,
        where.params,
      );
      return rows.map(certificate);
    },
    async drawBalance(id, amountCents, spendAll, now) {
      const rows = await q.query(
        `UPDATE certificates
            SET balance = CASE WHEN $3 THEN 0 ELSE balance - $2::numeric END,
                used = $3 OR balance - $2::numeric = 0
          WHERE id = $1 AND NOT used AND balance >= $2::numeric
            AND (expires_at IS NULL OR expires_at > $4)
          RETURNING id`,
        [id, (amountCents / 100).toFixed(2), spendAll, new Date(now)],
      );
      return rows.length > 0;
    },
    async restoreBalance(id, amountCents, recordId) {
      await q.query(
        'UPDATE certificates SET balance = balance + $2::numeric, used = false WHERE id = $1',
        [id, (amountCents / 100).toFixed(2)],
      );
      await q.query(
        'DELETE FROM certificate_redemptions WHERE certificate_id = $1 AND record_id = $2',
        [id, recordId],
      );
    },
    async insertRedemption(r) {
      await q.query(
        `INSERT INTO certificate_redemptions(certificate_id, record_id, location_id, amount)
         VALUES ($1, $2, $3, $4)`,
        [r.certificateId, r.recordId, r.locationId, (r.amountCents / 100).toFixed(2)],
      );
    },
  };
}
