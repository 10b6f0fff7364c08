import {
  derivativeKey,
  fromCents,
  isFrozen,
  isoWithOffset,
  ITEM_TYPE_TITLES,
  ruleInForce,
  type CardView,
  type Certificate,
  type CertificateType,
  type CertificateView,
  type LoyaltyCard,
  type LoyaltyCardType,
  type LoyaltyProgram,
  type Membership,
  type MembershipType,
  type MembershipView,
} from '@visita/core';

/** Chain-level objects carry instants in UTC (`+00:00`); the contract shows ISO 8601 with offset. */
const iso = (ms: number) => isoWithOffset(ms, 'UTC');
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** Public URLs of a type image's derivatives (served by GET /media/loyalty/{file}). */
export function imageUrls(publicUrl: string, key: string | null) {
  if (!key) return null;
  const base = `${publicUrl.replace(/\/$/, '')}/media/loyalty/`;
  return { card: base + derivativeKey(key, 'card'), thumb: base + derivativeKey(key, 'thumb') };
}

export function presentCertificateType(t: CertificateType, publicUrl: string) {
  const image = imageUrls(publicUrl, t.imageKey);
  return {
    id: t.id,
    title: t.title,
    balance: fromCents(t.balanceCents),
    is_multi: t.isMulti,
    company_group_id: t.chainId,
    category_id: t.categoryId,
    weight: t.weight,
    item_type_id: t.itemTypeId,
    expiration_type_id: t.expiration.typeId,
    expiration_date: isoOrNull(t.expiration.date),
    expiration_timeout: t.expiration.timeout,
    expiration_timeout_unit_id: t.expiration.timeoutUnitId,
    balance_edit_type_id: t.balanceEditTypeId,
    is_allow_empty_code: t.isAllowEmptyCode,
    is_serial_number_limited: false,
    is_archived: false,
    date_archived: null,
    online_sale_is_enabled: t.onlineSale.enabled,
    online_sale_title: t.onlineSale.title || t.title,
    online_sale_description: t.onlineSale.description,
    online_sale_price: fromCents(t.onlineSale.priceCents),
    online_sale_image: image?.card ?? null,
    image,
    released_total: t.issuedCount,
    item_type: { id: t.itemTypeId, title: ITEM_TYPE_TITLES[t.itemTypeId]! },
    service_ids: t.serviceIds,
    salon_ids: t.locationIds,
  };
}

export function presentMembershipType(t: MembershipType, publicUrl: string) {
  const image = imageUrls(publicUrl, t.imageKey);
  return {
    id: t.id,
    salon_group_id: t.chainId,
    title: t.title,
    cost: fromCents(t.priceCents),
    period: t.period,
    period_unit_id: t.periodUnitId,
    allow_freeze: t.allowFreeze,
    freeze_limit: t.freezeLimitDays,
    freeze_limit_unit_id: 1,
    is_united_balance: true,
    united_balance_services_count: t.visits ?? 0,
    is_united_balance_unlimited: t.visits === null,
    is_online_sale_enabled: t.onlineSale.enabled,
    online_sale_title: t.onlineSale.title || t.title,
    online_sale_description: t.onlineSale.description,
    online_sale_price: fromCents(t.onlineSale.priceCents),
    online_sale_image: image?.card ?? null,
    image,
    attached_salon_ids: t.locationIds,
    services: t.serviceIds,
    service_categories: t.categoryIds,
    released_total: t.issuedCount,
  };
}

export const presentCardType = (t: LoyaltyCardType) => ({
  id: t.id,
  title: t.title,
  salon_group_id: t.chainId,
  salon_ids: t.locationIds,
});

/** Membership statuses: 1 active, 2 frozen, 3 expired, 4 no visits left. */
function membershipStatus(m: Membership, now: number) {
  if (now >= m.expiresAt) return { id: 3, title: 'Expired', extended_title: 'Expired' };
  if (m.visitsRemaining === 0) return { id: 4, title: 'Used up', extended_title: 'No visits left' };
  if (isFrozen(m, now))
    return { id: 2, title: 'Frozen', extended_title: `Frozen until ${iso(m.frozenUntil!)}` };
  return { id: 1, title: 'Active', extended_title: 'Active' };
}

