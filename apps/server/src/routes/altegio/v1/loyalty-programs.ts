import {
  ChainParams,
  errorResponses,
  NoContent,
  ProgramBody,
  ProgramParams,
  ProgramQuery,
  ProgramWire,
} from '@visita/contracts';
import {
  createLoyaltyProgram,
  deleteLoyaltyProgram,
  getLoyaltyProgram,
  listLoyaltyPrograms,
  updateLoyaltyProgram,
  type LoyaltyProgram,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { ServerDeps } from '../../../deps';
import { needsChainRight } from '../../../plugins/chain-access';
import { parseIncludes, presentProgram } from '../../../presenters/loyalty-program';
import { typed, userSecurity } from '../../typed';
import { programInput } from './loyalty-bodies';

const tags = ['Loyalty: programs'];

/** Chain promotions (loyalty programs), answered as bare objects like the seed shows. */
export function loyaltyProgramRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);

  const present = async (
    chainId: number,
    programs: LoyaltyProgram[],
    include: string | undefined,
  ) => {
    const wanted = parseIncludes(include);
    const related = await deps.read(async (r) => ({
      locations: wanted.has('companies') ? await r.chainScope.findChainLocations(chainId) : [],
      cardTypes: wanted.has('loyalty_card_types')
        ? await r.loyaltyTypes.listCardTypes(chainId)
        : [],
    }));
    return Promise.all(
      programs.map(async (p) =>
        presentProgram(p, wanted, {
          ...related,
          items:
            wanted.has('applicable_items') &&
            p.allowedServiceIds.length + p.allowedServiceCategoryIds.length
              ? await deps.read((r) =>
                  r.chainScope.describeItems(
                    chainId,
                    p.allowedServiceIds,
                    p.allowedServiceCategoryIds,
                  ),
                )
              : [],
        }),
      ),
    );
  };

  t.post(
    '/chain/:group_id/loyalty/programs',
    {
      schema: {
        tags,
        summary: 'Create a chain promotion',
        description:
          'Static and accumulative discounts and cashback, rules with thresholds, services/goods applicability, expiration and notification templates, as the seed defines. `include` adds relations to the answer.',
        security: userSecurity,
        params: ChainParams,
        querystring: ProgramQuery,
        body: ProgramBody,
        response: { 200: ProgramWire, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'catalog:write'),
    },
    async (request) => {
      const chainId = request.params.group_id;
      const program = await createLoyaltyProgram(deps, chainId, programInput(request.body));
      return (await present(chainId, [program], request.query.include))[0]!;
    },
  );

  t.get(
    '/chain/:group_id/loyalty/programs',
    {
      schema: {
        tags,
        summary: "The chain's promotions",
        security: userSecurity,
        params: ChainParams,
        querystring: ProgramQuery,
        response: { 200: Type.Array(ProgramWire), ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'catalog:read'),
    },
    async (request) => {
      const chainId = request.params.group_id;
      return present(chainId, await listLoyaltyPrograms(deps, chainId), request.query.include);
    },
  );

  t.get(
    '/chain/:group_id/loyalty/programs/:program_id',
    {
      schema: {
        tags,
        summary: 'A chain promotion',
        security: userSecurity,
        params: ProgramParams,
        querystring: ProgramQuery,
        response: { 200: ProgramWire, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'catalog:read'),
    },
    async (request) => {
      const { group_id, program_id } = request.params;
      const program = await getLoyaltyProgram(deps, group_id, program_id);
      return (await present(group_id, [program], request.query.include))[0]!;
    },
  );

  t.put(
    '/chain/:group_id/loyalty/programs/:program_id',
    {
      schema: {
        tags,
        summary: 'Edit a chain promotion',
        description:
          'The same body as creating it; rules are replaced. Always allowed: visits already paid keep what they got, the next settlement uses the new settings.',
        security: userSecurity,
        params: ProgramParams,
        querystring: ProgramQuery,
        body: ProgramBody,
        response: { 200: ProgramWire, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'catalog:write'),
    },
    async (request) => {
      const { group_id, program_id } = request.params;
      const program = await updateLoyaltyProgram(
        deps,
        group_id,
        program_id,
        programInput(request.body),
      );
      return (await present(group_id, [program], request.query.include))[0]!;
    },
  );

  t.delete(
    '/chain/:group_id/loyalty/programs/:program_id',
    {
      schema: {
        tags,
        summary: 'Delete a chain promotion',
        description: 'Always allowed (204); it no longer applies to visits paid from now on.',
        security: userSecurity,
        params: ProgramParams,
        response: { 204: NoContent, ...errorResponses },
      },
      preHandler: needsChainRight(deps, 'catalog:write'),
    },
    async (request, reply) => {
      const { group_id, program_id } = request.params;
      await deleteLoyaltyProgram(deps, group_id, program_id);
      return reply.status(204).send(null);
    },
  );
}
