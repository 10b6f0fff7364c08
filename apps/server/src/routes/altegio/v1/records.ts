import {
  AttendanceBody,
  AttendanceEnvelope,
  CreatedRecordEnvelope,
  errorResponses,
  NoContent,
  RecordBody,
  RecordEnvelope,
  RecordListEnvelope,
  RecordParams,
  RecordsQuery,
  VisitEnvelope,
  VisitParams,
} from '@visita/contracts';
import {
  type AppointmentRequest,
  type Attendance,
  changeAttendance,
  type ChangeOrigin,
  createAppointment,
  deleteAppointment,
  findVisitLocation,
  getAppointment,
  getVisitAppointments,
  isoWithOffset,
  listAppointments,
  requireRightAtLocation,
  updateAppointment,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { ServerDeps } from '../../../deps';
import { changeSourceOf, needsRight, needsUser, requireUser } from '../../../plugins/auth';
import { presentRecord } from '../../../presenters/record';
import { CompanyParams, listMeta, ok, typed, userSecurity } from '../../typed';

const tags = ['Appointments'];

/** Wire body → domain request; PUT is a full replacement, so absent fields stay absent. */
function toAppointmentRequest(body: Static<typeof RecordBody>): AppointmentRequest {
  const request: AppointmentRequest = {
    services: (body.services ?? []).map((s) => ({
      id: s.id,
      ...(s.first_cost !== undefined ? { firstCost: s.first_cost } : {}),
      ...(s.discount !== undefined ? { discount: s.discount } : {}),
      ...(s.cost !== undefined ? { cost: s.cost } : {}),
    })),
  };
  if (body.staff_id !== undefined) request.staffId = body.staff_id;
  if (body.client) {
    const { phone, name, surname, email } = body.client;
    request.client = { phone, name: name ?? '', surname: surname ?? '', email: email ?? '' };
  }
  if (body.datetime !== undefined) request.datetime = body.datetime;
  if (body.seance_length != null) request.seanceLength = body.seance_length;
  if (body.comment !== undefined) request.comment = body.comment;
  if (body.attendance !== undefined) request.attendance = body.attendance as Attendance;
  if (body.api_id !== undefined) request.apiId = body.api_id;
  if (body.custom_color !== undefined) request.customColor = body.custom_color;
  if (body.sms_remain_hours !== undefined) request.smsRemainHours = body.sms_remain_hours;
  if (body.email_remain_hours !== undefined) request.emailRemainHours = body.email_remain_hours;
  if (body.activity_id) request.activityId = body.activity_id;
  if (body.clients_count !== undefined) request.clientsCount = body.clients_count;
  return request;
}

/** Changes through this API are the integration's ('api') or, from a back-office session, the back office's. */
const originOf = (request: FastifyRequest): ChangeOrigin => ({
  source: changeSourceOf(request),
  userId: requireUser(request).id,
});

const flag = (value: boolean | number | undefined) => value === true || value === 1;

export function recordRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'records:read');
  const canWrite = needsRight(deps.db, 'records:write');
  const reads = { ...deps, uow: deps.read };

  for (const base of ['/records/:company_id', '/locations/:company_id/appointments']) {
    t.get(
      base,
      {
        schema: {
          tags,
          summary: 'List appointments',
          security: userSecurity,
          params: CompanyParams,
          querystring: RecordsQuery,
          response: { 200: RecordListEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const q = request.query;
        const page = { page: q.page ?? 1, count: q.count ?? 50 };
        const result = await listAppointments(
          reads,
          request.params.company_id,
          {
            ...(q.staff_id ? { staffId: q.staff_id } : {}),
            ...(q.client_id ? { clientId: q.client_id } : {}),
            ...(q.created_user_id ? { createdUserId: q.created_user_id } : {}),
            ...(q.start_date ? { startDate: q.start_date } : {}),
            ...(q.end_date ? { endDate: q.end_date } : {}),
            ...(q.c_start_date ? { cStartDate: q.c_start_date } : {}),
            ...(q.c_end_date ? { cEndDate: q.c_end_date } : {}),
            ...(q.changed_after ? { changedAfter: q.changed_after } : {}),
            ...(q.changed_before ? { changedBefore: q.changed_before } : {}),
            withDeleted: flag(q.with_deleted),
          },
          page,
        );
        return ok(result.items.map(presentRecord), listMeta(result.total, page.page));
      },
    );

    t.post(
      base,
      {
        schema: {
          tags,
          summary: 'Create an appointment (or join a group event with activity_id)',
          security: userSecurity,
          params: CompanyParams,
          body: RecordBody,
          response: { 201: CreatedRecordEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const created = await createAppointment(
          deps,
          request.params.company_id,
          toAppointmentRequest(request.body),
          originOf(request),
        );
        return reply.status(201).send(ok([presentRecord(created)]));
      },
    );
  }

  for (const url of [
    '/record/:company_id/:record_id',
    '/locations/:company_id/appointments/:record_id',
  ]) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'Get an appointment',
          security: userSecurity,
          params: RecordParams,
          response: { 200: RecordEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { company_id, record_id } = request.params;
        return ok(presentRecord(await getAppointment(reads, company_id, record_id)));
      },
    );
    t.put(
      url,
      {
        schema: {
          tags,
          summary: 'Replace an appointment (full replacement)',
          security: userSecurity,
          params: RecordParams,
          body: RecordBody,
          response: { 201: RecordEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const { company_id, record_id } = request.params;
        const updated = await updateAppointment(
          deps,
          company_id,
          record_id,
          toAppointmentRequest(request.body),
          originOf(request),
        );
        return reply.status(201).send(ok(presentRecord(updated)));
      },
    );
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete an appointment (releases its time)',
          security: userSecurity,
          params: RecordParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const { company_id, record_id } = request.params;
        await deleteAppointment(deps, company_id, record_id, originOf(request));
        return reply.status(204).send(null);
      },
    );
  }

  for (const url of [
    '/company/:company_id/records/:record_id/attendance',
    '/locations/:company_id/appointments/:record_id/attendance',
  ]) {
    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Change the attendance status of an appointment',
          security: userSecurity,
          params: RecordParams,
          body: AttendanceBody,
          response: { 200: AttendanceEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request) => {
        const { company_id, record_id } = request.params;
        const attendance = await changeAttendance(
          deps,
          company_id,
          record_id,
          request.body.attendance as Attendance,
          originOf(request),
        );
        return ok({ attendance, records: [] });
      },
    );
  }

  t.get(
    '/visits/:visit_id',
    {
      schema: {
        tags,
        summary: 'Get a visit with its appointments',
        security: userSecurity,
        params: VisitParams,
        response: { 200: VisitEnvelope, ...errorResponses },
      },
      preHandler: needsUser,
    },
    async (request) => {
      // The visit names its location, so the right is checked against it (404 for strangers).
      const user = requireUser(request);
      const visitId = request.params.visit_id;
      const locationId = await findVisitLocation(reads, visitId);
      await requireRightAtLocation(reads, {
        userId: user.id,
        locationId,
        right: 'records:read',
        hiddenAs: 'Visit',
      });
      const records = await getVisitAppointments(reads, visitId);
      const first = records[0];
      return ok({
        id: visitId,
        attendance: first?.attendance ?? 0,
        datetime: first ? isoWithOffset(first.start, first.timeZone) : '',
        comment: first?.comment ?? '',
        records: records.map(presentRecord),
      });
    },
  );
}
