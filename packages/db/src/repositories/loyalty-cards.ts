import { toCents, type BonusLot, type LoyaltyCard, type LoyaltyCardsRepo } from '@visita/core';
import { isPgError, PG, type Queryable } from '../db';

interface Row {
  id: number;
  chain_id: number;
  type_id: number;
  number: string;
  phone: string;
  balance: number;
  discount_percent: number;
  paid_amount: number;
  sold_amount: number;
  visits_count: number;
  discount_expires_at: Date | null;
  discount_base_visits: number;
  discount_base_sold: number;
  discount_base_paid: number;
  created_at: Date;
}

const card = (r: Row): LoyaltyCard => ({
  id: r.id,
  chainId: r.chain_id,
  typeId: r.type_id,
  number: r.number,
  phone: r.phone,
  balanceCents: toCents(r.balance),
  discountPercent: r.discount_percent,
  paidCents: toCents(r.paid_amount),
  soldCents: toCents(r.sold_amount),
  visitsCount: r.visits_count,
  discountExpiresAt: r.discount_expires_at ? r.discount_expires_at.getTime() : null,
  discountBase: {
    visits: r.discount_base_visits,
    soldCents: toCents(r.discount_base_sold),
    paidCents: toCents(r.discount_base_paid),
  },
  createdAt: r.created_at.getTime(),
});

const units = (cents: number) => (cents / 100).toFixed(2);

interface LotRow {
  id: number;
  card_id: number;
  amount: number;
  remaining: number;
  expires_at: Date | null;
}

