import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  certificateExpiry,
  DomainError,
  freezeMembership,
  isExpiringSoon,
  programCashback,
  programDiscount,
  redeemCertificate,
  ruleInForce,
  settleVisit,
  unfreezeMembership,
  useMembershipForVisit,
} from '../../src';
import {
  card,
  certificate,
  certificateType,
  DAY,
  membership,
  membershipType,
  program,
  T0,
} from './fixtures';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
};

describe('periods on the location clock', () => {
  it('a month from 31 January ends on the last day of February at the same wall time', () => {
    const sold = Date.parse('2027-01-31T17:00:00Z'); // 18:00 in Berlin
    expect(new Date(addPeriod(sold, 1, 3, 'Europe/Berlin')).toISOString()).toBe(
      '2027-02-28T17:00:00.000Z',
    );
  });
  it('a week across the spring DST change keeps the wall time (one hour less in UTC)', () => {
    const sold = Date.parse('2027-03-25T09:00:00Z'); // 10:00 CET
    expect(new Date(addPeriod(sold, 1, 2, 'Europe/Berlin')).toISOString()).toBe(
      '2027-04-01T08:00:00.000Z',
    );
  });
  it('certificate expiry: none, fixed date, period from sale', () => {
    expect(certificateExpiry(certificateType(), T0, 'UTC')).toBeNull();
    const fixed = Date.parse('2027-06-30T21:59:59Z');
    expect(
      certificateExpiry(
        certificateType({
          expiration: { typeId: 1, date: fixed, timeout: null, timeoutUnitId: null },
        }),
        T0,
        'UTC',
      ),
    ).toBe(fixed);
    expect(
      certificateExpiry(
        certificateType({ expiration: { typeId: 2, date: null, timeout: 6, timeoutUnitId: 3 } }),
        T0,
        'UTC',
      ),
    ).toBe(Date.parse('2027-06-01T10:00:00Z'));
  });
  it('expiring soon means within 14 days, not already expired', () => {
    expect(isExpiringSoon(T0 + 13 * DAY, T0)).toBe(true);
    expect(isExpiringSoon(T0 + 15 * DAY, T0)).toBe(false);
    expect(isExpiringSoon(T0 - 1, T0)).toBe(false);
    expect(isExpiringSoon(null, T0)).toBe(false);
  });
});

describe('membership visits', () => {
  const visit = (over = {}) => ({
    locationId: 1,
    services: [{ serviceId: 5, categoryId: null }],
    now: T0,
    ...over,
  });
  it('a covered visit uses exactly one visit, even with two covered services', () => {
    const r = useMembershipForVisit(membership({ visitsRemaining: 3 }), membershipType(), {
      ...visit(),
      services: [
        { serviceId: 5, categoryId: null },
        { serviceId: 6, categoryId: 9 },
      ],
    });
    expect(r.visitsRemaining).toBe(2);
    expect(r.covered).toEqual([true, true]);
  });
  it('unlimited memberships stay unlimited', () => {
    const r = useMembershipForVisit(
      membership({ visitsTotal: null, visitsRemaining: null }),
      membershipType({ visits: null }),
      visit(),
    );
    expect(r.visitsRemaining).toBeNull();
  });
  it('refuses: no visits left, expired, frozen, other location, uncovered service', () => {
    expect(
      code(() =>
        useMembershipForVisit(membership({ visitsRemaining: 0 }), membershipType(), visit()),
      ),
    ).toMatch(/no visits left/);
    expect(
      code(() => useMembershipForVisit(membership({ expiresAt: T0 }), membershipType(), visit())),
    ).toMatch(/expired/);
    expect(
      code(() =>
        useMembershipForVisit(
          membership({ frozenAt: T0 - DAY, frozenUntil: T0 + DAY }),
          membershipType(),
          visit(),
        ),
      ),
    ).toMatch(/frozen/);
    expect(
      code(() =>
        useMembershipForVisit(membership(), membershipType({ locationIds: [2] }), visit()),
      ),
    ).toMatch(/location/);
    expect(
      code(() =>
        useMembershipForVisit(
          membership(),
          membershipType(),
          visit({ services: [{ serviceId: 77, categoryId: 1 }] }),
        ),
      ),
    ).toMatch(/does not cover/);
  });
});

