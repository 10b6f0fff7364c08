import { describe, expect, it } from 'vitest';
import {
  cardAfterRefund,
  cardAt,
  cashbackDue,
  discountExpiry,
  expiryForPeriod,
  settleVisit,
  type LoyaltyProgram,
} from '../../src';
import { card, certificate, certificateType, DAY, membership, program, T0 } from './fixtures';

const lines = [{ serviceId: 5, categoryId: null, costCents: 100_00 }];
const settle = (c: ReturnType<typeof card>, programs: LoyaltyProgram[], over = {}) =>
  settleVisit({
    locationId: 1,
    timeZone: 'Europe/Berlin',
    now: T0,
    lines,
    card: { card: c, programs, ...over },
  });
const accumulative = (over: Partial<LoyaltyProgram> = {}) =>
  program({
    type: 'discount_accumulative_visits',
    rules: [
      { id: 1, parameter: 1, value: 10, serviceId: 0 },
      { id: 2, parameter: 3, value: 20, serviceId: 0 },
    ],
    expirationTimeout: 1,
    expirationTimeoutUnit: 'month',
    ...over,
  });

describe('discount expiry', () => {
  it('is counted on the wall clock of the location: 28 Feb 11:00 CET + 1 month = 28 Mar 11:00 CEST', () => {
    const granted = Date.parse('2027-02-28T10:00:00Z');
    expect(new Date(discountExpiry(accumulative(), granted, 'Europe/Berlin')!).toISOString()).toBe(
      '2027-03-28T09:00:00.000Z',
    );
    expect(new Date(discountExpiry(accumulative(), granted, 'UTC')!).toISOString()).toBe(
      '2027-03-28T10:00:00.000Z',
    );
    expect(discountExpiry(accumulative({ expirationTimeout: 0 }), granted, 'UTC')).toBeNull();
  });

  it('a granted discount gets its expiry; reaching a higher tier grants again from then', () => {
    const first = settle(card(), [accumulative()]);
    expect(first.discountRaised).toBe(true);
    expect(first.cardAfter).toMatchObject({ discountPercent: 10 });
    expect(first.cardAfter!.discountExpiresAt).toBe(
      discountExpiry(accumulative(), T0, 'Europe/Berlin'),
    );
    // still 10 % after the second visit: the expiry stays where it was
    const kept = settle(
      card({ visitsCount: 1, discountPercent: 10, discountExpiresAt: T0 + DAY }),
      [accumulative()],
    );
    expect(kept.discountRaised).toBe(false);
    expect(kept.cardAfter!.discountExpiresAt).toBe(T0 + DAY);
  });

  it('an expired discount does not apply, and the card accumulates again from zero', () => {
    const expired = card({ visitsCount: 5, discountPercent: 20, discountExpiresAt: T0 });
    const s = settle(expired, [accumulative()]);
    expect(s.discountCents).toBe(0);
    // the first visit after the expiry reaches the first tier again
    expect(s.cardAfter).toMatchObject({
      visitsCount: 6,
      discountPercent: 10,
      discountBase: { visits: 5, soldCents: 0, paidCents: 0 },
    });
    // one millisecond before the expiry it still applies
    const live = settle({ ...expired, discountExpiresAt: T0 + 1 }, [accumulative()]);
    expect(live.discountCents).toBe(20_00);
    expect(s.cardBefore).toMatchObject({ discountPercent: 20, discountExpiresAt: T0 });
  });

  it('cardAt shows an expired discount as none', () => {
    expect(cardAt(card({ discountPercent: 15, discountExpiresAt: T0 }), T0).discountPercent).toBe(
      0,
    );
    expect(
      cardAt(card({ discountPercent: 15, discountExpiresAt: T0 }), T0 - 1).discountPercent,
    ).toBe(15);
  });
});