export function loyaltyCardsRepo(q: Queryable): LoyaltyCardsRepo {
  /** The cards with their live lots (read after the card rows, so after a lock too). */
  const withLots = async (rows: Row[]): Promise<LoyaltyCard[]> => {
    if (!rows.length) return [];
    const lots = await q.query<LotRow>(
      `SELECT id, card_id, amount, remaining, expires_at FROM loyalty_bonus_lots
        WHERE card_id = ANY($1::int[]) AND canceled_at IS NULL AND remaining > 0 ORDER BY id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      ...card(r),
      bonusLots: lots
        .filter((l) => l.card_id === r.id)
        .map((l): BonusLot => ({
          id: l.id,
          amountCents: toCents(l.amount),
          remainingCents: toCents(l.remaining),
          expiresAt: l.expires_at ? l.expires_at.getTime() : null,
        })),
    }));
  };
  const one = async (sql: string, params: unknown[]) =>
    (await withLots(await q.query<Row>(sql, params)))[0] ?? null;
  return {
    async insertCard(c) {
      try {
        return await one(
          `INSERT INTO loyalty_cards(chain_id, type_id, number, phone) VALUES ($1, $2, $3, $4)
           RETURNING *`,
          [c.chainId, c.typeId, c.number, c.phone],
        );
      } catch (error) {
        if (isPgError(error, PG.uniqueViolation)) return null;
        throw error;
      }
    },
    findCard(chainId, id) {
      return one(
        'SELECT * FROM loyalty_cards WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL',
        [chainId, id],
      );
    },
    lockCard(id) {
      return one('SELECT * FROM loyalty_cards WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [
        id,
      ]);
    },
    async listCards(f) {
      const parts = ['deleted_at IS NULL'];
      const params: unknown[] = [];
      if (f.chainId !== undefined) {
        params.push(f.chainId);
        parts.push(`chain_id = $${params.length}`);
      }
      if (f.phone !== undefined) {
        params.push(f.phone);
        parts.push(`phone = $${params.length}`);
      }
      const rows = await q.query<Row>(
        `SELECT * FROM loyalty_cards WHERE ${parts.join(' AND ')} ORDER BY id`,
        params,
      );
      return withLots(rows);
    },
    async deleteCard(chainId, id) {
      const rows = await q.query(
        `UPDATE loyalty_cards SET deleted_at = now()
          WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id`,
        [chainId, id],
      );
      return rows.length > 0;
    },
    async updateCardAfterVisit(id, a) {
      await q.query(
        `UPDATE loyalty_cards SET visits_count = $2, sold_amount = $3, paid_amount = $4,
           discount_percent = $5, discount_expires_at = $6,
           discount_base_visits = $7, discount_base_sold = $8, discount_base_paid = $9
          WHERE id = $1`,
        [
          id,
          a.visitsCount,
          units(a.soldCents),
          units(a.paidCents),
          a.discountPercent,
          a.discountExpiresAt === null ? null : new Date(a.discountExpiresAt),
          a.discountBase.visits,
          units(a.discountBase.soldCents),
          units(a.discountBase.paidCents),
        ],
      );
    },
    async countCashbackUses(id) {
      const rows = await q.query<{ program_id: number; n: number }>(
        `SELECT program_id, count(*)::int AS n FROM loyalty_transactions
          WHERE card_id = $1 AND kind = 'cashback' AND canceled_at IS NULL
            AND program_id IS NOT NULL GROUP BY program_id`,
        [id],
      );
      return Object.fromEntries(rows.map((r) => [r.program_id, r.n]));
    },
    async cancelVisitTransactions(id, recordId) {
      await q.query(
        `UPDATE loyalty_transactions SET canceled_at = now()
          WHERE card_id = $1 AND record_id = $2 AND canceled_at IS NULL`,
        [id, recordId],
      );
    },
    async insertBonusLot(l) {
      const rows = await q.query<{ id: number }>(
        `INSERT INTO loyalty_bonus_lots(card_id, record_id, program_id, amount, remaining, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
        [
          l.cardId,
          l.recordId,
          l.programId,
          units(l.amountCents),
          l.expiresAt === null ? null : new Date(l.expiresAt),
        ],
      );
      return rows[0]!.id;
    },
    async spendBonusLot(lotId, cents, recordId, now) {
      const rows = await q.query(
        `UPDATE loyalty_bonus_lots SET remaining = remaining - $2::numeric
          WHERE id = $1 AND canceled_at IS NULL AND remaining >= $2::numeric
            AND (expires_at IS NULL OR expires_at > $3) RETURNING id`,
        [lotId, units(cents), new Date(now)],
      );
      if (!rows.length) return false;
      await q.query(
        'INSERT INTO loyalty_bonus_spends(lot_id, record_id, amount) VALUES ($1, $2, $3)',
        [lotId, recordId, units(cents)],
      );
      return true;
    },
    async restoreVisitSpends(id, recordId) {
      await q.query(
        `UPDATE loyalty_bonus_lots l SET remaining = l.remaining + s.amount
           FROM (SELECT lot_id, sum(amount) AS amount FROM loyalty_bonus_spends
                  WHERE record_id = $2 GROUP BY lot_id) s
          WHERE l.id = s.lot_id AND l.card_id = $1`,
        [id, recordId],
      );
      await q.query(
        `DELETE FROM loyalty_bonus_spends s USING loyalty_bonus_lots l
          WHERE s.lot_id = l.id AND l.card_id = $1 AND s.record_id = $2`,
        [id, recordId],
      );
    },
    async cancelVisitLot(id, recordId) {
      const rows = await q.query<{ amount: number; remaining: number }>(
        `UPDATE loyalty_bonus_lots SET canceled_at = now()
          WHERE card_id = $1 AND record_id = $2 AND canceled_at IS NULL
          RETURNING amount, remaining`,
        [id, recordId],
      );
      const lot = rows[0];
      return lot
        ? { amountCents: toCents(lot.amount), remainingCents: toCents(lot.remaining) }
        : null;
    },
    async syncBalance(id) {
      await q.query(
        `UPDATE loyalty_cards SET balance = (SELECT coalesce(sum(remaining), 0)
            FROM loyalty_bonus_lots WHERE card_id = $1 AND canceled_at IS NULL)
          WHERE id = $1`,
        [id],
      );
    },
    async insertTransaction(t) {
      await q.query(
        `INSERT INTO loyalty_transactions(card_id, program_id, record_id, location_id, kind, amount, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [t.cardId, t.programId, t.recordId, t.locationId, t.kind, units(t.amountCents), t.comment],
      );
    },
    async listTransactions(f) {
      const params: unknown[] = [f.chainId];
      const parts = ['c.chain_id = $1', 't.canceled_at IS NULL'];
      if (f.cardId !== undefined) {
        params.push(f.cardId);
        parts.push(`t.card_id = $${params.length}`);
      }
      if (f.recordId !== undefined) {
        params.push(f.recordId);
        parts.push(`t.record_id = $${params.length}`);
      }
      const rows = await q.query<{
        id: number;
        card_id: number;
        program_id: number | null;
        record_id: number | null;
        location_id: number;
        kind: string;
        amount: number;
        comment: string;
        created_at: Date;
      }>(
        `SELECT t.* FROM loyalty_transactions t JOIN loyalty_cards c ON c.id = t.card_id
          WHERE ${parts.join(' AND ')} ORDER BY t.id`,
        params,
      );
      return rows.map((r) => ({
        id: r.id,
        cardId: r.card_id,
        programId: r.program_id,
        recordId: r.record_id,
        locationId: r.location_id,
        kind: r.kind,
        amountCents: toCents(r.amount),
        comment: r.comment,
        createdAt: r.created_at.getTime(),
      }));
    },
  };
}
