import {
  errorResponses,
  PositionEnvelope,
  PositionListEnvelope,
  PositionQuickBody,
} from '@visita/contracts';
import { createPosition, getLocation, listPositions } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentPosition } from '../../../presenters/team-member';
import { CompanyParams, listMeta, ok, typed, userSecurity } from '../../typed';

const tags = ['Positions'];

export function positionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);

  const chainOf = async (locationId: number) =>
    (await getLocation({ uow: deps.read }, locationId)).chainId;

  // The Altegio docs also list positions under `/positions/{location_id}` and the canonical
  // `/locations/{location_id}/positions`.
  for (const url of [
    '/company/:company_id/staff/positions',
    '/positions/:company_id',
    '/locations/:company_id/positions',
  ])
    t.get(
      url,
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
        const { company_id } = request.params;
        const [positions, chainId] = await Promise.all([
          listPositions(deps, company_id),
          chainOf(company_id),
        ]);
        return ok(
          positions.map((p) => presentPosition(p, chainId)),
          listMeta(positions.length),
        );
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
      const { company_id } = request.params;
      const position = await createPosition(deps, company_id, request.body.title);
      return reply.status(201).send(ok(presentPosition(position, await chainOf(company_id)), {}));
    },
  );
}
