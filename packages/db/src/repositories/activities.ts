import {
  type ActivitiesRepo,
  type Activity,
  type ActivityDraft,
  type ActivitySearch,
  type ActivityView,
} from '@visita/core';
import type { Queryable } from '../db';
import { offsetOf } from './sql';
import { refuseOverlaps, tstzRange } from './time-holds';

type Row = Record<string, unknown>;

function toActivity(row: Row): Activity {
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    serviceId: row.service_id as number,
    staffId: row.staff_id as number,
    start: (row.starts_at as Date).getTime(),
    end: (row.ends_at as Date).getTime(),
    capacity: row.capacity as number,
    bookedCount: row.booked_count as number,
    comment: row.comment as string,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    deletedAt: row.deleted_at as Date | null,
  };
}

function toView(row: Row): ActivityView {
  return {
    ...toActivity(row),
    timeZone: row.location_timezone as string,
    service: {
      id: row.service_id as number,
      title: row.service_title as string,
      categoryId: row.service_category_id as number | null,
      categoryTitle: (row.service_category_title as string | null) ?? null,
      priceMin: row.service_price_min as number,
      priceMax: row.service_price_max as number,
      comment: row.service_comment as string,
    },
    staff: {
      id: row.staff_id as number,
      name: row.staff_name as string,
      specialization: row.staff_specialization as string,
      avatar: row.staff_avatar as string,
      rating: Number(row.staff_rating),
      votesCount: row.staff_votes_count as number,
      position: row.staff_position_id
        ? { id: row.staff_position_id as number, title: row.staff_position_title as string }
        : null,
    },
  };
}

const VIEW_SELECT = `
  SELECT a.*, l.timezone AS location_timezone,
         s.title AS service_title, s.category_id AS service_category_id,
         s.price_min AS service_price_min, s.price_max AS service_price_max,
         s.comment AS service_comment, sc.title AS service_category_title,
         st.name AS staff_name, st.specialization AS staff_specialization, st.avatar AS staff_avatar,
         st.rating AS staff_rating, st.votes_count AS staff_votes_count,
         p.id AS staff_position_id, p.title AS staff_position_title
    FROM activities a
    JOIN locations l ON l.id = a.location_id
    JOIN services s ON s.id = a.service_id
    LEFT JOIN service_categories sc ON sc.id = s.category_id
    JOIN staff st ON st.id = a.staff_id
    LEFT JOIN positions p ON p.id = st.position_id`;

const guardOverlap = <T>(work: () => Promise<T>) =>
  refuseOverlaps(work, {
    message: 'The team member is already booked at this time',
    field: 'date',
  });

export function activitiesRepo(q: Queryable): ActivitiesRepo {
  const holdTime = (id: number, draft: ActivityDraft) =>
    q.query(
      'INSERT INTO staff_occupancy(staff_id, activity_id, during) VALUES ($1, $2, $3::tstzrange)',
      [draft.staffId, id, tstzRange(draft.start, draft.end)],
    );
  const releaseTime = (id: number) =>
    q.query(
      'UPDATE staff_occupancy SET released_at = now() WHERE activity_id = $1 AND released_at IS NULL',
      [id],
    );

  return {
    insertActivity: (draft) =>
      guardOverlap(async () => {
        const [row] = await q.query<Row>(
          `INSERT INTO activities(location_id, service_id, staff_id, starts_at, ends_at, capacity, comment)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            draft.locationId,
            draft.serviceId,
            draft.staffId,
            new Date(draft.start),
            new Date(draft.end),
            draft.capacity,
            draft.comment,
          ],
        );
        await holdTime(row!.id as number, draft);
        return toActivity(row!);
      }),

    replaceActivity: (id, draft) =>
      guardOverlap(async () => {
        await releaseTime(id);
        const [row] = await q.query<Row>(
          `UPDATE activities SET service_id = $2, staff_id = $3, starts_at = $4, ends_at = $5,
             capacity = $6, comment = $7, updated_at = now()
           WHERE id = $1 RETURNING *`,
          [
            id,
            draft.serviceId,
            draft.staffId,
            new Date(draft.start),
            new Date(draft.end),
            draft.capacity,
            draft.comment,
          ],
        );
        await holdTime(id, draft);
        return toActivity(row!);
      }),

    async findActivity(locationId, id, options = {}) {
      const [row] = await q.query<Row>(
        `SELECT * FROM activities WHERE id = $1 AND location_id = $2 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
        [id, locationId],
      );
      return row ? toActivity(row) : null;
    },

    async findActivityView(locationId, id) {
      const [row] = await q.query<Row>(
        `${VIEW_SELECT} WHERE a.id = $1 AND a.location_id = $2 AND a.deleted_at IS NULL`,
        [id, locationId],
      );
      return row ? toView(row) : null;
    },

    async searchActivities(locationId, filter: ActivitySearch, page) {
      const params: unknown[] = [locationId, new Date(filter.from), new Date(filter.to)];
      const parts = [
        'a.location_id = $1',
        'a.deleted_at IS NULL',
        'a.starts_at >= $2',
        'a.starts_at < $3',
      ];
      if (filter.serviceIds) {
        params.push(filter.serviceIds);
        parts.push(`a.service_id = ANY($${params.length})`);
      }
      if (filter.staffIds) {
        params.push(filter.staffIds);
        parts.push(`a.staff_id = ANY($${params.length})`);
      }
      const where = parts.join(' AND ');
      const [count] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM activities a WHERE ${where}`,
        params,
      );
      const rows = await q.query<Row>(
        `${VIEW_SELECT} WHERE ${where} ORDER BY a.starts_at, a.id
         LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.count, offsetOf(page)],
      );
      return { items: rows.map(toView), total: count?.n ?? 0 };
    },

    async deleteActivity(id) {
      const rows = await q.query(
        `UPDATE activities SET deleted_at = now(), updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
        [id],
      );
      if (rows.length === 0) return false;
      await releaseTime(id);
      return true;
    },

    async reservePlaces(activityId, places) {
      // The row lock of this UPDATE queues concurrent bookings; each re-checks the condition
      // against the committed count, so the capacity cannot be overrun.
      const [row] = await q.query<{ booked_count: number }>(
        `UPDATE activities SET booked_count = booked_count + $2, updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL AND booked_count + $2 <= capacity
          RETURNING booked_count`,
        [activityId, places],
      );
      return row ? row.booked_count : null;
    },

    async releasePlaces(activityId, places) {
      await q.query(
        `UPDATE activities SET booked_count = GREATEST(booked_count - $2, 0), updated_at = now()
          WHERE id = $1`,
        [activityId, places],
      );
    },

    async findActivityAppointmentIds(activityId) {
      const rows = await q.query<{ id: number }>(
        'SELECT id FROM records WHERE activity_id = $1 AND deleted_at IS NULL ORDER BY id',
        [activityId],
      );
      return rows.map((r) => r.id);
    },

    async moveActivityAppointments(activityId, draft) {
      await q.query(
        `UPDATE records SET staff_id = $2, starts_at = $3, ends_at = $4, updated_at = now()
          WHERE activity_id = $1 AND deleted_at IS NULL`,
        [activityId, draft.staffId, new Date(draft.start), new Date(draft.end)],
      );
      await q.query(
        `UPDATE record_services rs SET service_id = $2, starts_at = $3, ends_at = $4
           FROM records r
          WHERE rs.record_id = r.id AND r.activity_id = $1 AND r.deleted_at IS NULL`,
        [activityId, draft.serviceId, new Date(draft.start), new Date(draft.end)],
      );
    },
  };
}
