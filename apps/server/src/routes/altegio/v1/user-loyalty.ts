import {
  errorResponses,
  LoyaltyCardListEnvelope,
  UserCardsParams,
  UserInstrumentQuery,
} from '@visita/contracts';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import { needsPartner } from '../../../plugins/auth';
import { typed, userSecurity } from '../../typed';
import { INSTRUMENT_LISTS, listInstruments } from './instrument-lists';

const tags = ['Client cabinet'];

/** The contract's B2C loyalty reads: `Bearer <partner>, User <client token>`. */
export function userLoyaltyRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const consented = needsConsentedAppUser(deps);
  const preHandler = [needsPartner, consented];

  for (const list of INSTRUMENT_LISTS)
    t.get(
      `/user/loyalty/${list.path}`,
      {
        schema: {
          tags,
          summary: `The user's ${list.what} (optionally valid at one location)`,
          security: userSecurity,
          querystring: UserInstrumentQuery,
          response: { 200: list.response, ...errorResponses },
        },
        preHandler,
      },
      async (request) => {
        const { company_id } = request.query;
        const phone = requireAppUser(request).phone;
        return listInstruments(
          deps,
          { phone, ...(company_id ? { locationId: company_id } : {}) },
          list.kind,
        ) as never; // one route per list: the schema of `list.response` serializes it
      },
    );

  t.get(
    '/user/loyalty_cards/:group_id',
    {
      schema: {
        tags,
        summary: "The user's loyalty cards in a chain, with their programs",
        security: userSecurity,
        params: UserCardsParams,
        response: { 200: LoyaltyCardListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) =>
      listInstruments(
        deps,
        { phone: requireAppUser(request).phone, chainId: request.params.group_id },
        'cards',
      ) as never, // cards: LoyaltyCardListEnvelope
  );
}
