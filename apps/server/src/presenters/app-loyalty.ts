import {
  fromCents,
  isoWithOffset,
  ITEM_TYPE_TITLES,
  ruleInForce,
  type CardView,
  type CertificateType,
  type CertificateView,
  type Issuer,
  type MembershipType,
  type MembershipView,
  type Payment,
} from '@visita/core';
import { imageUrls } from './loyalty';

const zoneOf = (issuer: Issuer) => issuer.mainLocation?.timezone ?? 'UTC';
const issuerOf = (issuer: Issuer) => ({
  chain_id: issuer.chainId,
  title: issuer.chainTitle,
  logo: issuer.mainLocation?.logo ?? '',
});
const places = (locations: { id: number; title: string }[]) =>
  locations.map((l) => ({ id: l.id, title: l.title }));

export function presentAppMembership(v: MembershipView, publicUrl: string) {
  const m = v.membership;
  const tz = zoneOf(v.issuer);
  return {
    id: m.id,
    number: m.number,
    title: v.type.title,
    issuer: issuerOf(v.issuer),
    image: imageUrls(publicUrl, v.type.imageKey),
    visits_total: m.visitsTotal,
    visits_remaining: m.visitsRemaining,
    valid_from: isoWithOffset(m.startsAt, tz),
    valid_until: isoWithOffset(m.expiresAt, tz),
    frozen: v.frozen,
    frozen_until: v.frozen && m.frozenUntil !== null ? isoWithOffset(m.frozenUntil, tz) : null,
    expiring_soon: v.expiringSoon,
    expired: v.expired,
    freeze_allowed: v.type.allowFreeze,
    freeze_days_left: v.type.allowFreeze
      ? Math.max(v.type.freezeLimitDays - m.freezeDaysUsed, 0)
      : 0,
    service_ids: v.type.serviceIds,
    category_ids: v.type.categoryIds,
    locations: places(v.locations),
  };
}

export function presentAppGiftCard(v: CertificateView, publicUrl: string) {
  const c = v.certificate;
  const tz = zoneOf(v.issuer);
  return {
    id: c.id,
    number: c.number,
    title: v.type.title,
    issuer: issuerOf(v.issuer),
    image: imageUrls(publicUrl, v.type.imageKey),
    face_value: fromCents(c.defaultBalanceCents),
    balance: fromCents(c.balanceCents),
    currency: v.issuer.mainLocation?.currency ?? 'EUR',
    multiple_use: c.isMulti,
    used: c.used || c.balanceCents === 0,
    applies_to: ITEM_TYPE_TITLES[v.type.itemTypeId]!,
    item_type_id: v.type.itemTypeId,
    service_ids: v.type.serviceIds,
    valid_until: c.expiresAt === null ? null : isoWithOffset(c.expiresAt, tz),
    expiring_soon: v.expiringSoon,
    expired: v.expired,
    locations: places(v.locations),
  };
}

export function presentAppLoyaltyCard(v: CardView) {
  const c = v.card;
  return {
    id: c.id,
    number: c.number,
    title: v.type.title,
    issuer: issuerOf(v.issuer),
    bonus_balance: fromCents(c.balanceCents),
    // The nearest expiry of bonus still held and how much of it expires then.
    bonus_expires_at: c.bonusExpiresAt ? isoWithOffset(c.bonusExpiresAt, zoneOf(v.issuer)) : null,
    bonus_expiring_amount: fromCents(c.bonusExpiringCents ?? 0),
    discount_percent: c.discountPercent,
    discount_expires_at:
      c.discountExpiresAt === null ? null : isoWithOffset(c.discountExpiresAt, zoneOf(v.issuer)),
    visits_count: c.visitsCount,
    promotions: v.programs.map((p) => ({
      id: p.id,
      title: p.title,
      type: p.type,
      value: ruleInForce(p, c)?.value ?? 0,
      value_unit: p.valueUnit,
    })),
  };
}

const UNIT_NAMES = { 1: 'day', 2: 'week', 3: 'month', 4: 'year' } as const;
type PeriodUnit = (typeof UNIT_NAMES)[keyof typeof UNIT_NAMES];
const unitOf = (unitId: number): PeriodUnit =>
  UNIT_NAMES[unitId as keyof typeof UNIT_NAMES] ?? 'day';
const span = (n: number, unit: number) => `${n} ${unitOf(unit)}${n === 1 ? '' : 's'}`;
const period = (amount: number, unitId: number) => ({ amount, unit: unitOf(unitId) });

export function presentMembershipOffer(t: MembershipType, currency: string, publicUrl: string) {
  return {
    kind: 'membership' as const,
    type_id: t.id,
    title: t.onlineSale.title || t.title,
    description: t.onlineSale.description,
    price: fromCents(t.onlineSale.priceCents || t.priceCents),
    currency,
    image: imageUrls(publicUrl, t.imageKey),
    visits: t.visits,
    face_value: null,
    validity: span(t.period, t.periodUnitId),
    valid_for: { period: period(t.period, t.periodUnitId), until: null },
  };
}

export function presentCertificateOffer(t: CertificateType, currency: string, publicUrl: string) {
  const e = t.expiration;
  const until =
    e.typeId === 1 && e.date !== null ? new Date(e.date).toISOString().slice(0, 10) : null;
  const fromSale =
    e.typeId === 2 && e.timeout && e.timeoutUnitId ? period(e.timeout, e.timeoutUnitId) : null;
  const validity = until
    ? `until ${until}`
    : fromSale
      ? span(fromSale.amount, e.timeoutUnitId!)
      : 'no expiry';
  return {
    kind: 'certificate' as const,
    type_id: t.id,
    title: t.onlineSale.title || t.title,
    description: t.onlineSale.description,
    price: fromCents(t.onlineSale.priceCents || t.balanceCents),
    currency,
    image: imageUrls(publicUrl, t.imageKey),
    visits: null,
    face_value: fromCents(t.balanceCents),
    validity,
    valid_for: { period: fromSale, until },
  };
}

export const presentPurchase = (p: Payment, checkoutUrl: string) => ({
  payment_id: p.id,
  checkout_url: checkoutUrl,
  status: p.status,
  amount: fromCents(p.amountCents),
  currency: p.currency,
  title: p.title,
  item_id: p.issuedItemId,
});
