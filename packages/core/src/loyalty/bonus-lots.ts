import type { BonusLot } from './types';

const live = (lot: BonusLot, now: number) =>
  lot.remainingCents > 0 && (lot.expiresAt === null || now < lot.expiresAt);

/**
 * The bonus a card holds at `now`: the sum of the unexpired lots' remainders, and the nearest
 * expiry among them with the amount expiring then (null: nothing of it expires).
 */
export function bonusAt(
  lots: BonusLot[],
  now: number,
): { balanceCents: number; expiresAt: number | null; expiringCents: number } {
  const usable = lots.filter((l) => live(l, now));
  const dated = usable.filter((l) => l.expiresAt !== null).map((l) => l.expiresAt!);
  const expiresAt = dated.length ? Math.min(...dated) : null;
  return {
    balanceCents: usable.reduce((s, l) => s + l.remainingCents, 0),
    expiresAt,
    expiringCents: usable
      .filter((l) => l.expiresAt === expiresAt && expiresAt !== null)
      .reduce((s, l) => s + l.remainingCents, 0),
  };
}

/**
 * Which lots pay `amountCents` of bonus at `now`: the soonest-expiring first (lots without
 * expiry last, older first). Null when the unexpired lots do not cover it.
 */
export function bonusSpendPlan(
  lots: BonusLot[],
  now: number,
  amountCents: number,
): { lotId: number; cents: number }[] | null {
  const order = lots
    .filter((l) => live(l, now))
    .sort(
      (a, b) =>
        (a.expiresAt ?? Number.POSITIVE_INFINITY) - (b.expiresAt ?? Number.POSITIVE_INFINITY) ||
        a.id - b.id,
    );
  const plan: { lotId: number; cents: number }[] = [];
  let left = amountCents;
  for (const lot of order) {
    if (left <= 0) break;
    const cents = Math.min(left, lot.remainingCents);
    plan.push({ lotId: lot.id, cents });
    left -= cents;
  }
  return left > 0 ? null : plan;
}