describe('freezing', () => {
  it('freezes within the limit and moves the end date by the frozen days', () => {
    const m = membership();
    const f = freezeMembership(m, membershipType({ freezeLimitDays: 14 }), 10, T0);
    expect(f.frozenUntil).toBe(T0 + 10 * DAY);
    expect(f.expiresAt).toBe(m.expiresAt + 10 * DAY);
    expect(f.freezeDaysUsed).toBe(10);
  });
  it('refuses more days than are left, and types without freezing', () => {
    expect(
      code(() => freezeMembership(membership({ freezeDaysUsed: 10 }), membershipType(), 5, T0)),
    ).toBe('validation_failed: The membership can be frozen for at most 4 more day(s)');
    expect(
      code(() => freezeMembership(membership(), membershipType({ allowFreeze: false }), 1, T0)),
    ).toMatch(/cannot be frozen/);
  });
  it('unfreezing early gives the unused whole days back', () => {
    const m = membership();
    const frozen = { ...m, ...freezeMembership(m, membershipType(), 10, T0) };
    const u = unfreezeMembership(frozen, T0 + 3 * DAY + 1000);
    expect(u.freezeDaysUsed).toBe(4); // 6 whole days unused
    expect(u.expiresAt).toBe(m.expiresAt + 4 * DAY);
    expect(u.frozenAt).toBeNull();
    expect(code(() => unfreezeMembership(m, T0))).toMatch(/not frozen/);
  });
});

describe('certificate redemption never overdraws', () => {
  const at = (over = {}) => ({ locationId: 1, eligibleCents: 80_00, now: T0, ...over });
  it('pays at most the balance; a multi-use card keeps the rest', () => {
    expect(
      redeemCertificate(certificate({ balanceCents: 30_00 }), certificateType(), at()),
    ).toEqual({
      amountCents: 30_00,
      balanceAfterCents: 0,
      used: true,
    });
    expect(
      redeemCertificate(certificate(), certificateType(), at({ eligibleCents: 20_00 })),
    ).toEqual({
      amountCents: 20_00,
      balanceAfterCents: 30_00,
      used: false,
    });
    expect(
      redeemCertificate(certificate(), certificateType(), at({ requestedCents: 5_00 }))
        .balanceAfterCents,
    ).toBe(45_00);
  });
  it('a single-use card is spent by one use', () => {
    const r = redeemCertificate(
      certificate({ isMulti: false }),
      certificateType({ isMulti: false }),
      at({ eligibleCents: 20_00 }),
    );
    expect(r).toEqual({ amountCents: 20_00, balanceAfterCents: 0, used: true });
  });
  it('refuses expired, used up, wrong location, nothing eligible', () => {
    expect(
      code(() => redeemCertificate(certificate({ expiresAt: T0 }), certificateType(), at())),
    ).toMatch(/expired/);
    expect(
      code(() => redeemCertificate(certificate({ balanceCents: 0 }), certificateType(), at())),
    ).toMatch(/used up/);
    expect(
      code(() => redeemCertificate(certificate(), certificateType({ locationIds: [9] }), at())),
    ).toMatch(/location/);
    expect(
      code(() => redeemCertificate(certificate(), certificateType(), at({ eligibleCents: 0 }))),
    ).toMatch(/does not apply/);
  });
});

