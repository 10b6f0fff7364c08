import { DomainError, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import type { LoyaltyRepos, LoyaltyUow } from './ports';
import type { Certificate, LoyaltyCard, Membership } from './types';
import { bonusSpendPlan } from './bonus-lots';
import { cardAt, discountStateOf } from './card-rules';
import { settleVisit, type Settlement } from './visit-settlement';

type Deps = { uow: LoyaltyUow; clock: Clock };

export interface VisitPaymentInput {
  membershipId?: number | undefined;
  certificateId?: number | undefined;
  /** At most this much from the certificate (default: as much as it may pay). */
  certificateAmountCents?: number | undefined;
  cardId?: number | undefined;
  /** Bonus balance of the card to spend (never more than the balance nor what is left to pay). */
  cardWithdrawalCents?: number | undefined;
}

export interface VisitPaymentResult extends Settlement {
  recordId: number;
  membership: Membership | null;
  certificate: Certificate | null;
  card: LoyaltyCard | null;
}

const refuse = (message: string, field: string) => new DomainError('not_allowed', message, field);

async function lockedMembership(
  r: LoyaltyRepos,
  chainId: number,
  id: number,
  phone: string | null,
) {
  const m =
    (await r.memberships.findMembership(chainId, id)) && (await r.memberships.lockMembership(id));
  if (!m)
    throw new DomainError('validation_failed', 'No such membership in this chain', 'abonement_id');
  if (m.phone !== phone) throw refuse("The membership is not this client's", 'abonement_id');
  const type = await r.loyaltyTypes.findMembershipType(chainId, m.typeId);
  return { membership: m, type: type! };
}

/**
 * Pays an appointment with the client's loyalty instruments, once: the visit is claimed first
 * (a second payment of the same visit is refused), instruments are locked while the settlement
 * is computed, and every balance change is a conditional UPDATE, so concurrent payments with the
 * same membership or gift card can neither use a visit twice nor draw a balance below zero.
 */
export async function payVisitWithLoyalty(
  deps: Deps,
  locationId: number,
  recordId: number,
  input: VisitPaymentInput,
): Promise<VisitPaymentResult> {
  const now = deps.clock.now().getTime();
  if (input.cardWithdrawalCents !== undefined && input.cardId === undefined)
    throw new DomainError(
      'validation_failed',
      'loyalty_card_withdrawal needs loyalty_card_id',
      'loyalty_card_withdrawal',
    );
  return deps.uow(async (r) => {
    const visit = await r.visitPayments.findVisitForPayment(locationId, recordId);
    if (!visit) throw notFound('Record');
    if (visit.deleted) throw refuse('The appointment was canceled', 'record_id');
    if (!(await r.visitPayments.claimVisit(recordId, locationId)))
      throw new DomainError(
        'conflict',
        'This visit has already been paid with loyalty instruments',
      );

    const membership = input.membershipId
      ? await lockedMembership(r, visit.chainId, input.membershipId, visit.clientPhone)
      : undefined;
    let certificate:
      | {
          certificate: Certificate;
          type: NonNullable<Awaited<ReturnType<typeof r.loyaltyTypes.findCertificateType>>>;
          requestedCents?: number | undefined;
        }
      | undefined;
    if (input.certificateId) {
      const found = await r.certificates.findCertificate(visit.chainId, input.certificateId);
      const c = found ? await r.certificates.lockCertificate(found.id) : null;
      if (!c)
        throw new DomainError(
          'validation_failed',
          'No such gift card in this chain',
          'certificate_id',
        );
      const type = (await r.loyaltyTypes.findCertificateType(visit.chainId, c.typeId))!;
      certificate = { certificate: c, type, requestedCents: input.certificateAmountCents };
    }
    let card:
      | {
          card: LoyaltyCard;
          programs: Awaited<ReturnType<typeof r.loyaltyPrograms.listPrograms>>;
          programUses: Record<number, number>;
          withdrawalCents: number | undefined;
        }
      | undefined;
    if (input.cardId) {
      const found = await r.loyaltyCards.findCard(visit.chainId, input.cardId);
      const c = found ? await r.loyaltyCards.lockCard(found.id) : null;
      if (!c)
        throw new DomainError(
          'validation_failed',
          'No such loyalty card in this chain',
          'loyalty_card_id',
        );
      if (c.phone !== visit.clientPhone)
        throw refuse("The card is not this client's", 'loyalty_card_id');
      card = {
        card: c,
        programs: await r.loyaltyPrograms.listPrograms(visit.chainId),
        programUses: await r.loyaltyCards.countCashbackUses(c.id),
        withdrawalCents: input.cardWithdrawalCents,
      };
    }

    const s = settleVisit({
      locationId,
      timeZone: visit.timeZone,
      now,
      lines: visit.lines,
      membership,
      certificate,
      card,
    });

    if (membership && !(await r.memberships.useVisit(membership.membership.id, recordId)))
      throw refuse('The membership has no visits left', 'abonement_id');
    if (certificate && s.certificateAmountCents > 0) {
      const c = certificate.certificate;
      const spendAll = s.certificateUsed;
      if (!(await r.certificates.drawBalance(c.id, s.certificateAmountCents, spendAll, now)))
        throw refuse('The gift card balance does not cover this amount', 'certificate_id');
      await r.certificates.insertRedemption({
        certificateId: c.id,
        recordId,
        locationId,
        amountCents: s.certificateAmountCents,
      });
    }
    if (card && s.cardAfter) {
      const c = card.card;
      await r.loyaltyCards.updateCardAfterVisit(c.id, s.cardAfter);
      const lotId = await writeBonus(r, c, recordId, now, s);
      if (lotId !== null && s.cashbackExpiresAt !== null)
        await r.outbox.addEvent({
          locationId,
          type: 'bonus.credited',
          aggregateId: c.id,
          payload: {
            clientId: visit.clientId,
            cardId: c.id,
            lotId,
            amount: s.cashbackCents / 100,
            expiresAt: new Date(s.cashbackExpiresAt).toISOString(),
            programId: s.cashbackProgramId,
            notifyDaysBefore:
              programOf(card.programs, s.cashbackProgramId)?.expirationNotificationTimeout ?? 0,
            phone: c.phone,
          },
        });
      if (s.discountCents > 0)
        await r.loyaltyCards.insertTransaction({
          cardId: c.id,
          programId: s.discountProgramId,
          recordId,
          locationId,
          kind: 'discount',
          amountCents: s.discountCents,
          comment: '',
        });
      if (s.withdrawalCents > 0)
        await r.loyaltyCards.insertTransaction({
          cardId: c.id,
          programId: null,
          recordId,
          locationId,
          kind: 'withdrawal',
          amountCents: -s.withdrawalCents,
          comment: '',
        });
      if (s.cashbackCents > 0)
        await r.loyaltyCards.insertTransaction({
          cardId: c.id,
          programId: s.cashbackProgramId,
          recordId,
          locationId,
          kind: 'cashback',
          amountCents: s.cashbackCents,
          comment: '',
        });
      if (s.discountRaised) {
        const typeTitle =
          (await r.loyaltyTypes.findCardType(visit.chainId, c.typeId))?.title ?? 'Loyalty card';
        await r.outbox.addEvent({
          locationId,
          type: 'discount.granted',
          aggregateId: c.id,
          payload: {
            clientId: visit.clientId,
            cardId: c.id,
            title: typeTitle,
            discountPercent: s.cardAfter.discountPercent,
            expiresAt:
              s.cardAfter.discountExpiresAt === null
                ? null
                : new Date(s.cardAfter.discountExpiresAt).toISOString(),
            phone: c.phone,
            programId: s.grantProgramId,
            notifyDaysBefore:
              programOf(card.programs, s.grantProgramId)?.expirationNotificationTimeout ?? 0,
          },
        });
      }
    }
    await r.visitPayments.saveSettlement(recordId, {
      totalCents: s.totalCents,
      discountCents: s.discountCents,
      certificateAmountCents: s.certificateAmountCents,
      cashbackCents: s.cashbackCents,
      dueCents: s.dueCents,
      membershipId: membership?.membership.id ?? null,
      certificateId: certificate?.certificate.id ?? null,
      certificateDrawnCents: s.certificateDrawnCents,
      cardId: card?.card.id ?? null,
      cardSoldCents: s.cardAfter && card ? s.cardAfter.soldCents - card.card.soldCents : 0,
      cardPaidCents: s.cardAfter && card ? s.cardAfter.paidCents - card.card.paidCents : 0,
      withdrawalCents: s.withdrawalCents,
      cardBefore: s.cardBefore,
      cardAfter: s.cardAfter ? discountStateOf(s.cardAfter) : null,
    });
    return {
      ...s,
      recordId,
      membership: membership
        ? await r.memberships.findMembership(visit.chainId, membership.membership.id)
        : null,
      certificate: certificate
        ? await r.certificates.findCertificate(visit.chainId, certificate.certificate.id)
        : null,
      card: card ? await cardNow(r, visit.chainId, card.card.id, now) : null,
    };
  });
}

const programOf = (
  programs: { id: number; expirationNotificationTimeout: number }[],
  id: number | null,
) => (id === null ? undefined : programs.find((p) => p.id === id));

async function cardNow(r: LoyaltyRepos, chainId: number, id: number, now: number) {
  const c = await r.loyaltyCards.findCard(chainId, id);
  return c ? cardAt(c, now) : null;
}

/**
 * The bonus side of a settlement on the locked card: the withdrawal is taken from the
 * soonest-expiring unexpired lots (each a conditional UPDATE), the cashback credited is a new lot
 * expiring when its program says, with a `bonus.credited` event when it expires.
 */
async function writeBonus(
  r: LoyaltyRepos,
  c: LoyaltyCard,
  recordId: number,
  now: number,
  s: Settlement,
): Promise<number | null> {
  if (s.withdrawalCents > 0) {
    const plan = bonusSpendPlan(c.bonusLots ?? [], now, s.withdrawalCents);
    if (!plan)
      throw refuse('The bonus balance does not cover this amount', 'loyalty_card_withdrawal');
    for (const step of plan)
      if (!(await r.loyaltyCards.spendBonusLot(step.lotId, step.cents, recordId, now)))
        throw refuse('The bonus balance does not cover this amount', 'loyalty_card_withdrawal');
  }
  let lotId: number | null = null;
  if (s.cashbackCents > 0)
    lotId = await r.loyaltyCards.insertBonusLot({
      cardId: c.id,
      recordId,
      programId: s.cashbackProgramId,
      amountCents: s.cashbackCents,
      expiresAt: s.cashbackExpiresAt,
    });
  await r.loyaltyCards.syncBalance(c.id);
  return lotId;
}
