import { toCents, type Payment, type PaymentsRepo } from '@visita/core';
import type { Queryable } from '../db';

interface Row {
  id: number;
  chain_id: number;
  location_id: number;
  app_user_id: number | null;
  phone: string;
  provider: string;
  item_kind: Payment['itemKind'];
  item_type_id: number;
  title: string;
  amount: number;
  currency: string;
  status: Payment['status'];
  provider_ref: string;
  issued_item_id: number | null;
  created_at: Date;
  settled_at: Date | null;
}

const payment = (r: Row): Payment => ({
  id: r.id,
  chainId: r.chain_id,
  locationId: r.location_id,
  appUserId: r.app_user_id,
  phone: r.phone,
  provider: r.provider,
  itemKind: r.item_kind,
  itemTypeId: r.item_type_id,
  title: r.title,
  amountCents: toCents(r.amount),
  currency: r.currency,
  status: r.status,
  providerRef: r.provider_ref,
  issuedItemId: r.issued_item_id,
  createdAt: r.created_at.getTime(),
  settledAt: r.settled_at ? r.settled_at.getTime() : null,
});

export function paymentsRepo(q: Queryable): PaymentsRepo {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await q.query<Row>(sql, params);
    return rows[0] ? payment(rows[0]) : null;
  };
  return {
    async insertPayment(p) {
      return (await one(
        `INSERT INTO payments(chain_id, location_id, app_user_id, phone, provider, item_kind,
           item_type_id, title, amount, currency, provider_ref)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          p.chainId,
          p.locationId,
          p.appUserId,
          p.phone,
          p.provider,
          p.itemKind,
          p.itemTypeId,
          p.title,
          (p.amountCents / 100).toFixed(2),
          p.currency,
          p.providerRef,
        ],
      ))!;
    },
    findPayment(id) {
      return one('SELECT * FROM payments WHERE id = $1', [id]);
    },
    findPaymentByRef(provider, ref) {
      return one('SELECT * FROM payments WHERE provider = $1 AND provider_ref = $2', [
        provider,
        ref,
      ]);
    },
    settlePayment(provider, ref, status, now) {
      return one(
        `UPDATE payments SET status = $3, settled_at = $4
          WHERE provider = $1 AND provider_ref = $2 AND status = 'pending' RETURNING *`,
        [provider, ref, status, new Date(now)],
      );
    },
    async setIssuedItem(id, itemId) {
      await q.query('UPDATE payments SET issued_item_id = $2 WHERE id = $1', [id, itemId]);
    },
  };
}
