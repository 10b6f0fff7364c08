import {
  CardTypeBody,
  CardTypeEnvelope,
  CardTypeListEnvelope,
  ChainParams,
  ChainTypeParams,
  DeletedEnvelope,
  errorResponses,
} from '@visita/contracts';
import { createCardType, deleteCardType, listCardTypes, updateCardType } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsChainRight } from '../../../plugins/chain-access';
import { presentCardType } from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Loyalty: types'];
const security = userSecurity;
/** Chain loyalty card types: Altegio lists them; Visita also creates, edits and deletes them. */
export function loyaltyCardTypeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const read = needsChainRight(deps, 'catalog:read');
  const write = needsChainRight(deps, 'catalog:write');

  t.get(
    '/chain/:group_id/loyalty/card_types',
    {
      schema: {
        tags,
        summary: 'List loyalty card types of the chain',
        security,
        params: ChainParams,
        response: { 200: CardTypeListEnvelope, ...errorResponses },
      },
      preHandler: read,
    },
    async (request) => {
      const types = await listCardTypes(deps, request.params.group_id);
      return ok(types.map(presentCardType), { count: types.length });
    },
  );
  t.post(
    '/chain/:group_id/loyalty/card_types',
    {
      schema: {
        tags,
        summary: 'Create a loyalty card type (Visita path)',
        security,
        params: ChainParams,
        body: CardTypeBody,
        response: { 201: CardTypeEnvelope, ...errorResponses },
      },
      preHandler: write,
    },
    async (request, reply) => {
      const type = await createCardType(deps, request.params.group_id, {
        title: request.body.title,
        locationIds: request.body.salon_ids ?? [],
      });
      return reply.status(201).send(ok(presentCardType(type)));
    },
  );
  t.put(
    '/chain/:group_id/loyalty/card_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Rename a loyalty card type or change its locations (Visita path)',
        description:
          'Issued cards keep their number, balance and history. `salon_ids: []` (or none): issued at every location of the chain, also ones added later.',
        security,
        params: ChainTypeParams,
        body: CardTypeBody,
        response: { 200: CardTypeEnvelope, ...errorResponses },
      },
      preHandler: write,
    },
    async (request) => {
      const { group_id, type_id } = request.params;
      const type = await updateCardType(deps, group_id, type_id, {
        title: request.body.title,
        locationIds: request.body.salon_ids ?? [],
      });
      return ok(presentCardType(type));
    },
  );
  t.delete(
    '/chain/:group_id/loyalty/card_types/:type_id',
    {
      schema: {
        tags,
        summary: 'Delete a loyalty card type (Visita path; refused while cards or programs use it)',
        description:
          '409 and nothing changes while cards of the type are issued (not deleted) or a program names it.',
        security,
        params: ChainTypeParams,
        response: { 200: DeletedEnvelope, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: write,
    },
    async (request) => {
      await deleteCardType(deps, request.params.group_id, request.params.type_id);
      return { success: true as const, data: null, meta: [] as never[] };
    },
  );
}
