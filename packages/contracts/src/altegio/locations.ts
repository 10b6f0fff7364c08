import Type from 'typebox';
import { ListEnvelope, Nullable, ObjectEnvelope, PageQuery } from '../envelope';
import { LocationPromoObject } from '../admin/promo';
import { Flag01, Id, Num, Text } from '../inputs';

export const Social = Type.Record(Type.String(), Type.String());

const SOCIAL_NETWORKS = ['facebook', 'vk', 'instagram', 'telegram', 'whatsapp', 'viber'] as const;
/** The documented social links; `""` for a network the location has none for. */
const SocialObject = Type.Object(
  Object.fromEntries(SOCIAL_NETWORKS.map((k) => [k, Type.String()])) as Record<
    (typeof SOCIAL_NETWORKS)[number],
    ReturnType<typeof Type.String>
  >,
);
const ChainRef = Type.Object({ id: Type.Integer(), title: Type.String() });
const always = (description: string) => ({ description: `always ${description}` });

/** The documented company (location) object: the Altegio schema's and the samples' fields. */
export const Company = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  public_title: Type.String({ description: 'same as title' }),
  short_descr: Type.String(),
  description: Type.String(),
  logo: Type.String(),
  active: Type.Integer({ description: '1 active, 0 not' }),
  country_id: Type.Integer(always('0: countries are free text')),
  country: Type.String(),
  city_id: Type.Integer(always('0: cities are free text')),
  city: Type.String(),
  address: Type.String(),
  zip: Type.String(),
  coordinate_lat: Nullable(Type.Number({ description: 'null when unknown' })),
  coordinate_lon: Nullable(Type.Number({ description: 'null when unknown' })),
  timezone_name: Type.String({ description: 'IANA time zone' }),
  timezone: Type.Number({ description: 'current UTC offset in hours' }),
  phone: Type.String(),
  phones: Type.Array(Type.String()),
  email: Type.String(),
  site: Type.String(),
  social: SocialObject,
  schedule: Type.String({ description: 'working hours, free text' }),
  currency_short_title: Type.String(),
  phone_confirmation: Type.Boolean(),
  push_notification_phone_confirm: Type.Integer(always('0')),
  business_type_id: Type.Integer(always('0')),
  active_staff_count: Type.Integer(always('0: not counted')),
  next_slot: Type.String(always('""')),
  app_ios: Type.String(always('""')),
  app_android: Type.String(always('""')),
  group_priority: Type.Integer(),
  bookform_group_priority: Type.Integer(always('0')),
  main_group_id: Type.Integer(),
  main_group: ChainRef,
  groups: Type.Record(Type.String(), ChainRef, { description: 'the chain, by its id' }),
  bookforms: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      is_default: Type.Integer(),
      url: Type.String({ description: 'always ""' }),
    }),
    { description: "the location's one booking form" },
  ),
  online_sales_form_url: Type.String(always('""')),
  booking_widget_promo: Nullable(
    Type.Object(LocationPromoObject.properties, {
      description: "the location's promotional block (set in the back office), or null",
    }),
  ),
  company_photos: Type.Array(Type.String(), always('[]')),
  photos: Type.Array(Type.String(), always('[]')),
  reminds_sms_default: Type.Integer(always('0')),
  reminds_sms_disabled: Type.Boolean(always('false')),
  payment_policy: Type.Object({ type: Type.String(always('"none"')) }),
  access: Type.Object({}, always('{}')),
  last_change_date: Type.String({ description: 'Visita: last change' }),
});

export const CompanyEnvelope = ObjectEnvelope(Company);
export const CompanyListEnvelope = ListEnvelope(Company);

export const CompaniesQuery = Type.Object({
  id: Type.Optional(Id()),
  group_id: Type.Optional(Id()),
  my: Type.Optional(Flag01()),
  active: Type.Optional(Flag01()),
  ...PageQuery,
});

const writable = {
  title: Text(200, { minLength: 1 }),
  short_descr: Text(500),
  description: Text(20000),
  country: Text(100),
  city: Text(100),
  address: Text(300),
  zip: Text(20),
  coordinate_lat: Nullable(Num(-90, 90)),
  coordinate_lon: Nullable(Num(-180, 180)),
  timezone: Text(64, { minLength: 1, description: 'IANA time zone name, e.g. Europe/Berlin' }),
  phone: Text(40),
  phones: Type.Array(Text(40), { maxItems: 10 }),
  email: Text(200),
  site: Text(300),
  social: Type.Record(Text(50), Text(300)),
  schedule: Text(1000),
  logo: Text(1000),
  currency_short_title: Text(10),
  active: Flag01(),
  phone_confirmation: Type.Boolean(),
};

export const CompanyCreateBody = Type.Object({
  ...Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, Type.Optional(v)])),
  title: writable.title,
  timezone: writable.timezone,
  group_id: Type.Optional(Id({ description: 'chain; defaults to the only chain the user owns' })),
});

export const CompanyUpdateBody = Type.Object(
  Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, Type.Optional(v)])),
  { minProperties: 1 },
);

const AccessFlag = Type.String({ description: '"1" granted on the whole chain, "0" not' });
export const Group = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  companies: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
  access: Type.Object({
    settings_access: AccessFlag,
    clients_access: AccessFlag,
    users_access: AccessFlag,
    loyalty_access: Type.String({ description: 'always "0": no loyalty programs yet' }),
    loyalty_cards_manual_transactions_access: Type.String({ description: 'always "0"' }),
    network_services_access: AccessFlag,
  }),
});
export const GroupListEnvelope = ListEnvelope(Group);
