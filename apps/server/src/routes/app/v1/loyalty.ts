import {
  AppGiftCardListEnvelope,
  AppLoyaltyCardListEnvelope,
  AppMembershipListEnvelope,
  AppOfferListEnvelope,
  AppOfferParams,
  AppPurchaseBody,
  AppPurchaseEnvelope,
  AppPurchaseParams,
  errorResponses,
} from '@visita/contracts';
import { findClientInstruments, getMyPayment, listOnlineOffers, startPurchase } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { testCheckoutUrl } from '../../../adapters/payments/test-acquirer';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import {
  presentAppGiftCard,
  presentAppLoyaltyCard,
  presentAppMembership,
  presentCertificateOffer,
  presentMembershipOffer,
  presentPurchase,
} from '../../../presenters/app-loyalty';
import { listMeta, ok, typed, clientSecurity } from '../../typed';

const tags = ['App: loyalty'];
const security = clientSecurity;

/** The client's memberships, gift cards and loyalty cards; offers on online sale; purchases. */
export function appLoyaltyRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const preHandler = needsConsentedAppUser(deps);
  const url = deps.config.publicUrl;
  // The payer comes back to the app's purchase screen (it knows which purchase it started).
  const returnUrl = `${url.replace(/\/$/, '')}/app/purchases`;
  const saleDeps = {
    ...deps,
    numbers: deps.loyalty.numbers,
    provider: deps.loyalty.provider,
    returnUrl,
  };

  t.get(
    '/memberships',
    {
      schema: {
        tags,
        summary: 'My memberships, everywhere (❄️ frozen, 🔥 expiring soon, where usable)',
        security,
        response: { 200: AppMembershipListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const found = await findClientInstruments(
        deps,
        { phone: requireAppUser(request).phone },
        { memberships: true },
      );
      return ok(
        found.memberships.map((v) => presentAppMembership(v, url)),
        listMeta(found.memberships.length),
      );
    },
  );

  t.get(
    '/gift-cards',
    {
      schema: {
        tags,
        summary: 'My gift cards, everywhere, with their images',
        security,
        response: { 200: AppGiftCardListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const found = await findClientInstruments(
        deps,
        { phone: requireAppUser(request).phone },
        { certificates: true },
      );
      return ok(
        found.certificates.map((v) => presentAppGiftCard(v, url)),
        listMeta(found.certificates.length),
      );
    },
  );

  t.get(
    '/loyalty-cards',
    {
      schema: {
        tags,
        summary: 'My loyalty cards: bonus balance, discount, promotions',
        security,
        response: { 200: AppLoyaltyCardListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const found = await findClientInstruments(
        deps,
        { phone: requireAppUser(request).phone },
        { cards: true },
      );
      return ok(found.cards.map(presentAppLoyaltyCard), listMeta(found.cards.length));
    },
  );

  t.get(
    '/places/:location_id/offers',
    {
      schema: {
        tags,
        summary: 'Membership and gift card types on online sale at a place',
        security,
        params: AppOfferParams,
        response: { 200: AppOfferListEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const offers = await listOnlineOffers(deps, request.params.location_id);
      const data = [
        ...offers.memberships.map((x) => presentMembershipOffer(x, offers.currency, url)),
        ...offers.certificates.map((x) => presentCertificateOffer(x, offers.currency, url)),
      ];
      return ok(data, listMeta(data.length));
    },
  );

  t.post(
    '/purchases',
    {
      schema: {
        tags,
        summary: 'Buy a membership or gift card type on online sale: a checkout page to pay on',
        description:
          'Nothing is issued until the acquirer confirms the payment (signed webhook); then the instrument appears in my memberships / gift cards.',
        security,
        body: AppPurchaseBody,
        response: { 201: AppPurchaseEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request, reply) => {
      const user = requireAppUser(request);
      const { payment, checkoutUrl } = await startPurchase(
        saleDeps,
        { appUserId: user.id, phone: user.phone },
        {
          kind: request.body.kind,
          typeId: request.body.type_id,
          locationId: request.body.location_id,
        },
      );
      return reply.status(201).send(ok(presentPurchase(payment, checkoutUrl)));
    },
  );

  t.get(
    '/purchases/:payment_id',
    {
      schema: {
        tags,
        summary: 'A purchase of mine: pending, succeeded (with the issued item) or declined',
        security,
        params: AppPurchaseParams,
        response: { 200: AppPurchaseEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const p = await getMyPayment(deps, requireAppUser(request).id, request.params.payment_id);
      return ok(
        presentPurchase(
          p,
          deps.loyalty.provider.name === p.provider && p.provider === 'test'
            ? testCheckoutUrl(url, p.providerRef, returnUrl)
            : '',
        ),
      );
    },
  );
}
