import type { LocalSlot, SchedulesRepo, StaffScheduleDay } from '@visita/core';
import type { Queryable } from '../db';

interface ScheduleRow {
  staff_id: number;
  date: string;
  slots: LocalSlot[];
}

export function schedulesRepo(q: Queryable): SchedulesRepo {
  return {
    async findStaffSchedules(staffIds, fromDate, toDate) {
      if (staffIds.length === 0) return [];
      const rows = await q.query<ScheduleRow>(
        `SELECT staff_id, date, slots FROM staff_schedules
          WHERE staff_id = ANY($1) AND date BETWEEN $2::date AND $3::date
          ORDER BY staff_id, date`,
        [staffIds, fromDate, toDate],
      );
      return rows.map((row): StaffScheduleDay => ({
        staffId: row.staff_id,
        date: row.date,
        slots: row.slots,
      }));
    },

    // The days travel as one JSON document: a single statement whatever their number, and the
    // same parameter handling on PGlite and node-postgres.
    async setStaffSchedules(days) {
      if (days.length === 0) return;
      await q.query(
        `INSERT INTO staff_schedules(staff_id, date, slots)
         SELECT (d->>'staffId')::int, (d->>'date')::date, d->'slots'
           FROM jsonb_array_elements($1::jsonb) AS d
         ON CONFLICT (staff_id, date) DO UPDATE SET slots = EXCLUDED.slots, updated_at = now()`,
        [JSON.stringify(days.map((d) => ({ staffId: d.staffId, date: d.date, slots: d.slots })))],
      );
    },

    async deleteStaffSchedules(days) {
      if (days.length === 0) return;
      await q.query(
        `DELETE FROM staff_schedules s
          USING jsonb_array_elements($1::jsonb) AS d
          WHERE s.staff_id = (d->>'staffId')::int AND s.date = (d->>'date')::date`,
        [JSON.stringify(days.map((d) => ({ staffId: d.staffId, date: d.date })))],
      );
    },

    async findStaffIdsOfLocation(locationId, staffIds) {
      const rows =
        staffIds === undefined
          ? await q.query<{ id: number }>(
              `SELECT id FROM staff
                WHERE location_id = $1 AND deleted_at IS NULL AND NOT fired ORDER BY id`,
              [locationId],
            )
          : await q.query<{ id: number }>(
              `SELECT id FROM staff
                WHERE location_id = $1 AND deleted_at IS NULL AND id = ANY($2) ORDER BY id`,
              [locationId, staffIds],
            );
      return rows.map((row) => row.id);
    },
  };
}