export function presentAbonement(
  m: Membership,
  t: MembershipType,
  usableLocationIds: number[],
  now: number,
  publicUrl: string,
) {
  const image = imageUrls(publicUrl, t.imageKey);
  return {
    id: m.id,
    number: m.number,
    balance_string: `${t.title} (x${m.visitsRemaining ?? '∞'})`,
    is_frozen: isFrozen(m, now),
    freeze_period: t.allowFreeze ? Math.max(t.freezeLimitDays - m.freezeDaysUsed, 0) : 0,
    frozen_until: isFrozen(m, now) ? iso(m.frozenUntil!) : null,
    period: m.period ?? t.period,
    period_unit_id: m.periodUnitId ?? t.periodUnitId,
    created_date: iso(m.createdAt),
    expiration_date: iso(m.expiresAt),
    status: membershipStatus(m, now),
    is_united_balance_unlimited: m.visitsTotal === null,
    united_balance_services_count: m.visitsTotal,
    balance: m.visitsRemaining,
    salon_ids: usableLocationIds,
    type: {
      id: t.id,
      salon_group_id: t.chainId,
      title: t.title,
      period: t.period,
      period_unit_id: t.periodUnitId,
      allow_freeze: t.allowFreeze,
      freeze_limit: t.freezeLimitDays,
      is_allow_empty_code: false,
      is_united_balance: true,
      united_balance_services_count: t.visits ?? 0,
      cost: fromCents(t.priceCents),
      is_online_sale_enabled: t.onlineSale.enabled,
      online_sale_price: fromCents(t.onlineSale.priceCents),
      services: t.serviceIds,
      service_categories: t.categoryIds,
      online_sale_image: image?.card ?? null,
      image,
    },
  };
}

export const presentAbonementView = (v: MembershipView, now: number, publicUrl: string) =>
  presentAbonement(
    v.membership,
    v.type,
    v.locations.map((l) => l.id),
    now,
    publicUrl,
  );

/** Certificate statuses: 1 active, 2 used up, 3 expired. */
function certificateStatus(c: Certificate, now: number) {
  if (c.expiresAt !== null && now >= c.expiresAt) return { id: 3, title: 'Expired' };
  if (c.used || c.balanceCents === 0) return { id: 2, title: 'Used' };
  return { id: 1, title: 'Active' };
}

export function presentCertificate(
  c: Certificate,
  t: CertificateType,
  usableLocationIds: number[],
  now: number,
  publicUrl: string,
) {
  const image = imageUrls(publicUrl, t.imageKey);
  const status = certificateStatus(c, now);
  return {
    id: c.id,
    number: c.number,
    balance: fromCents(c.balanceCents),
    default_balance: fromCents(c.defaultBalanceCents),
    type_id: c.typeId,
    status_id: status.id,
    created_date: iso(c.createdAt),
    expiration_date: isoOrNull(c.expiresAt),
    salon_ids: usableLocationIds,
    type: {
      id: t.id,
      title: t.title,
      balance: fromCents(t.balanceCents),
      is_multi: t.isMulti,
      company_group_id: t.chainId,
      item_type_id: t.itemTypeId,
      expiration_type_id: t.expiration.typeId,
      expiration_timeout: t.expiration.timeout,
      expiration_timeout_unit_id: t.expiration.timeoutUnitId,
      is_allow_empty_code: t.isAllowEmptyCode,
      item_type: { id: t.itemTypeId, title: ITEM_TYPE_TITLES[t.itemTypeId]! },
      service_ids: t.serviceIds,
      online_sale_image: image?.card ?? null,
      image,
    },
    status,
  };
}

export const presentCertificateView = (v: CertificateView, now: number, publicUrl: string) =>
  presentCertificate(
    v.certificate,
    v.type,
    v.locations.map((l) => l.id),
    now,
    publicUrl,
  );

/** Altegio's loyalty type ids: 1 static discount, 2 accumulative discount, 3..: cashback variants. */
export function loyaltyTypeOf(p: LoyaltyProgram) {
  const isDiscount = p.type.startsWith('discount_');
  const isStatic = p.type.includes('_static');
  const id = isDiscount ? (isStatic ? 1 : 2) : isStatic ? 3 : 4;
  return {
    id,
    title: p.type,
    is_discount: isDiscount,
    is_cashback: !isDiscount,
    is_static: isStatic,
    is_accumulative: !isStatic,
  };
}

export function presentCardProgram(p: LoyaltyProgram, card: LoyaltyCard) {
  const type = loyaltyTypeOf(p);
  return {
    id: p.id,
    title: p.title,
    value: ruleInForce(p, card)?.value ?? 0,
    loyalty_type_id: type.id,
    item_type_id:
      p.serviceItemType === 'any_allowed' ? 0 : p.serviceItemType === 'custom_allowed' ? 3 : 2,
    value_unit_id: p.valueUnit === 'percent' ? 1 : 2,
    group_id: p.chainId,
    loyalty_type: type,
    rules: p.rules.map((r) => ({
      id: r.id,
      loyalty_program_id: p.id,
      loyalty_type_id: type.id,
      value: r.value,
      parameter: r.parameter,
    })),
  };
}

export function presentLoyaltyCard(v: CardView) {
  const c = v.card;
  return {
    id: c.id,
    balance: fromCents(c.balanceCents),
    points: 0,
    paid_amount: fromCents(c.paidCents),
    sold_amount: fromCents(c.soldCents),
    visits_count: c.visitsCount,
    discount: c.discountPercent,
    number: c.number,
    type_id: c.typeId,
    salon_group_id: c.chainId,
    type: { id: v.type.id, title: v.type.title, salon_group_id: c.chainId },
    salon_group: { id: c.chainId, title: v.issuer.chainTitle },
    programs: v.programs.map((p) => presentCardProgram(p, c)),
  };
}
