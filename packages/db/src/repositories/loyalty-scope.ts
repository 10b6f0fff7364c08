import type { ChainLocation, ChainScope } from '@visita/core';
import type { Queryable } from '../db';

const LOCATION = `SELECT id, chain_id AS "chainId", title, timezone, currency, logo FROM locations`;

export function loyaltyScopeRepo(q: Queryable): ChainScope {
  return {
    findChainLocations(chainId) {
      return q.query<ChainLocation>(
        `${LOCATION} WHERE chain_id = $1 AND deleted_at IS NULL ORDER BY id`,
        [chainId],
      );
    },
    async findChainServiceIds(chainId, ids) {
      const rows = await q.query<{ id: number }>(
        `SELECT s.id FROM services s JOIN locations l ON l.id = s.location_id
          WHERE l.chain_id = $1 AND s.id = ANY($2::int[]) AND s.deleted_at IS NULL`,
        [chainId, ids],
      );
      return rows.map((r) => r.id);
    },
    async findChainCategoryIds(chainId, ids) {
      const rows = await q.query<{ id: number }>(
        `SELECT c.id FROM service_categories c JOIN locations l ON l.id = c.location_id
          WHERE l.chain_id = $1 AND c.id = ANY($2::int[]) AND c.deleted_at IS NULL`,
        [chainId, ids],
      );
      return rows.map((r) => r.id);
    },
    async findLocationChain(locationId) {
      const rows = await q.query<ChainLocation>(
        `${LOCATION} WHERE id = $1 AND deleted_at IS NULL`,
        [locationId],
      );
      return rows[0] ?? null;
    },
    describeItems(chainId, serviceIds, categoryIds) {
      return q.query<{ id: number; title: string; isCategory: boolean }>(
        `SELECT s.id, s.title, false AS "isCategory" FROM services s
           JOIN locations l ON l.id = s.location_id
          WHERE l.chain_id = $1 AND s.id = ANY($2::int[]) AND s.deleted_at IS NULL
         UNION ALL
         SELECT c.id, c.title, true FROM service_categories c
           JOIN locations l ON l.id = c.location_id
          WHERE l.chain_id = $1 AND c.id = ANY($3::int[]) AND c.deleted_at IS NULL
         ORDER BY 3, 1`,
        [chainId, serviceIds, categoryIds],
      );
    },
    async findClientPhone(clientId) {
      const rows = await q.query<{ locationId: number; chainId: number; phone: string }>(
        `SELECT c.location_id AS "locationId", l.chain_id AS "chainId", c.phone
           FROM clients c JOIN locations l ON l.id = c.location_id
          WHERE c.id = $1 AND c.deleted_at IS NULL`,
        [clientId],
      );
      return rows[0] ?? null;
    },
    async findChainTitle(chainId) {
      const rows = await q.query<{ title: string }>('SELECT title FROM chains WHERE id = $1', [
        chainId,
      ]);
      return rows[0]?.title ?? null;
    },
    async ensureClient(locationId, phone, name) {
      const rows = await q.query<{ id: number }>(
        `INSERT INTO clients(location_id, phone, name) VALUES ($1, $2, $3)
         ON CONFLICT (location_id, phone) WHERE deleted_at IS NULL DO UPDATE SET phone = EXCLUDED.phone
         RETURNING id`,
        [locationId, phone, name],
      );
      return rows[0]!.id;
    },
  };
}
