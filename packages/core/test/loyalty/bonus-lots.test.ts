import { describe, expect, it } from 'vitest';
import { bonusAt, bonusSpendPlan, cardAt, settleVisit, type BonusLot } from '../../src';
import { card, DAY, program, T0 } from './fixtures';

const lot = (id: number, remainingCents: number, expiresAt: number | null): BonusLot => ({
  id,
  amountCents: remainingCents,
  remainingCents,
  expiresAt,
});
const lots = [lot(1, 10_00, null), lot(2, 20_00, T0 + 10 * DAY), lot(3, 5_00, T0 + 2 * DAY)];

describe('bonus lots', () => {
  it('the balance leaves expired lots out; the nearest expiry and what expires then', () => {
    expect(bonusAt(lots, T0)).toEqual({
      balanceCents: 35_00,
      expiresAt: T0 + 2 * DAY,
      expiringCents: 5_00,
    });
    // at the instant of expiry the lot is gone
    expect(bonusAt(lots, T0 + 2 * DAY)).toEqual({
      balanceCents: 30_00,
      expiresAt: T0 + 10 * DAY,
      expiringCents: 20_00,
    });
    expect(bonusAt(lots, T0 + 10 * DAY)).toEqual({
      balanceCents: 10_00,
      expiresAt: null,
      expiringCents: 0,
    });
    expect(cardAt(card({ balanceCents: 35_00, bonusLots: lots }), T0 + 2 * DAY)).toMatchObject({
      balanceCents: 30_00,
      bonusExpiresAt: T0 + 10 * DAY,
      bonusExpiringCents: 20_00,
    });
  });

  it('spending takes the soonest-expiring first, lots without expiry last; never more than held', () => {
    expect(bonusSpendPlan(lots, T0, 26_00)).toEqual([
      { lotId: 3, cents: 5_00 },
      { lotId: 2, cents: 20_00 },
      { lotId: 1, cents: 1_00 },
    ]);
    expect(bonusSpendPlan(lots, T0, 35_01)).toBeNull();
    // an expired lot pays nothing
    expect(bonusSpendPlan(lots, T0 + 2 * DAY, 31_00)).toBeNull();
  });

  it('a cashback program’s expiration_timeout dates the bonus it credits on the location’s wall clock', () => {
    const cashback = program({
      type: 'cashback_static_sold',
      rules: [{ id: 1, parameter: 0, value: 10, serviceId: 0 }],
      expirationTimeout: 1,
      expirationTimeoutUnit: 'month',
    });
    const s = settleVisit({
      locationId: 1,
      timeZone: 'Europe/Berlin',
      now: Date.parse('2027-02-28T10:00:00Z'),
      lines: [{ serviceId: 5, categoryId: null, costCents: 100_00 }],
      card: { card: card(), programs: [cashback] },
    });
    expect(s.cashbackCents).toBe(10_00);
    expect(s.cashbackExpiresAt).toBe(Date.parse('2027-03-28T09:00:00Z'));
  });
});
