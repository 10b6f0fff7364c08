import Type from 'typebox';
import { Int, Money, TEXT_PATTERN } from '../inputs';
import { CountMeta, Envelope, Nullable, ObjectEnvelope } from '../envelope';

/** Instruments clients hold (contract §3.h object shapes), B2B and B2C reads and writes. */
const Id = () => Type.Integer({ minimum: 1, maximum: 2147483647 });

const Status = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  extended_title: Type.String(),
});
const ImageUrls = Nullable(Type.Object({ card: Type.String(), thumb: Type.String() }));

export const AbonementWire = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  balance_string: Type.String({ description: 'e.g. "Yoga (x7)"; "∞" for unlimited' }),
  is_frozen: Type.Boolean(),
  freeze_period: Type.Integer({ description: 'days of freezing still available' }),
  frozen_until: Nullable(Type.String()),
  period: Type.Integer(),
  period_unit_id: Type.Integer(),
  created_date: Type.String(),
  expiration_date: Type.String(),
  status: Status,
  is_united_balance_unlimited: Type.Boolean(),
  united_balance_services_count: Nullable(Type.Integer({ description: 'visits in total' })),
  balance: Nullable(Type.Integer({ description: 'visits remaining; null when unlimited' })),
  salon_ids: Type.Array(Type.Integer(), { description: 'where it can be used' }),
  type: Type.Object({
    id: Type.Integer(),
    salon_group_id: Type.Integer(),
    title: Type.String(),
    period: Type.Integer(),
    period_unit_id: Type.Integer(),
    allow_freeze: Type.Boolean(),
    freeze_limit: Type.Integer(),
    is_allow_empty_code: Type.Boolean(),
    is_united_balance: Type.Boolean(),
    united_balance_services_count: Type.Integer(),
    cost: Type.Number(),
    is_online_sale_enabled: Type.Boolean(),
    online_sale_price: Type.Number(),
    services: Type.Array(Type.Integer()),
    service_categories: Type.Array(Type.Integer()),
    online_sale_image: Nullable(Type.String()),
    image: ImageUrls,
  }),
});
export const AbonementEnvelope = ObjectEnvelope(AbonementWire);
export const AbonementListEnvelope = Envelope(Type.Array(AbonementWire), CountMeta);

export const CertificateWire = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  balance: Type.Number(),
  default_balance: Type.Number(),
  type_id: Type.Integer(),
  status_id: Type.Integer(),
  created_date: Type.String(),
  expiration_date: Nullable(Type.String()),
  salon_ids: Type.Array(Type.Integer()),
  type: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    balance: Type.Number(),
    is_multi: Type.Boolean(),
    company_group_id: Type.Integer(),
    item_type_id: Type.Integer(),
    expiration_type_id: Type.Integer(),
    expiration_timeout: Nullable(Type.Integer()),
    expiration_timeout_unit_id: Nullable(Type.Integer()),
    is_allow_empty_code: Type.Boolean(),
    item_type: Type.Object({ id: Type.Integer(), title: Type.String() }),
    service_ids: Type.Array(Type.Integer()),
    online_sale_image: Nullable(Type.String()),
    image: ImageUrls,
  }),
  status: Type.Object({ id: Type.Integer(), title: Type.String() }),
});
export const CertificateEnvelope = ObjectEnvelope(CertificateWire);
export const CertificateListEnvelope = Envelope(Type.Array(CertificateWire), CountMeta);

const LoyaltyType = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  is_discount: Type.Boolean(),
  is_cashback: Type.Boolean(),
  is_static: Type.Boolean(),
  is_accumulative: Type.Boolean(),
});
export const CardProgramWire = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  value: Type.Number({ description: 'the value in force for this card (percent or amount)' }),
  loyalty_type_id: Type.Integer(),
  item_type_id: Type.Integer(),
  value_unit_id: Type.Integer({ description: '1 percent, 2 amount' }),
  group_id: Type.Integer(),
  loyalty_type: LoyaltyType,
  rules: Type.Array(
    Type.Object({
      id: Type.Integer(),
      loyalty_program_id: Type.Integer(),
      loyalty_type_id: Type.Integer(),
      value: Type.Number(),
      parameter: Type.Integer(),
    }),
  ),
});

export const LoyaltyCardWire = Type.Object({
  id: Type.Integer(),
  balance: Type.Number({ description: 'bonus balance' }),
  points: Type.Number(),
  paid_amount: Type.Number(),
  sold_amount: Type.Number(),
  visits_count: Type.Integer(),
  discount: Type.Number({ description: 'standing discount percent' }),
  number: Type.String(),
  type_id: Type.Integer(),
  salon_group_id: Type.Integer(),
  type: Type.Object({ id: Type.Integer(), title: Type.String(), salon_group_id: Type.Integer() }),
  salon_group: Type.Object({ id: Type.Integer(), title: Type.String() }),
  programs: Type.Array(CardProgramWire),
});
export const LoyaltyCardEnvelope = ObjectEnvelope(LoyaltyCardWire);
export const LoyaltyCardListEnvelope = Envelope(Type.Array(LoyaltyCardWire), CountMeta);

