import type { BulkPush, BulkPushesRepo, ClientCondition } from '@visita/core';
import type { Queryable } from '../db';
import { conditionSql, sqlBuilder, statsJoin } from './client-search-sql';

type Row = {
  id: number;
  location_id: number;
  text: string;
  recipients: number;
  queued: number;
  delivered: number;
  undeliverable: number;
  fanout_done_at: Date | null;
  created_at: Date;
};

const toBulk = (r: Row): BulkPush => ({
  id: r.id,
  locationId: r.location_id,
  text: r.text,
  recipients: r.recipients,
  queued: r.queued,
  delivered: r.delivered,
  undeliverable: r.undeliverable,
  fanoutDone: r.fanout_done_at !== null,
  createdAt: r.created_at,
});

/**
 * The clients search's WHERE (same conditions, same SQL) over `clients c` of one location;
 * `from` includes the statistics join when a condition needs it.
 */
export function audienceSql(
  locationId: number,
  search: { conditions: ClientCondition[]; operation: 'AND' | 'OR' },
  asOf: number,
) {
  const b = sqlBuilder([locationId]);
  const joined = search.conditions
    .map((c) => conditionSql(c, b))
    .join(search.operation === 'OR' ? ' OR ' : ' AND ');
  const where = `c.location_id = $1 AND c.deleted_at IS NULL${joined ? ` AND (${joined})` : ''}`;
  const from = b.usesStats ? `clients c ${statsJoin(b.add(new Date(asOf)))}` : 'clients c';
  return { from, where, params: b.params };
}

export function bulkPushesRepo(q: Queryable): BulkPushesRepo {
  return {
    async countAudience(locationId, search, asOf) {
      const { from, where, params } = audienceSql(locationId, search, asOf);
      const [row] = await q.query<{ matching: number; with_app: number }>(
        `SELECT count(*)::int AS matching, count(*) FILTER (WHERE c.has_app)::int AS with_app
           FROM ${from} WHERE ${where}`,
        params,
      );
      return { matching: row?.matching ?? 0, withApp: row?.with_app ?? 0 };
    },
    async insertBulkPush(input) {
      const [row] = await q.query<Row>(
        `INSERT INTO bulk_pushes(location_id, created_user_id, text, filters, operation, recipients)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          input.locationId,
          input.userId,
          input.text,
          JSON.stringify(input.filters),
          input.operation,
          input.recipients,
        ],
      );
      return toBulk(row!);
    },
    async findBulkPush(locationId, id) {
      const [row] = await q.query<Row>(
        'SELECT * FROM bulk_pushes WHERE id = $1 AND location_id = $2',
        [id, locationId],
      );
      return row ? toBulk(row) : null;
    },
    async listBulkPushes(locationId, page) {
      const [count] = await q.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM bulk_pushes WHERE location_id = $1',
        [locationId],
      );
      const rows = await q.query<Row>(
        `SELECT * FROM bulk_pushes WHERE location_id = $1
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [locationId, page.count, (page.page - 1) * page.count],
      );
      return { items: rows.map(toBulk), total: count?.n ?? 0 };
    },
  };
}
