import {
  BookCheckBody,
  BookRecordBody,
  BookRecordEnvelope,
  BookRecordHashParams,
  BookRecordParams,
  errorResponses,
  MessageAck,
  OnlineRecordEnvelope,
  RescheduleBody,
} from '@visita/contracts';
import {
  type Appointment,
  bookAppointments,
  checkAppointments,
  getOnlineRecordView,
  holdsRightAtLocation,
  rescheduleOnlineAppointment,
  viewOnlineAppointment,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner } from '../../../plugins/auth';
import { presentOnlineRecord } from '../../../presenters/online-booking';
import { CompanyParams, ok, partnerSecurity, typed } from '../../typed';

const tags = ['Online booking'];

const toRequested = (
  appointments: { id: number; services: number[]; staff_id: number; datetime: string }[],
) =>
  appointments.map((a) => ({
    id: a.id,
    serviceIds: a.services,
    staffId: a.staff_id,
    datetime: a.datetime,
  }));

/** A back-office user with records:write at the location may move any appointment. */
const isBackOffice = (deps: ServerDeps, request: FastifyRequest, locationId: number) =>
  holdsRightAtLocation(
    { uow: deps.read },
    { userId: request.caller.user?.id ?? null, locationId, right: 'records:write' },
  );

export function onlineBookingWriteRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const presentRecord = async (locationId: number, appointment: Appointment) =>
    presentOnlineRecord(
      await getOnlineRecordView({ uow: deps.read }, { locationId, appointment }),
      appointment,
    );

  t.post(
    '/book_check/:company_id',
    {
      schema: {
        tags,
        summary: 'Check that appointments can be booked',
        security: partnerSecurity,
        params: CompanyParams,
        body: BookCheckBody,
        response: { 201: MessageAck, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request, reply) => {
      await checkAppointments(deps, {
        locationId: request.params.company_id,
        phone: '',
        fullname: '',
        appointments: toRequested(request.body.appointments),
        source: 'online',
      });
      return reply.status(201).send({ success: true, meta: { message: 'Created' } });
    },
  );

  t.post(
    '/book_record/:company_id',
    {
      schema: {
        tags,
        summary: 'Book appointments online',
        description:
          'Send an `Idempotency-Key` header to make retries safe: the same key returns the same result, never a second appointment.',
        security: partnerSecurity,
        params: CompanyParams,
        body: BookRecordBody,
        response: { 201: BookRecordEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const body = request.body;
      const booked = await bookAppointments(deps, {
        locationId: request.params.company_id,
        phone: body.phone,
        fullname: body.fullname,
        ...(body.email !== undefined ? { email: body.email } : {}),
        ...(body.code !== undefined ? { code: body.code } : {}),
        ...(body.comment !== undefined ? { comment: body.comment } : {}),
        appointments: toRequested(body.appointments),
        ...(body.notify_by_sms !== undefined ? { notifyBySms: body.notify_by_sms } : {}),
        ...(body.notify_by_email !== undefined ? { notifyByEmail: body.notify_by_email } : {}),
        apiId: body.api_id === undefined ? null : String(body.api_id),
        source: 'online',
        ...(typeof key === 'string' && key ? { idempotencyKey: key.slice(0, 200) } : {}),
      });
      return reply.status(201).send(ok(booked));
    },
  );

  t.put(
    '/book_record/:company_id/:record_id',
    {
      schema: {
        tags,
        summary: 'Reschedule an online appointment',
        security: partnerSecurity,
        params: BookRecordParams,
        body: RescheduleBody,
        response: { 200: OnlineRecordEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { company_id, record_id } = request.params;
      const moved = await rescheduleOnlineAppointment(deps, {
        locationId: company_id,
        recordId: record_id,
        ...(request.body.record_hash ? { recordHash: request.body.record_hash } : {}),
        byBackOffice: await isBackOffice(deps, request, company_id),
        datetime: request.body.datetime,
        ...(request.body.comment !== undefined ? { comment: request.body.comment } : {}),
      });
      return ok(await presentRecord(company_id, moved));
    },
  );

  t.get(
    '/book_record/:company_id/:record_id/:record_hash',
    {
      schema: {
        tags,
        summary: 'View an online appointment by its hash',
        security: partnerSecurity,
        params: BookRecordHashParams,
        response: { 200: OnlineRecordEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { company_id, record_id, record_hash } = request.params;
      const appointment = await viewOnlineAppointment(deps, {
        locationId: company_id,
        recordId: record_id,
        recordHash: record_hash,
      });
      return ok(await presentRecord(company_id, appointment));
    },
  );
}
