import type { InstrumentFilter } from '@visita/core';
import type { Queryable } from '../db';

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

/**
 * The reads memberships and gift certificates share: one row by chain and id, the row locked
 * for the rest of the transaction, and the list of a filter (newest first by `order`).
 */
export function instrumentReads<Row extends object, T>(
  q: Queryable,
  table: 'memberships' | 'certificates',
  typeTable: 'membership_types' | 'certificate_types',
  order: string,
  toDomain: (r: Row) => T,
) {
  const one = async (sql: string, params: unknown[]) => {
    const rows = await q.query<Row>(sql, params);
    return rows[0] ? toDomain(rows[0]) : null;
  };
  return {
    one,
    find: (chainId: number, id: number) =>
      one(`SELECT * FROM ${table} WHERE chain_id = $1 AND id = $2`, [chainId, id]),
    lock: (id: number) => one(`SELECT * FROM ${table} WHERE id = $1 FOR UPDATE`, [id]),
    list: async (filter: InstrumentFilter) => {
      const where = instrumentWhere(filter, typeTable);
      const rows = await q.query<Row>(
        `SELECT i.* FROM ${table} i ${where.sql} ORDER BY ${order}`,
        where.params,
      );
      return rows.map(toDomain);
    },
  };
}
