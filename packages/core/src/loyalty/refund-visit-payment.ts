import { DomainError, notFound } from '../errors/domain-error';
import { cardAfterRefund } from './card-rules';
import type { LoyaltyUow, StoredVisitPayment } from './ports';

type Deps = { uow: LoyaltyUow };

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
        if (!after)
          throw new DomainError(
            'conflict',
            'The cashback this visit credited has been spent since; refund the visits that spent it first',
            'loyalty_card_id',
          );
        await r.loyaltyCards.updateCardAfterVisit(card.id, after);
      }
      await r.loyaltyCards.cancelVisitTransactions(s.cardId, recordId);
    }
    return s;
  });
}