export const InstrumentQuery = Type.Object({
  company_id: Id(),
  phone: Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN }),
});
export const UserInstrumentQuery = Type.Object({ company_id: Type.Optional(Id()) });
export const ChainInstrumentQuery = Type.Object({
  phone: Type.Optional(Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN })),
});

export const SellBody = Type.Object({
  type_id: Id(),
  phone: Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN }),
});

export const ChainItemParams = Type.Object({ group_id: Id(), item_id: Id() });
export const FreezeBody = Type.Object({
  freeze_days: Type.Integer({ minimum: 1, maximum: 3650 }),
});
/** Altegio `set_period`: the membership's own validity period. */
export const SetPeriodBody = Type.Object({
  period: Int(1, 1000),
  period_unit_id: Int(1, 4, { description: '1 day, 2 week, 3 month, 4 year' }),
});
/** Altegio `set_balance`: visits left (united balance; per-service balances are not supported). */
export const SetBalanceBody = Type.Object({
  united_balance_services_count: Int(0, 100000),
  services_balance_count: Type.Optional(
    Type.Array(Type.Object({ service_id: Int(0, 2147483647), balance: Int(0, 100000) }), {
      maxItems: 0,
      description: 'separate per-service balances: not supported (must be empty)',
    }),
  ),
});
export const ChainCardParams = Type.Object({ group_id: Id(), card_id: Id() });

export const CardCreateBody = Type.Object({
  loyalty_card_number: Type.String({ minLength: 1, maxLength: 32, pattern: TEXT_PATTERN }),
  loyalty_card_type_id: Id(),
  phone: Type.Union([
    Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN }),
    Type.Integer({ minimum: 1, maximum: 999999999999999 }),
  ]),
});
export const CardLookupParams = Type.Object({
  phone: Type.String({ minLength: 5, maxLength: 32, pattern: TEXT_PATTERN }),
  group_id: Id(),
  company_id: Id(),
});
export const CompanyCardParams = Type.Object({ company_id: Id(), card_id: Id() });
export const ClientCardsParams = Type.Object({ client_id: Id() });
export const UserCardsParams = Type.Object({ group_id: Id() });
export const ManualTransactionBody = Type.Object({
  amount: Type.Number({ minimum: -1e9, maximum: 1e9 }),
  title: Type.Optional(Type.String({ maxLength: 500, pattern: TEXT_PATTERN })),
});

export const TransactionWire = Type.Object({
  id: Type.Integer(),
  card_id: Type.Integer(),
  program_id: Nullable(Type.Integer()),
  visit_id: Nullable(Type.Integer()),
  record_id: Nullable(Type.Integer()),
  company_id: Type.Integer(),
  type: Type.String({ description: 'discount | cashback | withdrawal | manual' }),
  amount: Type.Number(),
  title: Type.String(),
  created_date: Type.String(),
});
export const TransactionListEnvelope = Envelope(Type.Array(TransactionWire), CountMeta);
export const TransactionQuery = Type.Object({ card_id: Type.Optional(Id()) });

/** Visita: paying an appointment with loyalty instruments (membership, gift card, loyalty card). */
export const VisitPaymentParams = Type.Object({ company_id: Id(), record_id: Id() });
export const VisitPaymentBody = Type.Object(
  {
    abonement_id: Type.Optional(Id()),
    certificate_id: Type.Optional(Id()),
    certificate_amount: Type.Optional(
      Type.Number({
        minimum: 0.01,
        maximum: 1e9,
        description: 'at most this much from the gift card',
      }),
    ),
    loyalty_card_id: Type.Optional(Id()),
    loyalty_card_withdrawal: Type.Optional(
      Money({
        minimum: 0.01,
        description:
          'bonus balance of the loyalty card to spend (Altegio apply_card_withdrawal): at most the balance and what is left to pay; needs loyalty_card_id',
      }),
    ),
  },
  { additionalProperties: false },
);
export const VisitPaymentWire = Type.Object({
  record_id: Type.Integer(),
  total: Type.Number(),
  abonement_covered: Type.Number(),
  discount: Type.Number(),
  certificate_amount: Type.Number(),
  loyalty_card_withdrawal: Type.Number({ description: 'bonus balance spent' }),
  due: Type.Number({ description: 'left to pay in money' }),
  cashback: Type.Number(),
  abonement: Nullable(AbonementWire),
  certificate: Nullable(CertificateWire),
  loyalty_card: Nullable(LoyaltyCardWire),
});
export const VisitPaymentEnvelope = ObjectEnvelope(VisitPaymentWire);
/** What a refund gave back (DELETE …/loyalty_payment). */
export const VisitRefundWire = Type.Object({
  record_id: Type.Integer(),
  abonement_id: Nullable(Type.Integer({ description: 'its visit was given back' })),
  certificate_id: Nullable(Type.Integer()),
  certificate_amount: Type.Number({ description: 'balance given back to the gift card' }),
  loyalty_card_id: Nullable(Type.Integer()),
  loyalty_card_withdrawal: Type.Number({ description: 'bonus given back' }),
  cashback: Type.Number({ description: 'bonus credited by the visit, taken back' }),
});
export const VisitRefundEnvelope = ObjectEnvelope(VisitRefundWire);
