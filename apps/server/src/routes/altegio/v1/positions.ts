import {
  errorResponses,
  PositionEnvelope,
  PositionListEnvelope,
  PositionQuickBody,
} from '@visita/contracts';
import { createPosition, listPositions } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentPosition } from '../../../presenters/team-member';
import { CompanyParams, listMeta, ok, typed, userSecurity } from '../../typed';

const tags = ['Positions'];

export function positionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);

  t.get(
    '/company/:company_id/staff/positions',
    {
      schema: {
        tags,
        summary: "The location's positions",
        security: userSecurity,
        params: CompanyParams,
        response: { 200: PositionListEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'catalog:read'),
    },
    async (request) => {
      const positions = await listPositions(deps, request.params.company_id);
      return ok(positions.map(presentPosition), listMeta(positions.length));
    },
  );

  t.post(
    '/company/:company_id/positions/quick',
    {
      schema: {
        tags,
        summary: 'Quick-create a position',
        security: userSecurity,
        params: CompanyParams,
        body: PositionQuickBody,
        response: { 201: PositionEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'catalog:write'),
    },
    async (request, reply) => {
      const position = await createPosition(deps, request.params.company_id, request.body.title);
      return reply.status(201).send(ok(presentPosition(position)));
    },
  );
}
