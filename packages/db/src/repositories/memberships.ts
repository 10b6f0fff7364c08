import type { InstrumentFilter, Membership, MembershipsRepo, PeriodUnit } from '@visita/core';
import type { Queryable } from '../db';

interface Row {
  id: number;
  chain_id: number;
  type_id: number;
  number: string;
  phone: string;
  sold_location_id: number;
  visits_total: number | null;
  visits_remaining: number | null;
  starts_at: Date;
  expires_at: Date;
  frozen_at: Date | null;
  frozen_until: Date | null;
  freeze_days_used: number;
  period: number | null;
  period_unit_id: PeriodUnit | null;
  created_at: Date;
}

const ms = (d: Date | null) => (d ? d.getTime() : null);
const at = (v: number | null) => (v === null ? null : new Date(v));

const membership = (r: Row): Membership => ({
  id: r.id,
  chainId: r.chain_id,
  typeId: r.type_id,
  number: r.number,
  phone: r.phone,
  soldLocationId: r.sold_location_id,
  visitsTotal: r.visits_total,
  visitsRemaining: r.visits_remaining,
  startsAt: r.starts_at.getTime(),
  expiresAt: r.expires_at.getTime(),
  frozenAt: ms(r.frozen_at),
  frozenUntil: ms(r.frozen_until),
  freezeDaysUsed: r.freeze_days_used,
  period: r.period,
  periodUnitId: r.period_unit_id,
  createdAt: r.created_at.getTime(),
});

/** Instruments of a phone / chain, optionally only those whose type is valid at a location. */
export function instrumentWhere(
  f: InstrumentFilter,
  typeTable: string,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.chainId !== undefined) {
    params.push(f.chainId);
    parts.push(`i.chain_id = $${params.length}`);
  }
  if (f.phone !== undefined) {
    params.push(f.phone);
    parts.push(`i.phone = $${params.length}`);
  }
  if (f.locationId !== undefined) {
    params.push(f.locationId);
    parts.push(`EXISTS (SELECT 1 FROM ${typeTable} t JOIN locations l ON l.chain_id = t.chain_id
      WHERE t.id = i.type_id AND l.id = $${params.length}
        AND (cardinality(t.location_ids) = 0 OR l.id = ANY(t.location_ids)))`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function membershipsRepo(q: Queryable): MembershipsRepo {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await q.query<Row>(sql, params);
    return rows[0] ? membership(rows[0]) : null;
  };
  return {
    async insertMembership(m) {
      return (await one(
        `INSERT INTO memberships(chain_id, type_id, number, phone, sold_location_id, visits_total,
           visits_remaining, starts_at, expires_at, payment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9) RETURNING *`,
        [
          m.chainId,
          m.typeId,
          m.number,
          m.phone,
          m.soldLocationId,
          m.visitsTotal,
          new Date(m.startsAt),
          new Date(m.expiresAt),
          m.paymentId,
        ],
      ))!;
    },
    findMembership(chainId, id) {
      return one('SELECT * FROM memberships WHERE chain_id = $1 AND id = $2', [chainId, id]);
    },
    lockMembership(id) {
      return one('SELECT * FROM memberships WHERE id = $1 FOR UPDATE', [id]);
    },
    async listMemberships(filter) {
      const where = instrumentWhere(filter, 'membership_types');
      const rows = await q.query<Row>(
        `SELECT i.* FROM memberships i ${where.sql} ORDER BY i.expires_at DESC, i.id DESC`,
        where.params,
      );
      return rows.map(membership);
    },
    async setFreeze(id, s) {
      return (await one(
        `UPDATE memberships SET frozen_at = $2, frozen_until = $3, expires_at = $4,
           freeze_days_used = $5 WHERE id = $1 RETURNING *`,
        [id, at(s.frozenAt), at(s.frozenUntil), new Date(s.expiresAt), s.freezeDaysUsed],
      ))!;
    },
    async useVisit(id, recordId) {
      const claimed = await q.query(
        `INSERT INTO membership_visits(membership_id, record_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING membership_id`,
        [id, recordId],
      );
      if (claimed.length === 0) return false;
      const rows = await q.query(
        `UPDATE memberships SET visits_remaining = visits_remaining - 1
          WHERE id = $1 AND (visits_remaining IS NULL OR visits_remaining > 0) RETURNING id`,
        [id],
      );
      return rows.length > 0;
    },
    async returnVisit(id, recordId) {
      const gone = await q.query(
        `DELETE FROM membership_visits WHERE membership_id = $1 AND record_id = $2
         RETURNING membership_id`,
        [id, recordId],
      );
      if (gone.length === 0) return false;
      await q.query(
        `UPDATE memberships SET visits_remaining = visits_remaining + 1
          WHERE id = $1 AND visits_remaining IS NOT NULL`,
        [id],
      );
      return true;
    },
    async setPeriod(id, period, unitId, expiresAt) {
      return (await one(
        `UPDATE memberships SET period = $2, period_unit_id = $3, expires_at = $4
          WHERE id = $1 RETURNING *`,
        [id, period, unitId, new Date(expiresAt)],
      ))!;
    },
    async setVisitsRemaining(id, visits) {
      return (await one(
        `UPDATE memberships SET visits_remaining = $2, visits_total = GREATEST(visits_total, $2)
          WHERE id = $1 RETURNING *`,
        [id, visits],
      ))!;
    },
  };
}
