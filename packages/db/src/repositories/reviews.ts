import type { Review, ReviewsRepo } from '@visita/core';
import type { Queryable } from '../db';
import { offsetOf } from './sql';

type Row = Record<string, unknown>;

const SELECT = `
  SELECT rv.*, st.name AS staff_name,
         coalesce(split_part(btrim(u.name), ' ', 1), '') AS author_name
    FROM reviews rv
    LEFT JOIN staff st ON st.id = rv.staff_id
    LEFT JOIN app_users u ON u.id = rv.app_user_id AND u.deleted_at IS NULL`;

const toReview = (row: Row): Review => ({
  id: row.id as number,
  recordId: row.record_id as number,
  locationId: row.location_id as number,
  target: row.target as Review['target'],
  staff:
    row.staff_id === null
      ? null
      : { id: row.staff_id as number, name: (row.staff_name as string | null) ?? '' },
  rating: row.rating as number,
  text: row.text as string,
  authorName: row.author_name as string,
  appUserId: row.app_user_id as number | null,
  createdAt: row.created_at as Date,
});

export function reviewsRepo(q: Queryable): ReviewsRepo {
  return {
    async insertReview(d) {
      const [row] = await q.query<{ id: number }>(
        `INSERT INTO reviews(record_id, location_id, staff_id, app_user_id, target, rating, text)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (record_id, target) DO NOTHING RETURNING id`,
        [d.recordId, d.locationId, d.staffId, d.appUserId, d.target, d.rating, d.text],
      );
      if (!row) return null;
      const [full] = await q.query<Row>(`${SELECT} WHERE rv.id = $1`, [row.id]);
      return toReview(full!);
    },

    async addStaffVote(staffId, rating) {
      // One statement: concurrent votes queue on the row lock and each sees the previous one.
      await q.query(
        `UPDATE staff SET rating = round((rating * votes_count + $2) / (votes_count + 1), 2),
                          votes_count = votes_count + 1
          WHERE id = $1`,
        [staffId, rating],
      );
    },

    async findLocationReviews(locationId, filter, page) {
      const params: unknown[] = [locationId];
      let where = 'rv.location_id = $1';
      if (filter.target) {
        params.push(filter.target);
        where += ` AND rv.target = $${params.length}`;
      }
      const [count] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reviews rv WHERE ${where}`,
        params,
      );
      const rows = await q.query<Row>(
        `${SELECT} WHERE ${where} ORDER BY rv.created_at DESC, rv.id DESC
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.count, offsetOf(page)],
      );
      return { items: rows.map(toReview), total: count?.n ?? 0 };
    },
  };
}
