import type { ReportDay, ReportsRepo, ReportTotals } from '@visita/core';
import type { Queryable } from '../db';

/**
 * The period's live appointments with their local day and cost, and each client's first
 * appointment day at the location (ever, not only in the period: "new" means first time here).
 */
const PERIOD = `
  WITH recs AS (
    SELECT r.id, r.client_id, r.attendance, (r.starts_at AT TIME ZONE $2)::date AS day,
           COALESCE((SELECT sum(rs.cost) FROM record_services rs WHERE rs.record_id = r.id), 0) AS cost
      FROM records r
     WHERE r.location_id = $1 AND r.deleted_at IS NULL
       AND r.starts_at >= ($3::date::timestamp AT TIME ZONE $2)
       AND r.starts_at < (($4::date + 1)::timestamp AT TIME ZONE $2)
  ),
  firsts AS (
    SELECT client_id, min((starts_at AT TIME ZONE $2)::date) AS first_day
      FROM records
     WHERE location_id = $1 AND deleted_at IS NULL
       AND client_id IN (SELECT client_id FROM recs)
     GROUP BY client_id
  )`;

interface DayRow {
  date: string;
  appointments: number;
  revenue: string | number;
  new_clients: number;
  returning_clients: number;
  clients: number;
  clients_with_app: number;
}

export function reportsRepo(q: Queryable): ReportsRepo {
  return {
    async findReportDays(locationId, timeZone, from, to): Promise<ReportDay[]> {
      const rows = await q.query<DayRow>(
        `${PERIOD}
         SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
                count(recs.id)::int AS appointments,
                COALESCE(sum(recs.cost) FILTER (WHERE recs.attendance <> -1), 0)::float8 AS revenue,
                count(DISTINCT recs.client_id) FILTER (WHERE f.first_day = d.day)::int AS new_clients,
                count(DISTINCT recs.client_id) FILTER (WHERE f.first_day < d.day)::int AS returning_clients,
                count(DISTINCT recs.client_id)::int AS clients,
                count(DISTINCT recs.client_id) FILTER (WHERE c.has_app)::int AS clients_with_app
           FROM (SELECT generate_series($3::date, $4::date, interval '1 day')::date AS day) d
           LEFT JOIN recs ON recs.day = d.day
           LEFT JOIN firsts f ON f.client_id = recs.client_id
           LEFT JOIN clients c ON c.id = recs.client_id
          GROUP BY d.day ORDER BY d.day`,
        [locationId, timeZone, from, to],
      );
      return rows.map((r) => ({
        date: r.date,
        appointments: r.appointments,
        revenue: Number(r.revenue),
        newClients: r.new_clients,
        returningClients: r.returning_clients,
        clients: r.clients,
        clientsWithApp: r.clients_with_app,
      }));
    },

    async findReportTotals(locationId, timeZone, from, to): Promise<ReportTotals> {
      const [row] = await q.query<{
        appointments: number;
        revenue: string | number;
        clients: number;
        new_clients: number;
        returning_clients: number;
        clients_with_app: number;
        base_clients: number;
        base_clients_with_app: number;
      }>(
        `${PERIOD}
         SELECT (SELECT count(*) FROM recs)::int AS appointments,
                (SELECT COALESCE(sum(cost) FILTER (WHERE attendance <> -1), 0) FROM recs)::float8 AS revenue,
                count(DISTINCT recs.client_id)::int AS clients,
                count(DISTINCT recs.client_id) FILTER (WHERE f.first_day >= $3::date)::int AS new_clients,
                count(DISTINCT recs.client_id) FILTER (WHERE f.first_day < $3::date)::int AS returning_clients,
                count(DISTINCT recs.client_id) FILTER (WHERE c.has_app)::int AS clients_with_app,
                (SELECT count(*) FROM clients WHERE location_id = $1 AND deleted_at IS NULL)::int AS base_clients,
                (SELECT count(*) FROM clients WHERE location_id = $1 AND deleted_at IS NULL AND has_app)::int
                  AS base_clients_with_app
           FROM recs
           LEFT JOIN firsts f ON f.client_id = recs.client_id
           LEFT JOIN clients c ON c.id = recs.client_id`,
        [locationId, timeZone, from, to],
      );
      return {
        appointments: row!.appointments,
        revenue: Number(row!.revenue),
        clients: row!.clients,
        newClients: row!.new_clients,
        returningClients: row!.returning_clients,
        clientsWithApp: row!.clients_with_app,
        baseClients: row!.base_clients,
        baseClientsWithApp: row!.base_clients_with_app,
      };
    },
  };
}
