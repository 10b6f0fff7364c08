import {
  errorResponses,
  NoContent,
  PublicStaffEnvelope,
  PublicStaffListEnvelope,
  QuickStaffEnvelope,
  StaffCreateBody,
  StaffEnvelope,
  StaffListEnvelope,
  StaffParams,
  StaffQuickBody,
  StaffUpdateBody,
  WrittenStaffEnvelope,
} from '@visita/contracts';
import {
  createTeamMember,
  deleteTeamMember,
  getPublicTeamMember,
  getTeamMember,
  listPublicTeamMembers,
  listTeamMembers,
  updateTeamMember,
  type TeamMemberPatch,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner, needsRight } from '../../../plugins/auth';
import {
  presentPublicTeamMember,
  presentQuickTeamMember,
  presentTeamMember,
  presentWrittenTeamMember,
} from '../../../presenters/team-member';
import { CompanyParams, listMeta, ok, partnerSecurity, typed, userSecurity } from '../../typed';

const tags = ['Team members'];

interface StaffWireFields {
  name?: string;
  specialization?: string;
  position_id?: number | null;
  weight?: number;
  information?: string;
  api_id?: string | null;
  hidden?: number;
  fired?: number;
  user_id?: number;
  bookable?: boolean;
}

/** Wire body → domain patch; only the keys present are touched, `0` ids mean "none". */
function toTeamMemberPatch(body: StaffWireFields): TeamMemberPatch {
  const patch: TeamMemberPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.specialization !== undefined) patch.specialization = body.specialization;
  if (body.position_id !== undefined) patch.positionId = body.position_id || null;
  if (body.weight !== undefined) patch.weight = body.weight;
  if (body.information !== undefined) patch.information = body.information;
  if (body.api_id !== undefined) patch.apiId = body.api_id;
  if (body.hidden !== undefined) patch.hidden = body.hidden === 1;
  if (body.fired !== undefined) patch.fired = body.fired === 1;
  if (body.user_id !== undefined) patch.userId = body.user_id || null;
  if (body.bookable !== undefined) patch.bookable = body.bookable;
  return patch;
}

export function staffRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'catalog:read');
  const canWrite = needsRight(deps.db, 'catalog:write');

  for (const base of ['/company/:company_id/staff', '/locations/:company_id/team_members']) {
    t.get(
      base,
      {
        schema: {
          tags,
          summary: 'List team members (fired and hidden included)',
          security: userSecurity,
          params: CompanyParams,
          response: { 200: StaffListEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const members = await listTeamMembers(deps, request.params.company_id);
        return ok(members.map(presentTeamMember), listMeta(members.length));
      },
    );
    t.get(
      `${base}/:staff_id`,
      {
        schema: {
          tags,
          summary: 'Get a team member',
          security: userSecurity,
          params: StaffParams,
          response: { 200: StaffEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const { company_id, staff_id } = request.params;
        return ok(presentTeamMember(await getTeamMember(deps, company_id, staff_id)));
      },
    );
    t.post(
      `${base}/quick`,
      {
        schema: {
          tags,
          summary: 'Quick-create a team member',
          security: userSecurity,
          params: CompanyParams,
          body: StaffQuickBody,
          response: { 201: QuickStaffEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        const { name, specialization, position_id } = request.body;
        const member = await createTeamMember(deps, request.params.company_id, {
          ...toTeamMemberPatch({ specialization, position_id }),
          name,
        });
        return reply.status(201).send(ok(presentQuickTeamMember(member), {}));
      },
    );
  }

  t.post(
    '/staff/:company_id',
    {
      schema: {
        tags,
        summary: 'Create a team member (deprecated form)',
        security: userSecurity,
        params: CompanyParams,
        body: StaffCreateBody,
        response: { 201: WrittenStaffEnvelope, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request, reply) => {
      const member = await createTeamMember(deps, request.params.company_id, {
        ...toTeamMemberPatch(request.body),
        name: request.body.name,
      });
      return reply.status(201).send(ok(presentWrittenTeamMember(member)));
    },
  );

  for (const url of [
    '/staff/:company_id/:staff_id',
    '/locations/:company_id/team_members/:staff_id',
  ]) {
    t.put(
      url,
      {
        schema: {
          tags,
          summary: 'Update a team member (partial)',
          security: userSecurity,
          params: StaffParams,
          body: StaffUpdateBody,
          response: { 200: WrittenStaffEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request) => {
        const { company_id, staff_id } = request.params;
        const member = await updateTeamMember(
          deps,
          company_id,
          staff_id,
          toTeamMemberPatch(request.body),
        );
        return ok(presentWrittenTeamMember(member));
      },
    );
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete a team member',
          security: userSecurity,
          params: StaffParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request, reply) => {
        await deleteTeamMember(deps, request.params.company_id, request.params.staff_id);
        return reply.status(204).send(null);
      },
    );
  }

  // The deprecated public reads: partner token only, so hidden and fired members stay out of sight.
  t.get(
    '/staff/:company_id',
    {
      schema: {
        tags,
        summary: 'List team members visible to clients (deprecated form)',
        security: partnerSecurity,
        params: CompanyParams,
        response: { 200: PublicStaffListEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const members = await listPublicTeamMembers(deps, request.params.company_id);
      return ok(members.map(presentPublicTeamMember));
    },
  );
  t.get(
    '/staff/:company_id/:staff_id',
    {
      schema: {
        tags,
        summary: 'Get a team member visible to clients (deprecated form)',
        security: partnerSecurity,
        params: StaffParams,
        response: { 200: PublicStaffEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { company_id, staff_id } = request.params;
      return ok(presentPublicTeamMember(await getPublicTeamMember(deps, company_id, staff_id)));
    },
  );
}
