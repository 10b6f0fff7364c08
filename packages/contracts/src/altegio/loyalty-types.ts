import Type from 'typebox';
import { DATE_PATTERN, DATE_TIME_PATTERN, TEXT_PATTERN } from '../inputs';
import { Envelope, CountMeta, Nullable, ObjectEnvelope } from '../envelope';

/** Chain-level loyalty types (contract §3.h and the seed's certificate type / promotion bodies). */
const Id = () => Type.Integer({ minimum: 1, maximum: 2147483647 });
const Ids = Type.Array(Id(), { maxItems: 500 });
const Money = (description?: string) =>
  Type.Number({ minimum: 0, maximum: 1e9, ...(description ? { description } : {}) });
const Unit = Type.Integer({
  minimum: 1,
  maximum: 4,
  description: '1 day, 2 week, 3 month, 4 year',
});

export const ChainTypeParams = Type.Object({ group_id: Id(), type_id: Id() });

/** Certificate type: the seed's `PUT /chain/{chain_id}/loyalty/certificate_types/{type_id}` body. */
export const CertificateTypeBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
  balance: Type.Number({ minimum: 0.01, maximum: 1e9, description: 'face value' }),
  is_multi: Type.Boolean({ description: 'true = multiple use, false = single use' }),
  item_type_id: Type.Integer({
    minimum: 0,
    maximum: 4,
    description:
      'usage restrictions: 0 any services and goods, 1 services only, 2 goods only, 3 the services in service_ids, 4 services of category_id',
  }),
  is_allow_empty_code: Type.Boolean(),
  balance_edit_type_id: Type.Integer({ minimum: 1, maximum: 2, description: '1 editable, 2 not' }),
  service_ids: Ids,
  salon_ids: Type.Array(Id(), {
    maxItems: 500,
    description: 'locations where it is valid; empty = all',
  }),
  expiration: Type.Object({
    type_id: Type.Integer({
      minimum: 0,
      maximum: 2,
      description: '0 none, 1 fixed date, 2 period from sale',
    }),
    date: Type.Optional(
      Nullable(Type.String({ format: 'date-time', maxLength: 40, pattern: DATE_TIME_PATTERN })),
    ),
    timeout: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
    timeout_unit_id: Type.Optional(Nullable(Unit)),
  }),
  online_sale: Type.Object({
    is_enabled: Type.Boolean(),
    title: Type.Optional(Type.String({ maxLength: 200, pattern: TEXT_PATTERN })),
    description: Type.Optional(Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })),
    price: Type.Optional(Money()),
  }),
  category_id: Type.Optional(Nullable(Id())),
});

const ImageUrls = Nullable(
  Type.Object({
    card: Type.String({ description: 'horizontal card image (up to 864×552 WebP)' }),
    thumb: Type.String({ description: '288×184 WebP' }),
  }),
);

export const CertificateTypeWire = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  balance: Type.Number(),
  is_multi: Type.Boolean(),
  company_group_id: Type.Integer(),
  category_id: Nullable(Type.Integer()),
  weight: Type.Integer(),
  item_type_id: Type.Integer(),
  expiration_type_id: Type.Integer(),
  expiration_date: Nullable(Type.String()),
  expiration_timeout: Nullable(Type.Integer()),
  expiration_timeout_unit_id: Nullable(Type.Integer()),
  balance_edit_type_id: Type.Integer(),
  is_allow_empty_code: Type.Boolean(),
  is_serial_number_limited: Type.Boolean(),
  is_archived: Type.Boolean(),
  date_archived: Type.Null(),
  online_sale_is_enabled: Type.Boolean(),
  online_sale_title: Type.String(),
  online_sale_description: Type.String(),
  online_sale_price: Type.Number(),
  online_sale_image: Nullable(Type.String()),
  image: ImageUrls,
  released_total: Type.Integer({ description: 'certificates issued of this type' }),
  item_type: Type.Object({ id: Type.Integer(), title: Type.String() }),
  service_ids: Type.Array(Type.Integer()),
  salon_ids: Type.Array(Type.Integer()),
});
export const CertificateTypeEnvelope = ObjectEnvelope(CertificateTypeWire);
export const CertificateTypeListEnvelope = Envelope(Type.Array(CertificateTypeWire), CountMeta);

