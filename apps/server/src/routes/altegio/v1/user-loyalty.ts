import {
  AbonementListEnvelope,
  CertificateListEnvelope,
  errorResponses,
  LoyaltyCardListEnvelope,
  UserCardsParams,
  UserInstrumentQuery,
} from '@visita/contracts';
import { findClientInstruments } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import { needsPartner } from '../../../plugins/auth';
import {
  presentAbonementView,
  presentCertificateView,
  presentLoyaltyCard,
} from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Client cabinet'];

/** The contract's B2C loyalty reads: `Bearer <partner>, User <client token>`. */
export function userLoyaltyRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const consented = needsConsentedAppUser(deps);
  const preHandler = [needsPartner, consented];
  const url = deps.config.publicUrl;
  const now = () => deps.clock.now().getTime();

  t.get(
    '/user/loyalty/abonements',
    {
      schema: {
        tags,
        summary: "The user's memberships (optionally valid at one location)",
        security: userSecurity,
        querystring: UserInstrumentQuery,
        response: { 200: AbonementListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const user = requireAppUser(request);
      const { company_id } = request.query;
      const found = await findClientInstruments(
        deps,
        { phone: user.phone, ...(company_id ? { locationId: company_id } : {}) },
        { memberships: true },
      );
      return ok(
        found.memberships.map((v) => presentAbonementView(v, now(), url)),
        { count: found.memberships.length },
      );
    },
  );

  t.get(
    '/user/loyalty/certificates',
    {
      schema: {
        tags,
        summary: "The user's gift certificates (optionally valid at one location)",
        security: userSecurity,
        querystring: UserInstrumentQuery,
        response: { 200: CertificateListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const user = requireAppUser(request);
      const { company_id } = request.query;
      const found = await findClientInstruments(
        deps,
        { phone: user.phone, ...(company_id ? { locationId: company_id } : {}) },
        { certificates: true },
      );
      return ok(
        found.certificates.map((v) => presentCertificateView(v, now(), url)),
        { count: found.certificates.length },
      );
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
    async (request) => {
      const user = requireAppUser(request);
      const found = await findClientInstruments(
        deps,
        { phone: user.phone, chainId: request.params.group_id },
        { cards: true },
      );
      return ok(found.cards.map(presentLoyaltyCard), { count: found.cards.length });
    },
  );
}
