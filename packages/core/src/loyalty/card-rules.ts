import { bonusAt } from './bonus-lots';
import { addPeriod } from './periods';
import type { CardDiscountState, LoyaltyCard, LoyaltyProgram, PeriodUnit } from './types';

const UNIT: Record<NonNullable<LoyaltyProgram['expirationTimeoutUnit']>, PeriodUnit> = {
  day: 1,
  week: 2,
  month: 3,
  year: 4,
};

/**
 * The card as it stands at `now`: expired bonus lots no longer count in the balance (and the
 * nearest expiry of what is left is known); a granted discount whose expiry has come is gone,
 * and the accumulative discount programs count again from the card's totals at that moment.
 */
export function cardAt(stored: LoyaltyCard, now: number): LoyaltyCard {
  const bonus = stored.bonusLots ? bonusAt(stored.bonusLots, now) : null;
  const card: LoyaltyCard = bonus
    ? {
        ...stored,
        balanceCents: bonus.balanceCents,
        bonusExpiresAt: bonus.expiresAt,
        bonusExpiringCents: bonus.expiringCents,
      }
    : stored;
  if (card.discountExpiresAt === null || now < card.discountExpiresAt) return card;
  return {
    ...card,
    discountPercent: 0,
    discountExpiresAt: null,
    discountBase: {
      visits: card.visitsCount,
      soldCents: card.soldCents,
      paidCents: card.paidCents,
    },
  };
}

/**
 * When a discount the program grants (or a bonus its cashback credits) at `grantedAt` expires: `expiration_timeout` units later on
 * the wall clock of the location where it was granted (null: the program sets no expiry).
 */
export function discountExpiry(
  program: Pick<LoyaltyProgram, 'expirationTimeout' | 'expirationTimeoutUnit'>,
  grantedAt: number,
  timeZone: string,
): number | null {
  if (program.expirationTimeout <= 0 || !program.expirationTimeoutUnit) return null;
  return addPeriod(
    grantedAt,
    program.expirationTimeout,
    UNIT[program.expirationTimeoutUnit],
    timeZone,
  );
}

export const discountStateOf = (c: CardDiscountState): CardDiscountState => ({
  discountPercent: c.discountPercent,
  discountExpiresAt: c.discountExpiresAt,
  discountBase: { ...c.discountBase },
});

const sameState = (a: CardDiscountState, b: CardDiscountState) =>
  a.discountPercent === b.discountPercent &&
  a.discountExpiresAt === b.discountExpiresAt &&
  a.discountBase.visits === b.discountBase.visits &&
  a.discountBase.soldCents === b.discountBase.soldCents &&
  a.discountBase.paidCents === b.discountBase.paidCents;

/** What a visit's settlement added to a card, as stored with the settlement. */
export interface CardSettlementRecord {
  soldCents: number;
  paidCents: number;
  withdrawalCents: number;
  cashbackCents: number;
  before: CardDiscountState;
  after: CardDiscountState;
}

export type CardAfterRefund = Pick<
  LoyaltyCard,
  'visitsCount' | 'soldCents' | 'paidCents' | 'balanceCents' | 'discountPercent'
> &
  CardDiscountState;

/**
 * The card after a visit's settlement is undone: one visit less, the sold and paid amounts
 * taken off, the bonus spent given back and the cashback credited taken back. The discount
 * state goes back to what it was before the visit when nothing changed it since; otherwise
 * (a later visit raised it, or it expired) it stays. Null when the cashback credited has been
 * spent in the meantime: the balance cannot go below zero.
 */
export function cardAfterRefund(
  card: LoyaltyCard,
  r: CardSettlementRecord,
): CardAfterRefund | null {
  const balanceCents = card.balanceCents + r.withdrawalCents - r.cashbackCents;
  if (balanceCents < 0) return null;
  const state = sameState(discountStateOf(card), r.after) ? r.before : discountStateOf(card);
  return {
    visitsCount: Math.max(card.visitsCount - 1, 0),
    soldCents: Math.max(card.soldCents - r.soldCents, 0),
    paidCents: Math.max(card.paidCents - r.paidCents, 0),
    balanceCents,
    ...discountStateOf(state),
  };
}
