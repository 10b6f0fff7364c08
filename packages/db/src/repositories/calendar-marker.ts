import type { CalendarMarkerRepo } from '@visita/core';
import type { Queryable } from '../db';

/** Microseconds of a timestamp, as text: two writes in one millisecond still differ. */
const us = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::bigint`;

export function calendarMarkerRepo(q: Queryable): CalendarMarkerRepo {
  return {
    async findCalendarMarker(locationId, from, to) {
      // Each part lists ids with their last change, so an update committed late (with an
      // earlier now()) still changes the digest; rows moving out of the range change it too.
      const rows = await q.query<{ marker: string }>(
        `WITH bounds AS (
           SELECT ($2::date)::timestamp AT TIME ZONE l.timezone AS lo,
                  ($3::date + 1)::timestamp AT TIME ZONE l.timezone AS hi
             FROM locations l WHERE l.id = $1
         )
         SELECT md5(
           coalesce((SELECT string_agg(r.id || ':' || ${us('r.updated_at')}, ',' ORDER BY r.id)
                       FROM records r, bounds b
                      WHERE r.location_id = $1 AND r.starts_at >= b.lo AND r.starts_at < b.hi), '')
           || '|' ||
           coalesce((SELECT string_agg(a.id || ':' || ${us('a.updated_at')}, ',' ORDER BY a.id)
                       FROM activities a, bounds b
                      WHERE a.location_id = $1 AND a.starts_at >= b.lo AND a.starts_at < b.hi), '')
           || '|' ||
           coalesce((SELECT string_agg(s.staff_id || ':' || s.date || ':' || ${us('s.updated_at')}, ','
                                       ORDER BY s.staff_id, s.date)
                       FROM staff_schedules s JOIN staff st ON st.id = s.staff_id
                      WHERE st.location_id = $1 AND s.date BETWEEN $2::date AND $3::date), '')
           || '|' ||
           coalesce((SELECT string_agg(md5(concat_ws(':', st.id, st.name, st.specialization,
                                       st.weight, st.hidden, st.fired, st.deleted_at)), ',' ORDER BY st.id)
                       FROM staff st WHERE st.location_id = $1), '')
         ) AS marker`,
        [locationId, from, to],
      );
      return rows[0]!.marker;
    },
  };
}
