import {
  errorResponses,
  VisitPaymentBody,
  VisitPaymentEnvelope,
  VisitPaymentParams,
  VisitRefundEnvelope,
} from '@visita/contracts';
import {
  findClientInstruments,
  fromCents,
  payVisitWithLoyalty,
  refundVisitPayment,
  toCents,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import {
  presentAbonement,
  presentCertificate,
  presentLoyaltyCard,
} from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Loyalty: cards and visit payment'];
const security = userSecurity;
const path = '/company/:company_id/records/:record_id/loyalty_payment';

/** Paying an appointment with loyalty instruments (Visita path), and refunding that payment. */
export function visitLoyaltyPaymentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const url = deps.config.publicUrl;

  t.post(
    path,
    {
      schema: {
        tags,
        summary:
          'Pay an appointment with a membership, a gift card and/or a loyalty card (Visita path)',
        description:
          'Once per appointment (a second call is 409). The membership covers the services it includes and uses one visit; the card’s best discount program lowers the rest (an expired discount does not apply); the gift card pays what it may (never more than its balance); `loyalty_card_withdrawal` spends bonus balance (never more than the balance nor what is left, as Altegio’s apply_card_withdrawal); the card’s cashback program credits a bonus on what is left to pay in money (respecting usage_limit and visit_multiplicity).',
        security,
        params: VisitPaymentParams,
        body: VisitPaymentBody,
        response: { 200: VisitPaymentEnvelope, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'records:write'),
    },
    async (request) => {
      const { company_id, record_id } = request.params;
      const b = request.body;
      const s = await payVisitWithLoyalty(deps, company_id, record_id, {
        membershipId: b.abonement_id,
        certificateId: b.certificate_id,
        certificateAmountCents:
          b.certificate_amount === undefined ? undefined : toCents(b.certificate_amount),
        cardId: b.loyalty_card_id,
        cardWithdrawalCents:
          b.loyalty_card_withdrawal === undefined ? undefined : toCents(b.loyalty_card_withdrawal),
      });
      const now = deps.clock.now().getTime();
      const types = await deps.read(async (r) => ({
        m: s.membership
          ? await r.loyaltyTypes.findMembershipType(s.membership.chainId, s.membership.typeId)
          : null,
        c: s.certificate
          ? await r.loyaltyTypes.findCertificateType(s.certificate.chainId, s.certificate.typeId)
          : null,
      }));
      const card = s.card
        ? (
            await findClientInstruments(
              deps,
              { phone: s.card.phone, chainId: s.card.chainId },
              { cards: true },
            )
          ).cards.find((v) => v.card.id === s.card!.id)
        : undefined;
      return ok({
        record_id: s.recordId,
        total: fromCents(s.totalCents),
        abonement_covered: fromCents(s.membershipCoveredCents),
        discount: fromCents(s.discountCents),
        certificate_amount: fromCents(s.certificateAmountCents),
        loyalty_card_withdrawal: fromCents(s.withdrawalCents),
        due: fromCents(s.dueCents),
        cashback: fromCents(s.cashbackCents),
        abonement:
          s.membership && types.m
            ? presentAbonement(s.membership, types.m, types.m.locationIds, now, url)
            : null,
        certificate:
          s.certificate && types.c
            ? presentCertificate(s.certificate, types.c, types.c.locationIds, now, url)
            : null,
        loyalty_card: card ? presentLoyaltyCard(card) : null,
      });
    },
  );

  t.delete(
    path,
    {
      schema: {
        tags,
        summary: "Refund an appointment's loyalty payment (Visita path)",
        description:
          'Undoes the settlement once: the membership visit back, the gift card balance back (a single-use card becomes usable again with its whole balance), the bonus spent back, the cashback credited and the card counters taken back, the visit’s card transactions canceled. 404 when the appointment has no loyalty payment; 409 when the cashback it credited has been spent since. The appointment can be paid again afterwards.',
        security,
        params: VisitPaymentParams,
        response: { 200: VisitRefundEnvelope, 409: errorResponses[422], ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'records:write'),
    },
    async (request) => {
      const { company_id, record_id } = request.params;
      const s = await refundVisitPayment(deps, company_id, record_id);
      return ok({
        record_id: s.recordId,
        abonement_id: s.membershipId,
        certificate_id: s.certificateId,
        certificate_amount: fromCents(s.certificateDrawnCents),
        loyalty_card_id: s.cardId,
        loyalty_card_withdrawal: fromCents(s.withdrawalCents),
        cashback: fromCents(s.cashbackCents),
      });
    },
  );
}
