import { DomainError, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { bonusSpendPlan } from './bonus-lots';
import { cardAfterRefund } from './card-rules';
import type { LoyaltyRepos, LoyaltyUow, StoredVisitPayment } from './ports';

type Deps = { uow: LoyaltyUow; clock: Clock };

const spentSince = () =>
  new DomainError(
    'conflict',
    'The cashback this visit credited has been spent since; refund the visits that spent it first',
    'loyalty_card_id',
  );

/**
 * The bonus side of a refund on the locked card: what the visit spent goes back into its lots;
 * the lot it credited is canceled, and the part of it spent since is taken from the card's other
 * unexpired lots (soonest-expiring first). Throws (the transaction rolls back) when they do not
 * cover it.
 */
async function undoVisitBonus(r: LoyaltyRepos, cardId: number, recordId: number, now: number) {
  await r.loyaltyCards.restoreVisitSpends(cardId, recordId);
  const lot = await r.loyaltyCards.cancelVisitLot(cardId, recordId);
  const shortfall = lot ? lot.amountCents - lot.remainingCents : 0;
  if (shortfall > 0) {
    const card = await r.loyaltyCards.lockCard(cardId);
    const plan = card && bonusSpendPlan(card.bonusLots ?? [], now, shortfall);
    if (!plan) throw spentSince();
    for (const step of plan)
      if (!(await r.loyaltyCards.spendBonusLot(step.lotId, step.cents, null, now)))
        throw spentSince();
  }
  await r.loyaltyCards.syncBalance(cardId);
}

export type VisitRefund = StoredVisitPayment;

/**
 * Undoes a visit's loyalty settlement, once (DELETE /company/{id}/records/{record_id}/loyalty_payment):
 * the membership gets its visit back, the gift card the balance it lost (a single-use card is
 * usable again with its whole balance), the loyalty card the bonus spent, and loses the cashback
 * credited and what its counters grew by; the visit's card transactions are canceled. The
 * settlement row is taken with one DELETE … RETURNING, so of concurrent refunds exactly one
 * does the work and the others find nothing (404). Refused (409, nothing changed) when the
 * cashback this visit credited has been spent since.
 */
export async function refundVisitPayment(
  deps: Deps,
  locationId: number,
  recordId: number,
): Promise<VisitRefund> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (r) => {
    const s = await r.visitPayments.takeSettlement(locationId, recordId);
    if (!s) throw notFound('Visit loyalty payment');
    if (s.membershipId !== null) await r.memberships.returnVisit(s.membershipId, recordId);
    if (s.certificateId !== null && s.certificateDrawnCents > 0) {
      await r.certificates.lockCertificate(s.certificateId);
      await r.certificates.restoreBalance(s.certificateId, s.certificateDrawnCents, recordId);
    }
    if (s.cardId !== null) {
      const card = await r.loyaltyCards.lockCard(s.cardId);
      if (card && s.cardBefore && s.cardAfter) {
        const after = cardAfterRefund(card, {
          soldCents: s.cardSoldCents,
          paidCents: s.cardPaidCents,
          withdrawalCents: s.withdrawalCents,
          cashbackCents: s.cashbackCents,
          before: s.cardBefore,
          after: s.cardAfter,
        });
        if (!after) throw spentSince();
        await r.loyaltyCards.updateCardAfterVisit(card.id, after);
      }
      if (card) await undoVisitBonus(r, card.id, recordId, now);
      await r.loyaltyCards.cancelVisitTransactions(s.cardId, recordId);
    }
    return s;
  });
}