/** Membership (abonement) type: the contract's `POST /chain/{chain_id}/loyalty/abonement_types` body. */
export const MembershipTypeBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
  cost: Money('price at the desk'),
  salon_ids: Type.Optional(
    Type.Array(Id(), { maxItems: 500, description: 'empty = every location' }),
  ),
  period: Type.Integer({ minimum: 1, maximum: 1000 }),
  period_unit_id: Unit,
  allow_freeze: Type.Optional(Type.Boolean({ default: false })),
  freeze_limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, description: 'days' })),
  is_united_balance: Type.Optional(Type.Boolean()),
  united_balance_services_count: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 100000, description: 'visits' }),
  ),
  is_united_balance_unlimited: Type.Optional(
    Type.Boolean({ description: 'Visita: unlimited visits within the period' }),
  ),
  is_online_sale_enabled: Type.Optional(Type.Boolean()),
  online_sale_title: Type.Optional(Type.String({ maxLength: 200, pattern: TEXT_PATTERN })),
  online_sale_description: Type.Optional(Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })),
  online_sale_price: Type.Optional(Money()),
  services: Type.Optional(Ids),
  service_categories: Type.Optional(Ids),
});

export const MembershipTypeWire = Type.Object({
  id: Type.Integer(),
  salon_group_id: Type.Integer(),
  title: Type.String(),
  cost: Type.Number(),
  period: Type.Integer(),
  period_unit_id: Type.Integer(),
  allow_freeze: Type.Boolean(),
  freeze_limit: Type.Integer(),
  freeze_limit_unit_id: Type.Integer(),
  is_united_balance: Type.Boolean(),
  united_balance_services_count: Type.Integer(),
  is_united_balance_unlimited: Type.Boolean(),
  is_online_sale_enabled: Type.Boolean(),
  online_sale_title: Type.String(),
  online_sale_description: Type.String(),
  online_sale_price: Type.Number(),
  online_sale_image: Nullable(Type.String()),
  image: ImageUrls,
  attached_salon_ids: Type.Array(Type.Integer()),
  attached_location_ids: Type.Array(Type.Integer()),
  services: Type.Array(Type.Integer()),
  service_categories: Type.Array(Type.Integer()),
  released_total: Type.Integer(),
  abonements_count: Type.Integer({ description: 'memberships issued (= released_total)' }),
  // Documented Altegio fields Visita does not model: their neutral values.
  autoactivation_time: Type.Integer(),
  autoactivation_time_unit_id: Type.Integer(),
  availability: Type.Array(
    Type.Object({ week_days: Type.Array(Type.Integer()), intervals: Type.Array(Type.Object({})) }),
    { description: 'always empty: any time (availability windows are not modelled)' },
  ),
  balance_container: Type.Object({ links: Type.Array(Type.Object({})) }),
  balance_edit_type_id: Type.Integer(),
  category: Nullable(Type.Object({})),
  category_id: Nullable(Type.Integer()),
  chain_price_min: Type.Number(),
  chain_price_max: Type.Number(),
  date_archived: Nullable(Type.String()),
  expiration_type_id: Type.Integer(),
  expiration_type_title: Type.String(),
  is_allow_empty_code: Type.Boolean(),
  is_archived: Type.Boolean(),
  is_booking_when_frozen_allowed: Type.Boolean(),
  is_chain: Type.Boolean(),
  is_code_required: Type.Boolean(),
  service_price_correction: Type.Boolean(),
  weight: Type.Integer(),
});
export const MembershipTypeEnvelope = ObjectEnvelope(MembershipTypeWire);
export const MembershipTypeListEnvelope = Envelope(Type.Array(MembershipTypeWire), CountMeta);

export const CardTypeBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
  salon_ids: Type.Optional(Type.Array(Id(), { maxItems: 500 })),
});
export const CardTypeWire = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  salon_group_id: Type.Integer(),
  salon_ids: Type.Array(Type.Integer()),
});
export const CardTypeEnvelope = ObjectEnvelope(CardTypeWire);
export const CardTypeListEnvelope = Envelope(Type.Array(CardTypeWire), CountMeta);

const ItemType = Type.Union([
  Type.Literal('any_allowed'),
  Type.Literal('not_allowed'),
  Type.Literal('custom_allowed'),
]);
const TemplateBody = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 50, pattern: TEXT_PATTERN }),
  body: Type.Optional(Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })),
});

