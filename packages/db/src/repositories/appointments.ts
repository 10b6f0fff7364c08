import {
  DomainError,
  type Appointment,
  type AppointmentDraft,
  type AppointmentsRepo,
} from '@visita/core';
import type { Queryable } from '../db';
import { refuseOverlaps, tstzRange } from './time-holds';

type Row = Record<string, unknown>;

export function toAppointment(row: Row, steps: Row[], resources: Row[]): Appointment {
  return {
    id: row.id as number,
    locationId: row.location_id as number,
    staffId: row.staff_id as number,
    clientId: row.client_id as number | null,
    visitId: row.visit_id as number | null,
    activityId: row.activity_id as number | null,
    start: (row.starts_at as Date).getTime(),
    end: (row.ends_at as Date).getTime(),
    steps: steps.map((s) => ({
      serviceId: s.service_id as number,
      start: (s.starts_at as Date).getTime(),
      end: (s.ends_at as Date).getTime(),
      firstCost: s.first_cost as number,
      discount: s.discount as number,
      cost: s.cost as number,
      amount: s.amount as number,
    })),
    resourceInstances: resources.map((r) => ({
      instanceId: r.resource_instance_id as number,
      interval: { start: r.s as number, end: r.e as number },
    })),
    source: row.source as Appointment['source'],
    attendance: row.attendance as Appointment['attendance'],
    confirmed: row.confirmed as boolean,
    clientsCount: row.clients_count as number,
    comment: row.comment as string,
    apiId: row.api_id as string | null,
    hashDigest: row.hash_digest as string,
    notifyBySms: row.notify_by_sms as number,
    notifyByEmail: row.notify_by_email as number,
    masterRequested: row.master_requested as boolean,
    customColor: row.custom_color as string,
    createdUserId: row.created_user_id as number | null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    deletedAt: row.deleted_at as Date | null,
  };
}

const guardOverlap = <T>(work: () => Promise<T>) =>
  refuseOverlaps(work, {
    message: 'The team member or a resource is already booked at this time',
    field: 'datetime',
  });

