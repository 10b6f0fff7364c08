import { toCents, type VisitForPayment, type VisitPaymentsRepo } from '@visita/core';
import type { Queryable } from '../db';

const units = (cents: number) => (cents / 100).toFixed(2);

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
        lines: { serviceId: number; categoryId: number | null; cost: number }[];
      }>(
        `SELECT r.id, r.location_id, l.chain_id, r.client_id, c.phone, r.deleted_at IS NOT NULL AS deleted,
           COALESCE((SELECT json_agg(json_build_object('serviceId', rs.service_id,
              'categoryId', s.category_id, 'cost', rs.cost::float8) ORDER BY rs.position)
              FROM record_services rs JOIN services s ON s.id = rs.service_id
             WHERE rs.record_id = r.id), '[]'::json) AS lines
           FROM records r JOIN locations l ON l.id = r.location_id
           LEFT JOIN clients c ON c.id = r.client_id
          WHERE r.location_id = $1 AND r.id = $2`,
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
    async saveSettlement(recordId, s) {
      await q.query(
        `UPDATE visit_loyalty_payments SET total = $2, discount = $3, certificate_amount = $4,
           cashback = $5, due = $6, membership_id = $7, certificate_id = $8, loyalty_card_id = $9
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
        ],
      );
    },
  };
}
