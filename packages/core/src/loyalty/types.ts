/**
 * Loyalty instruments and their chain-level types (contract §3.h). Money is integer cents in
 * the domain (no float drift when a balance is drawn down in many steps); the wire and the
 * database use decimal currency units.
 */
export type PeriodUnit = 1 | 2 | 3 | 4; // day, week, month, year

export interface OnlineSale {
  enabled: boolean;
  title: string;
  description: string;
  priceCents: number;
}

export interface MembershipType {
  id: number;
  chainId: number;
  title: string;
  /** null: unlimited visits within the validity period. */
  visits: number | null;
  serviceIds: number[];
  categoryIds: number[];
  period: number;
  periodUnitId: PeriodUnit;
  allowFreeze: boolean;
  /** Days a membership of this type may spend frozen in total. */
  freezeLimitDays: number;
  priceCents: number;
  locationIds: number[];
  onlineSale: OnlineSale;
  imageKey: string | null;
  issuedCount: number;
}

export type MembershipTypeInput = Omit<
  MembershipType,
  'id' | 'chainId' | 'imageKey' | 'issuedCount'
>;

/** 0 any item, 1 services only, 2 goods only, 3 the listed services, 4 services of a category. */
export type CertificateItemType = 0 | 1 | 2 | 3 | 4;
export type ExpirationType = 0 | 1 | 2; // none, fixed date, period from sale

export interface CertificateExpiration {
  typeId: ExpirationType;
  /** Fixed date (type 1), epoch ms. */
  date: number | null;
  timeout: number | null;
  timeoutUnitId: PeriodUnit | null;
}

export interface CertificateType {
  id: number;
  chainId: number;
  title: string;
  balanceCents: number;
  isMulti: boolean;
  itemTypeId: CertificateItemType;
  categoryId: number | null;
  serviceIds: number[];
  locationIds: number[];
  expiration: CertificateExpiration;
  balanceEditTypeId: 1 | 2;
  isAllowEmptyCode: boolean;
  onlineSale: OnlineSale;
  imageKey: string | null;
  weight: number;
  issuedCount: number;
}

export type CertificateTypeInput = Omit<
  CertificateType,
  'id' | 'chainId' | 'imageKey' | 'issuedCount' | 'weight'
>;

export interface Membership {
  id: number;
  chainId: number;
  typeId: number;
  number: string;
  phone: string;
  soldLocationId: number;
  visitsTotal: number | null;
  visitsRemaining: number | null;
  startsAt: number;
  expiresAt: number;
  frozenAt: number | null;
  frozenUntil: number | null;
  freezeDaysUsed: number;
  /** Its own validity period after a `set_period` (null: the type's). */
  period: number | null;
  periodUnitId: PeriodUnit | null;
  createdAt: number;
}

export interface Certificate {
  id: number;
  chainId: number;
  typeId: number;
  number: string;
  phone: string;
  soldLocationId: number;
  defaultBalanceCents: number;
  balanceCents: number;
  isMulti: boolean;
  used: boolean;
  expiresAt: number | null;
  createdAt: number;
}

export interface LoyaltyCardType {
  id: number;
  chainId: number;
  title: string;
  locationIds: number[];
}

/** A bonus credited to a card: what is left of it, and when it expires (null: never). */
export interface BonusLot {
  id: number;
  amountCents: number;
  remainingCents: number;
  expiresAt: number | null;
}

export interface LoyaltyCard {
  id: number;
  chainId: number;
  typeId: number;
  number: string;
  phone: string;
  /**
   * Bonus (cashback) balance: as stored, the sum of the live lots' remainders; after `cardAt`,
   * only the lots not expired at that moment.
   */
  balanceCents: number;
  /** The card's live bonus lots (undefined: the balance has no lots and does not expire). */
  bonusLots?: BonusLot[] | undefined;
  /** After `cardAt`: the nearest expiry of bonus still held, and how much expires then. */
  bonusExpiresAt?: number | null | undefined;
  bonusExpiringCents?: number | undefined;
  discountPercent: number;
  paidCents: number;
  soldCents: number;
  visitsCount: number;
  /** When the granted accumulative discount stops (null: it does not expire / none granted). */
  discountExpiresAt: number | null;
  /**
   * The counters the accumulative discount programs count from: zero, or the card's totals at
   * the moment its last discount expired (the client accumulates again from there).
   */
  discountBase: { visits: number; soldCents: number; paidCents: number };
  createdAt: number;
}

/** The part of a card a settlement's discount rules change, kept to undo it on a refund. */
export type CardDiscountState = Pick<
  LoyaltyCard,
  'discountPercent' | 'discountExpiresAt' | 'discountBase'
>;

export const PROGRAM_TYPES = [
  'discount_static',
  'discount_accumulative_visits',
  'discount_accumulative_sold',
  'discount_accumulative_paid',
  'cashback_static_sold',
  'cashback_static_paid',
  'cashback_accumulative_paid',
  'cashback_accumulative_sold',
  'cashback_accumulative_paid_visits',
  'cashback_accumulative_sold_visits',
] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];
export type ItemApplicability = 'any_allowed' | 'not_allowed' | 'custom_allowed';

export interface ProgramRule {
  id: number;
  /** Threshold (visits, or currency units sold/paid); 0 for static programs. */
  parameter: number;
  /** Percent, or currency units when the program's unit is `amount`. */
  value: number;
  serviceId: number;
}

export interface NotificationTemplate {
  id: number;
  type: string;
  body: string;
  messageType: string;
}

export interface LoyaltyProgram {
  id: number;
  chainId: number;
  title: string;
  type: ProgramType;
  serviceItemType: ItemApplicability;
  goodItemType: ItemApplicability;
  valueUnit: 'percent' | 'amount';
  allowedServiceIds: number[];
  /** Service categories it acts on when `custom_allowed` (a Visita list, explicit where an id given before migration 0071 is also a service's). */
  allowedServiceCategoryIds: number[];
  allowedGoodIds: number[];
  allowedGoodCategoryIds: number[];
  usageLimit: number;
  visitMultiplicity: number;
  soldItemsMultiplicity: number;
  expirationTimeout: number;
  expirationTimeoutUnit: 'day' | 'week' | 'month' | 'year' | null;
  expirationNotificationTimeout: number;
  paramsSourceType: 'loyalty_card' | 'active_companies' | 'chain';
  historyStartDate: string | null;
  locationIds: number[];
  cardTypeIds: number[];
  rules: ProgramRule[];
  onChangedTemplate: NotificationTemplate | null;
  onExpirationTemplate: NotificationTemplate | null;
}

export type LoyaltyProgramInput = Omit<
  LoyaltyProgram,
  'id' | 'chainId' | 'rules' | 'onChangedTemplate' | 'onExpirationTemplate'
> & {
  rules: Omit<ProgramRule, 'id'>[];
  onChangedTemplate: { type: string; body: string } | null;
  onExpirationTemplate: { type: string; body: string } | null;
};
