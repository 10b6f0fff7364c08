import type { ClientPlacesRepo, Place } from '@visita/core';
import type { Queryable } from '../db';
import { toLocation } from './locations';

type Row = Record<string, unknown>;

export function clientPlacesRepo(q: Queryable): ClientPlacesRepo {
  return {
    async findClientPlaces(userId, phone, filter = {}) {
      const params: unknown[] = [userId, phone];
      const add = (value: unknown) => `$${params.push(value)}`;
      const where: string[] = [];
      if (filter.locationId !== undefined) where.push(`l.id = ${add(filter.locationId)}`);
      if (filter.favouritesOnly) where.push('f.user_id IS NOT NULL');
      // Canceled appointments count: the client did book there, online or through an admin.
      const rows = await q.query<Row>(
        `SELECT l.*, ch.title AS chain_title, v.appointments_count,
                f.user_id IS NOT NULL AS is_favourite, mu.app_user_id IS NOT NULL AS muted,
                coalesce(rv.rating, 0)::float8 AS review_rating, coalesce(rv.n, 0)::int AS reviews_count
           FROM (SELECT r.location_id, count(*)::int AS appointments_count, max(r.starts_at) AS last_start
                   FROM records r JOIN clients c ON c.id = r.client_id
                  WHERE c.phone = $2 GROUP BY r.location_id) v
           JOIN locations l ON l.id = v.location_id AND l.deleted_at IS NULL
           JOIN chains ch ON ch.id = l.chain_id
           LEFT JOIN favourite_locations f ON f.location_id = l.id AND f.user_id = $1
           LEFT JOIN notification_mutes mu ON mu.location_id = l.id AND mu.app_user_id = $1
           LEFT JOIN LATERAL (
             SELECT round(avg(rating), 2) AS rating, count(*) AS n
               FROM reviews WHERE location_id = l.id AND target = 'location') rv ON true
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY is_favourite DESC, v.last_start DESC, l.id`,
        params,
      );
      return rows.map((row): Place => ({
        location: toLocation(row),
        rating: row.review_rating as number,
        reviewsCount: row.reviews_count as number,
        isFavourite: row.is_favourite as boolean,
        muted: row.muted as boolean,
        appointmentsCount: row.appointments_count as number,
      }));
    },

    async setFavourite(userId, locationId, favourite) {
      if (favourite)
        await q.query(
          `INSERT INTO favourite_locations(user_id, location_id) VALUES ($1, $2)
           ON CONFLICT (user_id, location_id) DO NOTHING`,
          [userId, locationId],
        );
      else
        await q.query('DELETE FROM favourite_locations WHERE user_id = $1 AND location_id = $2', [
          userId,
          locationId,
        ]);
    },
  };
}
