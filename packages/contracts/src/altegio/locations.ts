import Type from 'typebox';
import { ListEnvelope, Nullable, ObjectEnvelope, PageQuery } from '../envelope';
import { Flag01, Id, Num, Text } from '../inputs';

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

export const Group = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  companies: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
});
export const GroupListEnvelope = ListEnvelope(Group);
