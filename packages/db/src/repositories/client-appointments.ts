import type { ClientAppointmentsRepo, ReviewTarget } from '@visita/core';
import type { Queryable } from '../db';
import { offsetOf } from './sql';

/**
 * The client's appointments: records whose client row (at any location) has the phone.
 * Every query is keyed by the phone, so an id of somebody else's appointment finds nothing.
 */
const OWNED = `
  FROM records r
  JOIN clients c ON c.id = r.client_id
  JOIN locations l ON l.id = r.location_id AND l.deleted_at IS NULL
 WHERE c.phone = $1`;

export function clientAppointmentsRepo(q: Queryable): ClientAppointmentsRepo {
  return {
    async findClientAppointmentIds(phone, filter, page) {
      const params: unknown[] = [phone];
      const add = (value: unknown) => `$${params.push(value)}`;
      let where = OWNED;
      if (filter.status === 'canceled') where += ' AND r.deleted_at IS NOT NULL';
      else
        where += ` AND r.deleted_at IS NULL AND r.starts_at ${filter.status === 'upcoming' ? '>=' : '<'} ${add(new Date(filter.now))}`;
      if (filter.locationId !== undefined)
        where += ` AND r.location_id = ${add(filter.locationId)}`;
      const order =
        filter.status === 'upcoming' ? 'r.starts_at, r.id' : 'r.starts_at DESC, r.id DESC';
      const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${where}`, params);
      const rows = await q.query<{ id: number }>(
        `SELECT r.id ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.count, offsetOf(page)],
      );
      return { items: rows.map((r) => r.id), total: count?.n ?? 0 };
    },

    async findClientAppointmentRef(phone, recordId) {
      const [row] = await q.query<{ id: number; location_id: number }>(
        `SELECT r.id, r.location_id ${OWNED} AND r.id = $2`,
        [phone, recordId],
      );
      return row ? { id: row.id, locationId: row.location_id } : null;
    },

    async findAppointmentRefByHash(recordId, hashDigest) {
      const [row] = await q.query<{ id: number; location_id: number }>(
        `SELECT r.id, r.location_id FROM records r
           JOIN locations l ON l.id = r.location_id AND l.deleted_at IS NULL
          WHERE r.id = $1 AND r.hash_digest = $2`,
        [recordId, hashDigest],
      );
      return row ? { id: row.id, locationId: row.location_id } : null;
    },

    async findReviewedTargets(recordIds) {
      const result = new Map<number, ReviewTarget[]>();
      if (recordIds.length === 0) return result;
      const rows = await q.query<{ record_id: number; target: ReviewTarget }>(
        'SELECT record_id, target FROM reviews WHERE record_id = ANY($1)',
        [recordIds],
      );
      for (const row of rows)
        result.set(row.record_id, [...(result.get(row.record_id) ?? []), row.target]);
      return result;
    },

    async findRebookable(locationId, staffId, serviceIds) {
      const services = await q.query<{ id: number }>(
        `SELECT id FROM services
          WHERE location_id = $1 AND id = ANY($2) AND deleted_at IS NULL AND online_bookable`,
        [locationId, serviceIds],
      );
      const live = new Set(services.map((s) => s.id));
      const [staff] = await q.query<{ ok: boolean }>(
        `SELECT bookable AND NOT fired AND NOT hidden AS ok FROM staff
          WHERE id = $1 AND location_id = $2 AND deleted_at IS NULL`,
        [staffId, locationId],
      );
      return {
        serviceIds: serviceIds.filter((id) => live.has(id)),
        staffBookable: staff?.ok ?? false,
      };
    },
  };
}