export function appointmentsRepo(q: Queryable): AppointmentsRepo {
  /**
   * The services of the appointment and its holds on the team member's and resources' time, in
   * one statement (one round trip inside the booking transaction).
   */
  async function writeParts(id: number, draft: AppointmentDraft): Promise<void> {
    await q.query(
      `WITH steps AS (
         INSERT INTO record_services(record_id, position, service_id, starts_at, ends_at, first_cost, discount, cost, amount)
         SELECT $1, s.ordinality - 1, (s.value->>'serviceId')::int,
                to_timestamp((s.value->>'start')::float8 / 1000), to_timestamp((s.value->>'end')::float8 / 1000),
                (s.value->>'firstCost')::numeric, (s.value->>'discount')::numeric, (s.value->>'cost')::numeric,
                (s.value->>'amount')::int
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY s
         RETURNING 1
       ), staff_hold AS (
         INSERT INTO staff_occupancy(staff_id, record_id, during)
         SELECT $3, $1, $4::tstzrange WHERE $5::boolean
         RETURNING 1
       ), resource_holds AS (
         INSERT INTO resource_occupancy(resource_instance_id, record_id, during)
         SELECT (r->>'instanceId')::int, $1, (r->>'during')::tstzrange
           FROM jsonb_array_elements($6::jsonb) r
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM steps) + (SELECT count(*) FROM staff_hold) + (SELECT count(*) FROM resource_holds) AS n`,
      [
        id,
        JSON.stringify(draft.steps),
        draft.staffId,
        tstzRange(draft.start, draft.end),
        draft.activityId === null,
        JSON.stringify(
          draft.resourceInstances.map((r) => ({
            instanceId: r.instanceId,
            during: tstzRange(r.interval.start, r.interval.end),
          })),
        ),
      ],
    );
  }

  async function releaseParts(id: number): Promise<void> {
    await q.query(
      'UPDATE staff_occupancy SET released_at = now() WHERE record_id = $1 AND released_at IS NULL',
      [id],
    );
    await q.query(
      'UPDATE resource_occupancy SET released_at = now() WHERE record_id = $1 AND released_at IS NULL',
      [id],
    );
  }

  const repo: AppointmentsRepo = {
    insertAppointment: (draft) =>
      guardOverlap(async () => {
        const [row] = await q.query<{ id: number; created_at: Date; updated_at: Date }>(
          `INSERT INTO records(location_id, staff_id, client_id, visit_id, activity_id, starts_at, ends_at, source,
             attendance, confirmed, clients_count, comment, api_id, hash_digest, notify_by_sms, notify_by_email,
             master_requested, custom_color, created_user_id)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
           RETURNING id, created_at, updated_at`,
          [
            draft.locationId,
            draft.staffId,
            draft.clientId,
            draft.visitId,
            draft.activityId,
            new Date(draft.start),
            new Date(draft.end),
            draft.source,
            draft.attendance,
            draft.confirmed,
            draft.clientsCount,
            draft.comment,
            draft.apiId,
            draft.hashDigest,
            draft.notifyBySms,
            draft.notifyByEmail,
            draft.masterRequested,
            draft.customColor,
            draft.createdUserId,
          ],
        );
        await writeParts(row!.id, draft);
        // Everything else is what was just written; no need to read it back.
        return {
          ...draft,
          id: row!.id,
          createdAt: row!.created_at,
          updatedAt: row!.updated_at,
          deletedAt: null,
        };
      }),

    async findAppointment(locationId, id, options = {}) {
      const [row] = await q.query<Row>(
        `SELECT * FROM records WHERE id = $1 AND location_id = $2 ${options.withDeleted ? '' : 'AND deleted_at IS NULL'}`,
        [id, locationId],
      );
      if (!row) return null;
      const steps = await q.query<Row>(
        'SELECT * FROM record_services WHERE record_id = $1 ORDER BY position',
        [id],
      );
      const resources = await q.query<Row>(
        `SELECT resource_instance_id, (extract(epoch FROM lower(during)) * 1000)::float8 AS s,
                (extract(epoch FROM upper(during)) * 1000)::float8 AS e
           FROM resource_occupancy WHERE record_id = $1 AND released_at IS NULL ORDER BY id`,
        [id],
      );
      return toAppointment(row, steps, resources);
    },

    replaceAppointment: (id, draft) =>
      guardOverlap(async () => {
        await releaseParts(id);
        await q.query('DELETE FROM record_services WHERE record_id = $1', [id]);
        await q.query(
          `UPDATE records SET staff_id = $2, client_id = $3, starts_at = $4, ends_at = $5, attendance = $6, confirmed = $7,
             comment = $8, api_id = $9, notify_by_sms = $10, notify_by_email = $11, custom_color = $12,
             clients_count = $13, updated_at = now()
           WHERE id = $1`,
          [
            id,
            draft.staffId,
            draft.clientId,
            new Date(draft.start),
            new Date(draft.end),
            draft.attendance,
            draft.confirmed,
            draft.comment,
            draft.apiId,
            draft.notifyBySms,
            draft.notifyByEmail,
            draft.customColor,
            draft.clientsCount,
          ],
        );
        await writeParts(id, draft);
        return (await repo.findAppointment(draft.locationId, id))!;
      }),

    async setAttendance(id, attendance, confirmed) {
      await q.query(
        'UPDATE records SET attendance = $2, confirmed = $3, updated_at = now() WHERE id = $1',
        [id, attendance, confirmed],
      );
    },

    async deleteAppointment(id) {
      // A visit paid with loyalty instruments keeps its draw until the payment is refunded:
      // the record is locked first (a payment locks it too), then the settlement is looked for.
      await q.query('SELECT id FROM records WHERE id = $1 FOR UPDATE', [id]);
      const paid = await q.query('SELECT 1 FROM visit_loyalty_payments WHERE record_id = $1', [id]);
      if (paid.length > 0)
        throw new DomainError(
          'conflict',
          'This appointment was paid with loyalty instruments; refund the payment first (DELETE …/loyalty_payment)',
          'record_id',
          { reason: 'loyalty_payment' },
        );
      const rows = await q.query(
        'UPDATE records SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
        [id],
      );
      if (rows.length === 0) return false;
      await releaseParts(id);
      return true;
    },
  };
  return repo;
}
