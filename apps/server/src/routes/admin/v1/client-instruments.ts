import {
  AdminClientInstrumentsEnvelope,
  AdminClientInstrumentsQuery,
  AdminLocationParams,
  errorResponses,
} from '@visita/contracts';
import { findClientInstruments, normalizePhone } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import {
  presentAbonementView,
  presentCertificateView,
  presentLoyaltyCard,
} from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Admin: clients'];

/**
 * The client card's loyalty: everything the client holds in the location's chain, wherever it
 * was bought, with where each is valid. The Altegio reads by phone filter to one location.
 */
export function adminClientInstrumentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  t.get(
    '/locations/:company_id/client-instruments',
    {
      schema: {
        tags,
        summary: "A client's memberships, gift cards and loyalty cards across the chain",
        security: userSecurity,
        params: AdminLocationParams,
        querystring: AdminClientInstrumentsQuery,
        response: { 200: AdminClientInstrumentsEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'clients:read'),
    },
    async (request) => {
      const { chainId, locations } = await deps.read(async (r) => {
        const loc = (await r.chainScope.findLocationChain(request.params.company_id))!;
        return {
          chainId: loc.chainId,
          locations: await r.chainScope.findChainLocations(loc.chainId),
        };
      });
      const found = await findClientInstruments(deps, {
        phone: normalizePhone(request.query.phone),
        chainId,
      });
      const now = deps.clock.now().getTime();
      const url = deps.config.publicUrl;
      const all = locations.map((l) => l.id);
      return ok({
        locations: locations.map((l) => ({ id: l.id, title: l.title })),
        memberships: found.memberships.map((v) => presentAbonementView(v, now, url)),
        gift_cards: found.certificates.map((v) => presentCertificateView(v, now, url)),
        loyalty_cards: found.cards.map((v) => ({
          ...presentLoyaltyCard(v),
          salon_ids: v.type.locationIds.length ? v.type.locationIds : all,
        })),
      });
    },
  );
}
