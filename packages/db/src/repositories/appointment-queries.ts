import type { AppointmentQueriesRepo, AppointmentSearch, AppointmentView } from '@visita/core';
import type { Queryable } from '../db';
import { toAppointment } from './appointments';
import { offsetOf } from './sql';

type Row = Record<string, unknown>;

const VIEW_SELECT = `
  SELECT r.*, l.timezone AS location_timezone,
         st.name AS staff_name, st.specialization AS staff_specialization, st.avatar AS staff_avatar,
         st.api_id AS staff_api_id, st.rating AS staff_rating, st.votes_count AS staff_votes_count,
         p.id AS position_id, p.title AS position_title,
         c.name AS client_name, c.surname AS client_surname, c.phone AS client_phone,
         c.email AS client_email, c.patronymic AS client_patronymic, c.card AS client_card,
         c.discount AS client_discount, cv.arrived AS client_arrived, cv.no_show AS client_no_show
    FROM records r
    JOIN locations l ON l.id = r.location_id
    JOIN staff st ON st.id = r.staff_id
    LEFT JOIN positions p ON p.id = st.position_id
    LEFT JOIN clients c ON c.id = r.client_id
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE v.attendance = 1)::int AS arrived,
             count(*) FILTER (WHERE v.attendance = -1)::int AS no_show
        FROM records v
       WHERE v.client_id = r.client_id AND v.deleted_at IS NULL
    ) cv ON r.client_id IS NOT NULL`;

/** WHERE clause over `records r` for a search; every value travels as a parameter. */
function whereOf(locationId: number, f: AppointmentSearch): { sql: string; params: unknown[] } {
  const params: unknown[] = [locationId];
  const parts = ['r.location_id = $1'];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(condition(`$${params.length}`));
  };
  const at = (ms: number) => new Date(ms);
  if (f.staffId !== undefined) add((p) => `r.staff_id = ${p}`, f.staffId);
  if (f.clientId !== undefined) add((p) => `r.client_id = ${p}`, f.clientId);
  if (f.createdUserId !== undefined) add((p) => `r.created_user_id = ${p}`, f.createdUserId);
  if (f.startFrom !== undefined) add((p) => `r.starts_at >= ${p}`, at(f.startFrom));
  if (f.startTo !== undefined) add((p) => `r.starts_at < ${p}`, at(f.startTo));
  if (f.createdFrom !== undefined) add((p) => `r.created_at >= ${p}`, at(f.createdFrom));
  if (f.createdTo !== undefined) add((p) => `r.created_at < ${p}`, at(f.createdTo));
  if (f.changedAfter !== undefined) add((p) => `r.updated_at >= ${p}`, at(f.changedAfter));
  if (f.changedBefore !== undefined) add((p) => `r.updated_at <= ${p}`, at(f.changedBefore));
  if (f.onlyDeleted) parts.push('r.deleted_at IS NOT NULL');
  else if (!f.withDeleted) parts.push('r.deleted_at IS NULL');
  return { sql: parts.join(' AND '), params };
}

export function appointmentQueriesRepo(q: Queryable): AppointmentQueriesRepo {
  /** Rows → views with their services and resources, in three queries whatever the page size. */
  async function toViews(rows: Row[]): Promise<AppointmentView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id as number);
    const steps = await q.query<Row>(
      `SELECT rs.*, s.title FROM record_services rs JOIN services s ON s.id = rs.service_id
        WHERE rs.record_id = ANY($1) ORDER BY rs.record_id, rs.position`,
      [ids],
    );
    const resources = await q.query<Row>(
      `SELECT record_id, resource_instance_id,
              (extract(epoch FROM lower(during)) * 1000)::float8 AS s,
              (extract(epoch FROM upper(during)) * 1000)::float8 AS e
         FROM resource_occupancy WHERE record_id = ANY($1) AND released_at IS NULL ORDER BY id`,
      [ids],
    );
    return rows.map((row) => {
      const own = steps.filter((s) => s.record_id === row.id);
      const appointment = toAppointment(
        row,
        own,
        resources.filter((r) => r.record_id === row.id),
      );
      return {
        ...appointment,
        timeZone: row.location_timezone as string,
        staff: {
          id: row.staff_id as number,
          name: row.staff_name as string,
          specialization: row.staff_specialization as string,
          avatar: row.staff_avatar as string,
          apiId: row.staff_api_id as string | null,
          rating: row.staff_rating as number,
          votesCount: row.staff_votes_count as number,
          position:
            row.position_id === null
              ? null
              : { id: row.position_id as number, title: row.position_title as string },
        },
        client:
          row.client_id === null
            ? null
            : {
                id: row.client_id as number,
                name: row.client_name as string,
                surname: row.client_surname as string,
                phone: row.client_phone as string,
                email: row.client_email as string,
                patronymic: row.client_patronymic as string,
                card: row.client_card as string,
                discount: Number(row.client_discount),
                arrivedCount: (row.client_arrived as number | null) ?? 0,
                noShowCount: (row.client_no_show as number | null) ?? 0,
              },
        serviceTitles: Object.fromEntries(
          own.map((s) => [s.service_id as number, s.title as string]),
        ),
      };
    });
  }

  return {
    async searchAppointments(locationId, filter, page) {
      const where = whereOf(locationId, filter);
      const [count] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM records r WHERE ${where.sql}`,
        where.params,
      );
      const n = where.params.length;
      const order = filter.newestFirst ? 'r.starts_at DESC, r.id DESC' : 'r.starts_at, r.id';
      const rows = await q.query<Row>(
        `${VIEW_SELECT} WHERE ${where.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...where.params, page.count, offsetOf(page)],
      );
      return { items: await toViews(rows), total: count?.n ?? 0 };
    },

    async findAppointmentView(locationId, id, options = {}) {
      const rows = await q.query<Row>(
        `${VIEW_SELECT} WHERE r.id = $1 AND r.location_id = $2 ${options.withDeleted ? '' : 'AND r.deleted_at IS NULL'}`,
        [id, locationId],
      );
      return (await toViews(rows))[0] ?? null;
    },

    async findVisitAppointments(visitId) {
      const rows = await q.query<Row>(
        `${VIEW_SELECT} WHERE r.visit_id = $1 AND r.deleted_at IS NULL ORDER BY r.starts_at, r.id`,
        [visitId],
      );
      return toViews(rows);
    },

    async findAppointmentViewsByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await q.query<Row>(`${VIEW_SELECT} WHERE r.id = ANY($1)`, [ids]);
      const views = await toViews(rows);
      const byId = new Map(views.map((v) => [v.id, v]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
