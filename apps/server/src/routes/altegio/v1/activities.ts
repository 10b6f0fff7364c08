import {
  ActivityBody,
  ActivityBookBody,
  ActivityBookEnvelope,
  ActivityDuplicateBody,
  ActivityEnvelope,
  ActivityListEnvelope,
  ActivityParams,
  ActivitySearchQuery,
  errorResponses,
  MessageAck,
} from '@visita/contracts';
import {
  bookActivity,
  createActivity,
  deleteActivity,
  duplicateActivity,
  getActivity,
  searchActivities,
  updateActivity,
  type ActivityRequest,
  type ChangeOrigin,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { ServerDeps } from '../../../deps';
import { changeSourceOf, needsPartner, needsRight, requireUser } from '../../../plugins/auth';
import { presentActivity } from '../../../presenters/activity';
import { CompanyParams, ok, partnerSecurity, typed, userSecurity } from '../../typed';

const tags = ['Group events'];

function toActivityRequest(body: Static<typeof ActivityBody>): ActivityRequest {
  return {
    date: body.date,
    serviceId: body.service_id,
    staffId: body.staff_id,
    capacity: body.capacity,
    ...(body.length != null ? { length: body.length } : {}),
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
  };
}

const originOf = (request: FastifyRequest): ChangeOrigin => ({
  source: changeSourceOf(request),
  userId: requireUser(request).id,
});

export function activityRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'records:read');
  const canWrite = needsRight(deps.db, 'records:write');
  const reads = { ...deps, uow: deps.read };

  // The router prefers the static `search` segment, so it is never read as an event id.
  t.get(
    '/activity/:company_id/search',
    {
      schema: {
        tags,
        summary: 'Search group events by local dates, services and team members',
        security: partnerSecurity,
        params: CompanyParams,
        querystring: ActivitySearchQuery,
        response: { 200: ActivityListEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const q = request.query;
      const page = { page: q.page ?? 1, count: q.count ?? 25 };
      const result = await searchActivities(
        reads,
        request.params.company_id,
        {
          ...(q.from !== undefined ? { from: q.from } : {}),
          ...(q.till !== undefined ? { till: q.till } : {}),
          serviceIds: [...(q.service_ids ?? []), ...(q['service_ids[]'] ?? [])],
          staffIds: [...(q.staff_ids ?? []), ...(q['staff_ids[]'] ?? [])],
        },
        page,
      );
      return ok(result.items.map(presentActivity), { count: result.total });
    },
  );

  t.post(
    '/activity/:company_id',
    {
      schema: {
        tags,
        summary: 'Create a group event',
        security: userSecurity,
        params: CompanyParams,
        body: ActivityBody,
        response: { 200: ActivityEnvelope, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request) =>
      ok(
        presentActivity(
          await createActivity(
            deps,
            request.params.company_id,
            toActivityRequest(request.body),
            originOf(request),
          ),
        ),
      ),
  );

  t.get(
    '/activity/:company_id/:activity_id',
    {
      schema: {
        tags,
        summary: 'Get a group event',
        security: userSecurity,
        params: ActivityParams,
        response: { 200: ActivityEnvelope, ...errorResponses },
      },
      preHandler: canRead,
    },
    async (request) => {
      const { company_id, activity_id } = request.params;
      return ok(presentActivity(await getActivity(reads, company_id, activity_id)));
    },
  );

  t.put(
    '/activity/:company_id/:activity_id',
    {
      schema: {
        tags,
        summary: 'Replace a group event (its appointments follow a move)',
        security: userSecurity,
        params: ActivityParams,
        body: ActivityBody,
        response: { 200: ActivityEnvelope, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request) => {
      const { company_id, activity_id } = request.params;
      const updated = await updateActivity(
        deps,
        company_id,
        activity_id,
        toActivityRequest(request.body),
        originOf(request),
      );
      return ok(presentActivity(updated));
    },
  );

  t.delete(
    '/activity/:company_id/:activity_id',
    {
      schema: {
        tags,
        summary: 'Delete a group event and its appointments',
        security: userSecurity,
        params: ActivityParams,
        response: { 202: MessageAck, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request, reply) => {
      const { company_id, activity_id } = request.params;
      await deleteActivity(deps, company_id, activity_id, originOf(request));
      return reply.status(202).send({ success: true, meta: { message: 'Accepted' } });
    },
  );

  t.post(
    '/activity/:company_id/:activity_id/duplicate',
    {
      schema: {
        tags,
        summary: 'Copy a group event to other start times (all or nothing)',
        security: userSecurity,
        params: ActivityParams,
        body: ActivityDuplicateBody,
        response: { 200: ActivityListEnvelope, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request) => {
      const { company_id, activity_id } = request.params;
      const copies = await duplicateActivity(
        deps,
        company_id,
        activity_id,
        request.body.dates,
        originOf(request),
      );
      return ok(copies.map(presentActivity), { count: copies.length });
    },
  );

  t.post(
    '/activity/:company_id/:activity_id/book',
    {
      schema: {
        tags: ['Online booking'],
        summary: 'Book places in a group event',
        security: partnerSecurity,
        params: ActivityParams,
        body: ActivityBookBody,
        response: { 200: ActivityBookEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { company_id, activity_id } = request.params;
      const b = request.body;
      const booked = await bookActivity(deps, company_id, activity_id, {
        fullname: b.fullname,
        phone: b.phone,
        ...(b.email !== undefined ? { email: b.email } : {}),
        ...(b.code !== undefined ? { code: b.code } : {}),
        ...(b.comment !== undefined ? { comment: b.comment } : {}),
        ...(b.clients_count !== undefined ? { clientsCount: b.clients_count } : {}),
        ...(b.api_id !== undefined ? { apiId: b.api_id } : {}),
        ...(b.notify_by_sms !== undefined ? { notifyBySms: b.notify_by_sms } : {}),
        ...(b.notify_by_email !== undefined ? { notifyByEmail: b.notify_by_email } : {}),
      });
      return ok(booked);
    },
  );
}
