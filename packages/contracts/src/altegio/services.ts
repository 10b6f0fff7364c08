import Type from 'typebox';
import { EmptyMeta, Envelope, ListEnvelope, Nullable, ObjectEnvelope } from '../envelope';
import {
  ExternalIdInput,
  Flag01,
  Id as IdOf,
  IdOrZero,
  Ids,
  Int,
  Money as MoneyOf,
  Percent,
  Text,
} from '../inputs';

const Flag = (description: string) => Type.Integer({ minimum: 0, maximum: 1, description });
const FlagInput = (description: string) => Flag01({ description });
const Id = IdOf();
/** Up to a day; that it is a positive multiple of 300 at most 86100 is a domain rule (422). */
const Seconds = (description: string) =>
  Int(1, 86400, { description: `${description}; seconds, a multiple of 300` });
const Money = (description: string) => MoneyOf({ description });
const Weight = () => Int(-1000000, 1000000);

export const ServiceParams = Type.Object({ company_id: Id, service_id: Id });
export const ServiceStaffParams = Type.Object({ company_id: Id, service_id: Id, staff_id: Id });
export const ServiceCategoryParams = Type.Object({ company_id: Id, id: Id });

// ---- services -------------------------------------------------------------------------------

export const ServiceStaffItem = Type.Object({
  id: Type.Integer({ description: 'team member' }),
  seance_length: Type.Integer({ description: "this member's duration in seconds" }),
  technological_card_id: Type.Integer({ description: 'always 0: no bills of materials yet' }),
  price: Nullable(
    Type.Number({ description: "Visita: this member's own price; null: the service's" }),
  ),
});

const Zero = (description: string) => Type.Integer({ description: `${description}; always 0` });
const Never = (description: string) =>
  Type.Boolean({ description: `${description}; always false` });

/** The documented service object (the live PATCH sample's field set); see docs/api.md. */
export const ServiceObject = Type.Object({
  id: Type.Integer(),
  salon_service_id: Type.Integer({ description: 'same as id (no chain catalog)' }),
  title: Type.String(),
  booking_title: Type.String({ description: 'same as title' }),
  print_title: Type.String({ description: 'same as title' }),
  category_id: Type.Integer({ description: '0: no category' }),
  price_min: Type.Number(),
  price_max: Type.Number(),
  discount: Type.Number({ description: 'percent' }),
  comment: Type.String(),
  weight: Type.Integer({ description: 'heavier services are listed first' }),
  active: Flag('1 available for online booking, 0 not'),
  is_online: Type.Boolean({ description: 'same as active' }),
  service_type: Flag('same as active'),
  api_id: Type.String({ description: 'external id; empty when none' }),
  api_service_id: Type.Integer({ description: 'api_id when it is a number, else 0' }),
  duration: Type.Integer({ description: 'default duration in seconds' }),
  technical_break_duration: Nullable(Type.Integer({ description: 'always null: not modelled' })),
  tax_variant: Zero('fiscal tax system'),
  vat_id: Zero('VAT rate'),
  repeat_visit_days_step: Nullable(Type.Integer({ description: 'always null' })),
  seance_search_start: Zero('search window start'),
  seance_search_finish: Zero('search window end'),
  seance_search_step: Zero('search step'),
  step: Zero('slot step'),
  is_need_limit_date: Never('bookable only between date_from and date_to'),
  date_from: Type.String({ description: 'always ""' }),
  date_to: Type.String({ description: 'always ""' }),
  dates: Type.Array(Type.String(), { description: 'always []' }),
  schedule_template_type: Zero('schedule template'),
  online_invoicing_status: Zero('online invoicing'),
  is_abonement_autopayment_enabled: Zero('membership autopayment'),
  autopayment_before_visit_time: Zero('autopayment lead time'),
  abonement_restriction_value: Zero('membership restriction'),
  is_chain: Never('managed by the chain'),
  is_price_managed_only_in_chain: Never('price managed by the chain'),
  is_comment_managed_only_in_chain: Never('comment managed by the chain'),
  price_prepaid_amount: Zero('prepayment amount'),
  price_prepaid_percent: Zero('prepayment percent'),
  prepaid: Type.String({ description: 'always "forbidden": no online prepayment' }),
  is_multi: Never('several clients per appointment'),
  capacity: Zero('group capacity'),
  image_group: Type.Array(Type.Unknown(), { description: 'always []: no images yet' }),
  staff: Type.Array(ServiceStaffItem),
  resources: Type.Array(Type.Integer(), {
    description: 'Visita: ids of the resource types the service occupies one instance of each',
  }),
});
export const ServiceEnvelope = ObjectEnvelope(ServiceObject);
export const ServiceListEnvelope = ListEnvelope(ServiceObject);
/** The deprecated partner-only `/services/{company_id}` answers with `meta: []`. */
export const PublicServiceListEnvelope = Envelope(Type.Array(ServiceObject), EmptyMeta);

