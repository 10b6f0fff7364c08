import {
  toCents,
  type CardDiscountState,
  type StoredVisitPayment,
  type VisitForPayment,
  type VisitPaymentsRepo,
} from '@visita/core';
import type { Queryable } from '../db';

const units = (cents: number) => (cents / 100).toFixed(2);

/** A card's discount state as stored in jsonb (instants as epoch ms). */
type Json = {
  discountPercent: number;
  discountExpiresAt: number | null;
  discountBase: { visits: number; soldCents: number; paidCents: number };
};
const toJson = (s: CardDiscountState | null) => (s === null ? null : JSON.stringify(s));
const fromJson = (j: Json | string | null): CardDiscountState | null =>
  j === null ? null : typeof j === 'string' ? (JSON.parse(j) as Json) : j;

export function visitPaymentsRepo(q: Queryable): VisitPaymentsRepo {
  return {
    async findVisitForPayment(locationId, recordId) {
      const rows = await q.query<{
        id: number;
        location_id: number;
        chain_id: number;
        client_id: number | null;
        phone: string | null;
        deleted: boolean;
        timezone: string;
        lines: { serviceId: number; categoryId: number | null; cost: number }[];
      }>(
        `SELECT r.id, r.location_id, l.chain_id, r.client_id, c.phone, r.deleted_at IS NOT NULL AS deleted,
           l.timezone,
           COALESCE((SELECT json_agg(json_build_object('serviceId', rs.service_id,
              'categoryId', s.category_id, 'cost', rs.cost::float8) ORDER BY rs.position)
              FROM record_services rs JOIN services s ON s.id = rs.service_id
             WHERE rs.record_id = r.id), '[]'::json) AS lines
           FROM records r JOIN locations l ON l.id = r.location_id
           LEFT JOIN clients c ON c.id = r.client_id
          WHERE r.location_id = $1 AND r.id = $2
          FOR UPDATE OF r`,
        [locationId, recordId],
      );
      const r = rows[0];
      if (!r) return null;
      const visit: VisitForPayment = {
        recordId: r.id,
        locationId: r.location_id,
        chainId: r.chain_id,
        clientId: r.client_id,
        clientPhone: r.phone,
        deleted: r.deleted,
        timeZone: r.timezone,
        lines: r.lines.map((l) => ({
          serviceId: l.serviceId,
          categoryId: l.categoryId,
          costCents: toCents(l.cost),
        })),
      };
      return visit;
    },
    async claimVisit(recordId, locationId) {
      const rows = await q.query(
        `INSERT INTO visit_loyalty_payments(record_id, location_id, total, due) VALUES ($1, $2, 0, 0)
         ON CONFLICT (record_id) DO NOTHING RETURNING record_id`,
        [recordId, locationId],
      );
      return rows.length > 0;
    },
    async takeSettlement(locationId, recordId) {
      const rows = await q.query<{
        record_id: number;
        location_id: number;
        membership_id: number | null;
        certificate_id: number | null;
        certificate_drawn: number;
        loyalty_card_id: number | null;
        card_sold: number;
        card_paid: number;
        card_withdrawal: number;
        cashback: number;
        card_before: Json | null;
        card_after: Json | null;
      }>(
        `DELETE FROM visit_loyalty_payments WHERE location_id = $1 AND record_id = $2
         RETURNING record_id, location_id, membership_id, certificate_id,
           certificate_drawn::float8 AS certificate_drawn, loyalty_card_id,
           card_sold::float8 AS card_sold, card_paid::float8 AS card_paid,
           card_withdrawal::float8 AS card_withdrawal, cashback::float8 AS cashback,
           card_before, card_after`,
        [locationId, recordId],
      );
      const r = rows[0];
      if (!r) return null;
      const stored: StoredVisitPayment = {
        recordId: r.record_id,
        locationId: r.location_id,
        membershipId: r.membership_id,
        certificateId: r.certificate_id,
        certificateDrawnCents: toCents(r.certificate_drawn),
        cardId: r.loyalty_card_id,
        cardSoldCents: toCents(r.card_sold),
        cardPaidCents: toCents(r.card_paid),
        withdrawalCents: toCents(r.card_withdrawal),
        cashbackCents: toCents(r.cashback),
        cardBefore: fromJson(r.card_before),
        cardAfter: fromJson(r.card_after),
      };
      return stored;
    },
    async saveSettlement(recordId, s) {
      await q.query(
        `UPDATE visit_loyalty_payments SET total = $2, discount = $3, certificate_amount = $4,
           cashback = $5, due = $6, membership_id = $7, certificate_id = $8, loyalty_card_id = $9,
           certificate_drawn = $10, card_sold = $11, card_paid = $12, card_withdrawal = $13,
           card_before = $14, card_after = $15
          WHERE record_id = $1`,
        [
          recordId,
          units(s.totalCents),
          units(s.discountCents),
          units(s.certificateAmountCents),
          units(s.cashbackCents),
          units(s.dueCents),
          s.membershipId,
          s.certificateId,
          s.cardId,
          units(s.certificateDrawnCents),
          units(s.cardSoldCents),
          units(s.cardPaidCents),
          units(s.withdrawalCents),
          toJson(s.cardBefore),
          toJson(s.cardAfter),
        ],
      );
    },
  };
}
