import {
  AppOfferListEnvelope,
  AppPurchaseEnvelope,
  errorResponses,
  WidgetPurchaseBody,
} from '@visita/contracts';
import { listOnlineOffers, normalizePhone, startPurchase } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner } from '../../../plugins/auth';
import {
  presentCertificateOffer,
  presentMembershipOffer,
  presentPurchase,
} from '../../../presenters/app-loyalty';
import { CompanyParams, listMeta, ok, partnerSecurity, typed } from '../../typed';

const tags = ['Online booking'];

/**
 * The booking widget's sales button (Visita paths next to `book_*`): the offers on online sale
 * at a location, and buying one with the buyer's phone, paid on the acquirer's checkout page.
 */
export function loyaltyWidgetRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const url = deps.config.publicUrl;
  t.get(
    '/book_loyalty_offers/:company_id',
    {
      schema: {
        tags,
        summary: 'Memberships and gift cards on online sale at a location',
        security: partnerSecurity,
        params: CompanyParams,
        response: { 200: AppOfferListEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const offers = await listOnlineOffers(deps, request.params.company_id);
      const data = [
        ...offers.memberships.map((x) => presentMembershipOffer(x, offers.currency, url)),
        ...offers.certificates.map((x) => presentCertificateOffer(x, offers.currency, url)),
      ];
      return ok(data, listMeta(data.length));
    },
  );
  t.post(
    '/book_loyalty_purchase/:company_id',
    {
      schema: {
        tags,
        summary: 'Buy a membership or gift card online from the widget',
        security: partnerSecurity,
        params: CompanyParams,
        body: WidgetPurchaseBody,
        response: { 201: AppPurchaseEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request, reply) => {
      const phone = normalizePhone(request.body.phone);
      const { payment, checkoutUrl } = await startPurchase(
        {
          ...deps,
          numbers: deps.loyalty.numbers,
          provider: deps.loyalty.provider,
          returnUrl: `${url.replace(/\/$/, '')}/app/purchases`,
        },
        // The app user with this phone sees the instrument (instruments belong to phones).
        { appUserId: null, phone },
        {
          kind: request.body.kind,
          typeId: request.body.type_id,
          locationId: request.params.company_id,
        },
      );
      return reply.status(201).send(ok(presentPurchase(payment, checkoutUrl)));
    },
  );
}
