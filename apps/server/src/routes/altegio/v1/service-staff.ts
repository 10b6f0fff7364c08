import {
  errorResponses,
  NoContent,
  ServiceParams,
  ServiceStaffLinkCreateBody,
  ServiceStaffLinkEnvelope,
  ServiceStaffLinkUpdateBody,
  ServiceStaffParams,
} from '@visita/contracts';
import { linkStaffToService, unlinkStaffFromService, updateServiceStaffLink } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentServiceStaffLink } from '../../../presenters/service';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Services'];

/** Which team members provide a service, each with their own duration (and price). */
export function serviceStaffRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canWrite = needsRight(deps.db, 'catalog:write');

  for (const base of [
    '/company/:company_id/services/:service_id/staff',
    '/locations/:company_id/services/:service_id/team_members',
  ]) {
    t.post(
      base,
      {
        schema: {
          tags,
          summary: 'Let a team member provide the service',
          security: userSecurity,
          params: ServiceParams,
          body: ServiceStaffLinkCreateBody,
          response: { 201: ServiceStaffLinkEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const { company_id, service_id } = request.params;
        const { staff_id, seance_length, price } = request.body;
        const link = await linkStaffToService(deps, company_id, service_id, {
          staffId: staff_id,
          durationSeconds: seance_length,
          ...(price !== undefined ? { price } : {}),
        });
        return reply.status(201).send(ok(presentServiceStaffLink(link), {}));
      },
    );
    t.put(
      `${base}/:staff_id`,
      {
        schema: {
          tags,
          summary: "Change a team member's duration or price for the service",
          security: userSecurity,
          params: ServiceStaffParams,
          body: ServiceStaffLinkUpdateBody,
          response: { 200: ServiceStaffLinkEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request) => {
        const { company_id, service_id, staff_id } = request.params;
        const { seance_length, price } = request.body;
        const link = await updateServiceStaffLink(deps, company_id, service_id, staff_id, {
          durationSeconds: seance_length,
          ...(price !== undefined ? { price } : {}),
        });
        return ok(presentServiceStaffLink(link), {});
      },
    );
    t.delete(
      `${base}/:staff_id`,
      {
        schema: {
          tags,
          summary: 'Stop a team member providing the service',
          security: userSecurity,
          params: ServiceStaffParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const { company_id, service_id, staff_id } = request.params;
        await unlinkStaffFromService(deps, company_id, service_id, staff_id);
        return reply.status(204).send(null);
      },
    );
  }
}
