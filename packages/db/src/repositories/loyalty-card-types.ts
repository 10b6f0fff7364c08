import type { LoyaltyCardType, LoyaltyTypesRepo } from '@visita/core';
import type { Queryable } from '../db';

const COLUMNS = `id, chain_id AS "chainId", title, location_ids AS "locationIds"`;

type CardTypeMethods = Pick<
  LoyaltyTypesRepo,
  | 'listCardTypes'
  | 'findCardType'
  | 'insertCardType'
  | 'updateCardType'
  | 'lockCardTypeForIssue'
  | 'lockCardTypesForUse'
  | 'lockCardTypeForChange'
  | 'countIssuedCards'
  | 'softDeleteCardType'
>;

/** Loyalty card types of a chain (soft-deleted ones stay for the cards that point at them). */
export function loyaltyCardTypeMethods(q: Queryable): CardTypeMethods {
  const live = async (chainId: number, id: number, lock = '') =>
    (
      await q.query<LoyaltyCardType>(
        `SELECT ${COLUMNS} FROM loyalty_card_types
          WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL ${lock}`,
        [chainId, id],
      )
    )[0] ?? null;
  return {
    listCardTypes(chainId) {
      return q.query<LoyaltyCardType>(
        `SELECT ${COLUMNS} FROM loyalty_card_types
          WHERE chain_id = $1 AND deleted_at IS NULL ORDER BY id`,
        [chainId],
      );
    },
    findCardType: (chainId, id) => live(chainId, id),
    async insertCardType(chainId, title, locationIds) {
      const rows = await q.query<LoyaltyCardType>(
        `INSERT INTO loyalty_card_types(chain_id, title, location_ids) VALUES ($1, $2, $3)
         RETURNING ${COLUMNS}`,
        [chainId, title, locationIds],
      );
      return rows[0]!;
    },
    async updateCardType(chainId, id, title, locationIds) {
      const rows = await q.query<LoyaltyCardType>(
        `UPDATE loyalty_card_types SET title = $3, location_ids = $4
          WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
        [chainId, id, title, locationIds],
      );
      return rows[0] ?? null;
    },
    lockCardTypeForIssue: (chainId, id) => live(chainId, id, 'FOR SHARE'),
    async lockCardTypesForUse(chainId, ids) {
      if (!ids.length) return [];
      const rows = await q.query<{ id: number }>(
        `SELECT id FROM loyalty_card_types
          WHERE chain_id = $1 AND id = ANY($2::int[]) AND deleted_at IS NULL
          ORDER BY id FOR SHARE`,
        [chainId, ids],
      );
      return rows.map((r) => r.id);
    },
    async lockCardTypeForChange(chainId, id) {
      return (await live(chainId, id, 'FOR UPDATE')) !== null;
    },
    async countIssuedCards(typeId) {
      const rows = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM loyalty_cards WHERE type_id = $1 AND deleted_at IS NULL`,
        [typeId],
      );
      return rows[0]!.n;
    },
    async softDeleteCardType(id) {
      await q.query('UPDATE loyalty_card_types SET deleted_at = now() WHERE id = $1', [id]);
    },
  };
}
