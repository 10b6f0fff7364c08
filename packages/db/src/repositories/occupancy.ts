import type { OccupancyRepo, ResourcePool, StaffBusyInterval } from '@visita/core';
import type { Queryable } from '../db';

export function occupancyRepo(q: Queryable): OccupancyRepo {
  return {
    async findStaffBusy(staffIds, from, to): Promise<StaffBusyInterval[]> {
      if (staffIds.length === 0) return [];
      const rows = await q.query<{
        staff_id: number;
        record_id: number | null;
        activity_id: number | null;
        s: number;
        e: number;
      }>(
        `SELECT staff_id, record_id, activity_id, (extract(epoch FROM lower(during)) * 1000)::float8 AS s,
                (extract(epoch FROM upper(during)) * 1000)::float8 AS e
           FROM staff_occupancy
          WHERE staff_id = ANY($1) AND released_at IS NULL
            AND during && tstzrange(to_timestamp($2::float8 / 1000), to_timestamp($3::float8 / 1000), '[)')
          ORDER BY staff_id, lower(during)`,
        [staffIds, from, to],
      );
      return rows.map((r) => ({
        staffId: r.staff_id,
        start: r.s,
        end: r.e,
        ...(r.record_id !== null ? { recordId: r.record_id } : {}),
        ...(r.activity_id !== null ? { activityId: r.activity_id } : {}),
      }));
    },

    async findStaffBusyTimes(staffIds, from, to) {
      const byStaff = new Map<number, { start: number; end: number }[]>();
      if (staffIds.length === 0) return byStaff;
      // range_agg merges touching and overlapping holds; one JSON array per member keeps a
      // 90-day read of thousands of appointments to a few small rows.
      const rows = await q.query<{ staff_id: number; busy: [number, number][] }>(
        `SELECT staff_id,
                (SELECT json_agg(json_build_array(extract(epoch FROM lower(r)) * 1000, extract(epoch FROM upper(r)) * 1000)
                                 ORDER BY lower(r))
                   FROM unnest(range_agg(during)) r) AS busy
           FROM staff_occupancy
          WHERE staff_id = ANY($1) AND released_at IS NULL
            AND during && tstzrange(to_timestamp($2::float8 / 1000), to_timestamp($3::float8 / 1000), '[)')
          GROUP BY staff_id`,
        [staffIds, from, to],
      );
      for (const row of rows)
        byStaff.set(
          row.staff_id,
          (row.busy ?? []).map(([start, end]) => ({ start: Number(start), end: Number(end) })),
        );
      return byStaff;
    },

    async findResourcePools(resourceIds, from, to): Promise<ResourcePool[]> {
      if (resourceIds.length === 0) return [];
      const rows = await q.query<{
        resource_id: number;
        instance_id: number;
        s: number | null;
        e: number | null;
      }>(
        `SELECT i.resource_id, i.id AS instance_id,
                (extract(epoch FROM lower(o.during)) * 1000)::float8 AS s,
                (extract(epoch FROM upper(o.during)) * 1000)::float8 AS e
           FROM resource_instances i
           JOIN resources r ON r.id = i.resource_id AND r.deleted_at IS NULL
           LEFT JOIN resource_occupancy o ON o.resource_instance_id = i.id AND o.released_at IS NULL
                AND o.during && tstzrange(to_timestamp($2::float8 / 1000), to_timestamp($3::float8 / 1000), '[)')
          WHERE i.resource_id = ANY($1) AND i.deleted_at IS NULL
          ORDER BY i.resource_id, i.id, lower(o.during)`,
        [resourceIds, from, to],
      );
      const pools = new Map<number, Map<number, { start: number; end: number }[]>>();
      for (const row of rows) {
        const instances =
          pools.get(row.resource_id) ?? new Map<number, { start: number; end: number }[]>();
        pools.set(row.resource_id, instances);
        const busy = instances.get(row.instance_id) ?? [];
        instances.set(row.instance_id, busy);
        if (row.s !== null && row.e !== null) busy.push({ start: row.s, end: row.e });
      }
      return [...pools].map(([resourceId, instances]) => ({
        resourceId,
        instances: [...instances].map(([instanceId, busy]) => ({ instanceId, busy })),
      }));
    },
  };
}
