import {
  AdminClientInstrumentsEnvelope,
  AdminClientInstrumentsQuery,
  AdminLocationParams,
  errorResponses,
} from '@visita/contracts';
import { listChainClientInstruments, normalizePhone } from '@visita/core';
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
      const found = await listChainClientInstruments(deps, {
        locationId: request.params.company_id,
        phone: normalizePhone(request.query.phone),
      });
      const now = deps.clock.now().getTime();
      const url = deps.config.publicUrl;
      return ok({
        locations: found.chainLocations.map((l) => ({ id: l.id, title: l.title })),
        memberships: found.memberships.map((v) => presentAbonementView(v, now, url)),
        gift_cards: found.certificates.map((v) => presentCertificateView(v, now, url)),
        loyalty_cards: found.cards.map((v) => ({
          ...presentLoyaltyCard(v),
          salon_ids: v.locations.map((l) => l.id),
        })),
      });
    },
  );
}