describe('cashback usage_limit and visit_multiplicity', () => {
  const cashback = (over: Partial<LoyaltyProgram> = {}) =>
    program({
      id: 3,
      type: 'cashback_static_sold',
      rules: [{ id: 1, parameter: 0, value: 10, serviceId: 0 }],
      ...over,
    });
  it('every n-th visit of the card, at most usage_limit times', () => {
    const every3 = { visitMultiplicity: 3, usageLimit: 0 };
    expect([1, 2, 3, 4, 5, 6].map((n) => cashbackDue(every3, n, 0))).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(cashbackDue({ visitMultiplicity: 0, usageLimit: 2 }, 9, 1)).toBe(true);
    expect(cashbackDue({ visitMultiplicity: 0, usageLimit: 2 }, 9, 2)).toBe(false);
    expect(cashbackDue({ visitMultiplicity: 1, usageLimit: 0 }, 9, 99)).toBe(true);
  });
  it('at settlement', () => {
    const p = cashback({ visitMultiplicity: 2, usageLimit: 1 });
    expect(settle(card({ visitsCount: 0 }), [p]).cashbackCents).toBe(0); // 1st visit
    expect(settle(card({ visitsCount: 1 }), [p]).cashbackCents).toBe(10_00); // 2nd
    expect(settle(card({ visitsCount: 3 }), [p], { programUses: { 3: 1 } }).cashbackCents).toBe(0); // 4th, limit reached
  });
});

describe('paying with the bonus balance', () => {
  const back = program({
    id: 3,
    type: 'cashback_static_paid',
    rules: [{ id: 1, parameter: 0, value: 10, serviceId: 0 }],
  });
  it('never more than the balance nor what is left to pay; cashback on money only', () => {
    const s = settle(card({ balanceCents: 30_00 }), [back], { withdrawalCents: 50_00 });
    expect(s.withdrawalCents).toBe(30_00);
    expect(s.dueCents).toBe(70_00);
    expect(s.cashbackCents).toBe(7_00);
    expect(s.cardAfter).toMatchObject({ balanceCents: 7_00, paidCents: 70_00, soldCents: 100_00 });
    const small = settleVisit({
      locationId: 1,
      timeZone: 'UTC',
      now: T0,
      lines,
      certificate: { certificate: certificate({ balanceCents: 90_00 }), type: certificateType() },
      card: { card: card({ balanceCents: 500_00 }), programs: [], withdrawalCents: 500_00 },
    });
    expect(small.withdrawalCents).toBe(10_00);
    expect(small.dueCents).toBe(0);
    expect(settle(card({ balanceCents: 30_00 }), []).withdrawalCents).toBe(0);
  });
});

describe('undoing a settlement on the card', () => {
  const record = {
    soldCents: 100_00,
    paidCents: 70_00,
    withdrawalCents: 30_00,
    cashbackCents: 7_00,
    before: {
      discountPercent: 0,
      discountExpiresAt: null,
      discountBase: { visits: 0, soldCents: 0, paidCents: 0 },
    },
    after: {
      discountPercent: 10,
      discountExpiresAt: T0 + DAY,
      discountBase: { visits: 0, soldCents: 0, paidCents: 0 },
    },
  };
  it('counters, bonus and the discount this visit granted go back', () => {
    const c = card({
      visitsCount: 1,
      soldCents: 100_00,
      paidCents: 70_00,
      balanceCents: 7_00,
      discountPercent: 10,
      discountExpiresAt: T0 + DAY,
    });
    expect(cardAfterRefund(c, record)).toEqual({
      visitsCount: 0,
      soldCents: 0,
      paidCents: 0,
      balanceCents: 30_00,
      ...record.before,
    });
  });
  it('a discount changed since is kept; spent cashback refuses the refund', () => {
    const later = card({
      visitsCount: 4,
      soldCents: 400_00,
      paidCents: 300_00,
      balanceCents: 20_00,
      discountPercent: 20,
      discountExpiresAt: T0 + 9 * DAY,
    });
    expect(cardAfterRefund(later, record)).toMatchObject({
      visitsCount: 3,
      balanceCents: 43_00,
      discountPercent: 20,
      discountExpiresAt: T0 + 9 * DAY,
    });
    expect(
      cardAfterRefund(card({ balanceCents: 6_99 }), { ...record, withdrawalCents: 0 }),
    ).toBeNull();
  });
});

describe('set_period', () => {
  it('the period from the start on the wall clock, plus the days frozen', () => {
    const m = membership({ startsAt: Date.parse('2026-10-15T10:00:00Z'), freezeDaysUsed: 3 });
    // 15 Oct 12:00 CEST + 1 month = 15 Nov 12:00 CET = 11:00Z, + 3 days
    expect(new Date(expiryForPeriod(m, 1, 3, 'Europe/Berlin')).toISOString()).toBe(
      '2026-11-18T11:00:00.000Z',
    );
  });
});