/** The seed's "Create a Chain Promotion" body. */
export const ProgramBody = Type.Object({
  company_ids: Type.Array(Id(), { maxItems: 500 }),
  good_item_type: ItemType,
  rules: Type.Array(
    Type.Object({
      parameter: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9 })),
      value: Type.Number({ minimum: 0, maximum: 1e9 }),
      service_id: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
    }),
    { minItems: 1, maxItems: 50 },
  ),
  service_item_type: ItemType,
  title: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
  type: Type.Union(
    [
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
    ].map((t) => Type.Literal(t)),
  ),
  value_unit: Type.Union([Type.Literal('percent'), Type.Literal('amount')]),
  usage_limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
  visit_multiplicity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
  sold_items_multiplicity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
  expiration_timeout: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  expiration_timeout_unit: Type.Optional(
    Nullable(Type.Union(['day', 'week', 'month', 'year'].map((u) => Type.Literal(u)))),
  ),
  expiration_notification_timeout: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  params_source_type: Type.Optional(
    Type.Union(['loyalty_card', 'active_companies', 'chain'].map((u) => Type.Literal(u))),
  ),
  history_start_date: Type.Optional(
    Nullable(Type.String({ format: 'date', maxLength: 10, pattern: DATE_PATTERN })),
  ),
  loyalty_card_type_ids: Type.Optional(Type.Array(Id(), { maxItems: 500 })),
  on_changed_notification_template: Type.Optional(Nullable(TemplateBody)),
  on_expiration_notification_template: Type.Optional(Nullable(TemplateBody)),
  allowed_service_ids: Type.Optional(Ids),
  allowed_service_category_ids: Type.Optional(
    Type.Array(Id(), {
      maxItems: 500,
      description:
        'Visita: service categories the program acts on with custom_allowed (allowed_service_ids lists services only)',
    }),
  ),
  allowed_good_ids: Type.Optional(Ids),
  allowed_good_category_ids: Type.Optional(Ids),
});

export const ProgramQuery = Type.Object({
  include: Type.Optional(
    Type.String({
      maxLength: 500,
      pattern: TEXT_PATTERN,
      description:
        'comma-separated: applicable_items, rules, companies, loyalty_card_types, on_changed_notification_template, on_expiration_notification_template',
    }),
  ),
});
export const ProgramParams = Type.Object({ group_id: Id(), program_id: Id() });

const Template = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  body: Type.String(),
  message_type: Type.String(),
});
export const ProgramRuleWire = Type.Object({
  id: Type.Integer(),
  parameter: Type.Integer(),
  value: Type.Number(),
  loyalty_program_id: Type.Integer(),
  loyalty_type_id: Type.Integer(),
  service_id: Type.Integer(),
});

/** The promotion as the seed answers it (a bare object; relations only when `include`d). */
export const ProgramWire = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  type: Type.String(),
  service_item_type: Type.String(),
  good_item_type: Type.String(),
  value_unit: Type.String(),
  usage_limit: Type.Integer(),
  visit_multiplicity: Type.Integer(),
  sold_items_multiplicity: Type.Integer(),
  expiration_timeout: Type.Integer(),
  expiration_timeout_unit: Nullable(Type.String()),
  expiration_notification_timeout: Type.Integer(),
  params_source_type: Type.String(),
  history_start_date: Nullable(Type.String()),
  on_changed_notification_template_id: Nullable(Type.Integer()),
  on_expiration_notification_template_id: Nullable(Type.Integer()),
  company_ids: Type.Array(Type.Integer(), {
    description:
      "Visita: the locations as saved; [] means every location of the chain, also ones added later (`companies` then lists all of today's)",
  }),
  allowed_good_ids: Type.Array(Type.Integer(), {
    description: 'Visita: the goods the program acts on, as saved (so an edit can send them back)',
  }),
  allowed_good_category_ids: Type.Array(Type.Integer(), {
    description: 'Visita: the goods categories the program acts on, as saved',
  }),
  loyalty_card_types: Type.Optional(
    Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
  ),
  on_changed_notification_template: Type.Optional(Nullable(Template)),
  on_expiration_notification_template: Type.Optional(Nullable(Template)),
  rules: Type.Optional(Type.Array(ProgramRuleWire)),
  companies: Type.Optional(
    Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), timezone: Type.String() })),
  ),
  applicable_items: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        is_service: Type.Boolean(),
        is_category: Type.Boolean(),
      }),
    ),
  ),
});

/** A type's picture after an upload (`PUT …/image`). */
export const TypeImageEnvelope = Type.Object({
  success: Type.Literal(true),
  data: Type.Object({ image: Type.Object({ card: Type.String(), thumb: Type.String() }) }),
  meta: Type.Array(Type.Unknown(), { maxItems: 0 }),
});
/** The seed's answer of a deletion: `{success: true, data: null, meta: []}`. */
export const DeletedEnvelope = Type.Object({
  success: Type.Literal(true),
  data: Type.Null(),
  meta: Type.Array(Type.Unknown(), { maxItems: 0 }),
});