export const ServicesQuery = Type.Object({
  staff_id: Type.Optional(Id),
  category_id: Type.Optional(Id),
});

const StaffLinkInput = Type.Object({
  id: Id,
  seance_length: Type.Optional(
    Nullable(Seconds("this member's duration; null or absent: the service's")),
  ),
  price: Type.Optional(Nullable(Money("this member's price; null or absent: the service's"))),
});

const serviceWritable = {
  title: Text(300, { minLength: 1 }),
  category_id: Nullable(IdOrZero({ description: 'a category; 0 or null: none' })),
  price_min: Money('lowest price'),
  price_max: Money('highest price; must not be below price_min'),
  discount: Percent(),
  comment: Text(5000),
  weight: Weight(),
  duration: Seconds('default duration (3600 when absent on create)'),
  seance_length: Seconds('alias of duration'),
  active: FlagInput('1 available for online booking, 0 not'),
  service_type: FlagInput('alias of active (YCLIENTS docs)'),
  is_online: Type.Boolean({ description: 'alias of active' }),
  api_id: Nullable(Text(100)),
  api_service_id: ExternalIdInput({ description: 'alias of api_id' }),
  staff: Type.Array(StaffLinkInput, {
    maxItems: 500,
    description: 'who provides the service; replaces the whole list',
  }),
  resources: Ids(20, { description: 'resource type ids; replaces the whole list' }),
};
const serviceOptional = Object.fromEntries(
  Object.entries(serviceWritable).map(([k, v]) => [k, Type.Optional(v)]),
) as {
  [K in keyof typeof serviceWritable]: ReturnType<
    typeof Type.Optional<(typeof serviceWritable)[K]>
  >;
};

export const ServiceCreateBody = Type.Object({ ...serviceOptional, title: serviceWritable.title });
export const ServiceUpdateBody = Type.Object(serviceOptional, { minProperties: 1 });

// ---- team member links ----------------------------------------------------------------------

export const ServiceStaffLinkObject = Type.Object({
  service_id: Type.Integer(),
  master_id: Type.Integer({ description: 'team member' }),
  length: Type.Integer({ description: "this member's duration in seconds" }),
  technological_card_id: Type.Integer({ description: 'always 0: no bills of materials yet' }),
  price: Nullable(Type.Number({ description: "Visita: this member's price; null: the service's" })),
});
/** The link answers carry `meta: {}` (the live samples). */
export const ServiceStaffLinkEnvelope = Envelope(ServiceStaffLinkObject, Type.Object({}));

const linkFields = {
  seance_length: Seconds("this member's duration, 300..86100"),
  price: Type.Optional(Nullable(Money("this member's price; null: the service's"))),
  technological_card_id: Type.Optional(
    Nullable(IdOrZero({ description: 'accepted and ignored (no bills of materials yet)' })),
  ),
};

export const ServiceStaffLinkCreateBody = Type.Object({
  staff_id: IdOf({ description: 'also accepted as master_id or team_member_id' }),
  ...linkFields,
});
export const ServiceStaffLinkUpdateBody = Type.Object(linkFields);

// ---- categories -----------------------------------------------------------------------------

export const ServiceCategoryObject = Type.Object({
  id: Type.Integer(),
  salon_service_id: Type.Integer({ description: 'same as id (no chain catalog)' }),
  title: Type.String(),
  is_chain: Type.Boolean({ description: 'managed by the chain; always false' }),
  api_id: Type.String({ description: 'external id; empty when none' }),
  weight: Type.Integer({ description: 'heavier categories are listed first' }),
  staff: Type.Array(Type.Integer(), {
    description: 'team members providing at least one service of the category (derived)',
  }),
});
export const ServiceCategoryEnvelope = ObjectEnvelope(ServiceCategoryObject);
export const ServiceCategoryListEnvelope = ListEnvelope(ServiceCategoryObject);
export const PublicServiceCategoryListEnvelope = Envelope(
  Type.Array(ServiceCategoryObject),
  EmptyMeta,
);

export const ServiceCategoriesQuery = Type.Object({ staff_id: Type.Optional(Id) });

const categoryWritable = {
  title: Text(300, { minLength: 1 }),
  api_id: Nullable(Text(100)),
  weight: Weight(),
  staff: Type.Array(IdOrZero(), {
    maxItems: 500,
    description: 'accepted and ignored: the list follows the services’ team members',
  }),
};
export const ServiceCategoryCreateBody = Type.Object({
  title: categoryWritable.title,
  api_id: Type.Optional(categoryWritable.api_id),
  weight: Type.Optional(categoryWritable.weight),
  staff: Type.Optional(categoryWritable.staff),
});
export const ServiceCategoryUpdateBody = Type.Object(
  {
    title: Type.Optional(categoryWritable.title),
    api_id: Type.Optional(categoryWritable.api_id),
    weight: Type.Optional(categoryWritable.weight),
    staff: Type.Optional(categoryWritable.staff),
  },
  { minProperties: 1 },
);