describe('programs', () => {
  const lines = [
    { serviceId: 5, categoryId: 9, costCents: 60_00 },
    { serviceId: 6, categoryId: 3, costCents: 40_00 },
  ];
  it('static percent discount on all services', () => {
    expect(programDiscount(program(), card(), lines)).toEqual({
      discountCents: 10_00,
      percent: 10,
    });
  });
  it('custom_allowed applies only to listed services or categories', () => {
    const byCategory = program({
      serviceItemType: 'custom_allowed',
      allowedServiceCategoryIds: [3],
    });
    expect(programDiscount(byCategory, card(), lines).discountCents).toBe(4_00);
    const byService = program({ serviceItemType: 'custom_allowed', allowedServiceIds: [5] });
    expect(programDiscount(byService, card(), lines).discountCents).toBe(6_00);
  });
  it('a listed service id never matches a category with the same number (separate lists)', () => {
    const p = program({ serviceItemType: 'custom_allowed', allowedServiceIds: [3] });
    expect(programDiscount(p, card(), lines).discountCents).toBe(0);
    const c = program({ serviceItemType: 'custom_allowed', allowedServiceCategoryIds: [5] });
    expect(programDiscount(c, card(), lines).discountCents).toBe(0);
  });
  it('accumulative discount takes the highest threshold reached', () => {
    const p = program({
      type: 'discount_accumulative_paid',
      rules: [
        { id: 1, parameter: 10, value: 2.5, serviceId: 0 },
        { id: 2, parameter: 30, value: 7.5, serviceId: 0 },
      ],
    });
    expect(ruleInForce(p, card({ paidCents: 9_99 }))).toBeNull();
    expect(ruleInForce(p, card({ paidCents: 29_99 }))?.value).toBe(2.5);
    expect(ruleInForce(p, card({ paidCents: 30_00 }))?.value).toBe(7.5);
  });
  it('cashback on paid money: percent of the share paid in money; fixed amount', () => {
    const p = program({
      type: 'cashback_static_paid',
      rules: [{ id: 1, parameter: 0, value: 5, serviceId: 0 }],
    });
    expect(programCashback(p, card(), lines, 0.5)).toBe(2_50);
    expect(programCashback({ ...p, valueUnit: 'amount' }, card(), lines, 1)).toBe(5_00);
    const sold = program({
      type: 'cashback_static_sold',
      rules: [{ id: 1, parameter: 0, value: 5, serviceId: 0 }],
    });
    expect(programCashback(sold, card(), lines, 0)).toBe(5_00);
  });
});

describe('settling a visit', () => {
  const lines = [
    { serviceId: 5, categoryId: null, costCents: 60_00 },
    { serviceId: 6, categoryId: 3, costCents: 40_00 },
  ];
  it('membership covers its service, discount, certificate, then cashback on money paid', () => {
    const s = settleVisit({
      locationId: 1,
      timeZone: 'Europe/Berlin',
      now: T0,
      lines,
      membership: { membership: membership({ visitsRemaining: 2 }), type: membershipType() },
      certificate: { certificate: certificate({ balanceCents: 10_00 }), type: certificateType() },
      card: {
        card: card(),
        programs: [
          program({ id: 1 }),
          program({
            id: 2,
            type: 'cashback_static_paid',
            rules: [{ id: 9, parameter: 0, value: 10, serviceId: 0 }],
          }),
        ],
      },
    });
    expect(s.membershipVisitsRemaining).toBe(1);
    expect(s.membershipCoveredCents).toBe(60_00);
    expect(s.discountCents).toBe(4_00); // 10% of the 40 left
    expect(s.certificateAmountCents).toBe(10_00);
    expect(s.dueCents).toBe(26_00);
    expect(s.cashbackCents).toBe(2_60);
    expect(s.cardAfter).toMatchObject({
      visitsCount: 1,
      paidCents: 26_00,
      soldCents: 36_00,
      balanceCents: 2_60,
    });
  });
  it('reaching an accumulative threshold raises the standing discount', () => {
    const p = program({
      type: 'discount_accumulative_paid',
      rules: [{ id: 1, parameter: 100, value: 5, serviceId: 0 }],
    });
    const s = settleVisit({
      locationId: 1,
      timeZone: 'Europe/Berlin',
      now: T0,
      lines,
      card: { card: card({ paidCents: 50_00 }), programs: [p] },
    });
    expect(s.discountCents).toBe(0);
    expect(s.cardAfter?.discountPercent).toBe(5);
    expect(s.discountRaised).toBe(true);
  });
  it('programs of other card types or locations do not apply', () => {
    const s = settleVisit({
      locationId: 1,
      timeZone: 'Europe/Berlin',
      now: T0,
      lines,
      card: {
        card: card(),
        programs: [program({ cardTypeIds: [99] }), program({ locationIds: [2] })],
      },
    });
    expect(s.discountCents).toBe(0);
    expect(s.dueCents).toBe(100_00);
  });
});
