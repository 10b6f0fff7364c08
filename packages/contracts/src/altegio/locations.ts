import Type from 'typebox';
import { ListEnvelope, Nullable, ObjectEnvelope, PageQuery } from '../envelope';

export const Social = Type.Record(Type.String(), Type.String());

/** The company (location) object, with the contract's field names. */
export const Company = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  short_descr: Type.String(),
  description: Type.String(),
  logo: Type.String(),
  active: Type.Integer({ description: '1 active, 0 not' }),
  country: Type.String(),
  city: Type.String(),
  address: Type.String(),
  zip: Type.String(),
  coordinate_lat: Nullable(Type.Number()),
  coordinate_lon: Nullable(Type.Number()),
  timezone_name: Type.String({ description: 'IANA time zone' }),
  timezone: Type.Number({ description: 'current UTC offset in hours' }),
  phone: Type.String(),
  phones: Type.Array(Type.String()),
  email: Type.String(),
  site: Type.String(),
  social: Social,
  schedule: Type.String({ description: 'working hours, free text' }),
  currency_short_title: Type.String(),
  phone_confirmation: Type.Boolean(),
  group_priority: Type.Integer(),
  main_group_id: Type.Integer(),
  main_group: Type.Object({ id: Type.Integer(), title: Type.String() }),
  last_change_date: Type.String(),
});

export const CompanyEnvelope = ObjectEnvelope(Company);
export const CompanyListEnvelope = ListEnvelope(Company);

export const CompaniesQuery = Type.Object({
  id: Type.Optional(Type.Integer({ minimum: 1 })),
  group_id: Type.Optional(Type.Integer({ minimum: 1 })),
  my: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
  active: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
  ...PageQuery,
});

const writable = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  short_descr: Type.String({ maxLength: 500 }),
  description: Type.String({ maxLength: 20000 }),
  country: Type.String({ maxLength: 100 }),
  city: Type.String({ maxLength: 100 }),
  address: Type.String({ maxLength: 300 }),
  zip: Type.String({ maxLength: 20 }),
  coordinate_lat: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  coordinate_lon: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  timezone: Type.String({ minLength: 1, description: 'IANA time zone name, e.g. Europe/Berlin' }),
  phone: Type.String({ maxLength: 40 }),
  phones: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
  email: Type.String({ maxLength: 200 }),
  site: Type.String({ maxLength: 300 }),
  social: Social,
  schedule: Type.String({ maxLength: 1000 }),
  logo: Type.String({ maxLength: 1000 }),
  currency_short_title: Type.String({ maxLength: 10 }),
  active: Type.Integer({ minimum: 0, maximum: 1 }),
  phone_confirmation: Type.Boolean(),
};

export const CompanyCreateBody = Type.Object({
  ...Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, Type.Optional(v)])),
  title: writable.title,
  timezone: writable.timezone,
  group_id: Type.Optional(
    Type.Integer({ minimum: 1, description: 'chain; defaults to the only chain the user owns' }),
  ),
});

export const CompanyUpdateBody = Type.Object(
  Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, Type.Optional(v)])),
  { minProperties: 1 },
);

export const Group = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  companies: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
});
export const GroupListEnvelope = ListEnvelope(Group);
