import Type from 'typebox';
import { EmptyMeta, Envelope, ListEnvelope, Nullable, ObjectEnvelope } from '../envelope';
import { Flag01, Id, IdOrZero, Int, Text } from '../inputs';

const Flag = (description: string) => Type.Integer({ minimum: 0, maximum: 1, description });

export const StaffParams = Type.Object({ company_id: Id(), staff_id: Id() });

/** A position as a team member carries it. */
export const StaffPositionObject = Type.Object({ id: Type.Integer(), title: Type.String() });

/** The documented position object (`/staff/positions`, `/positions/quick`). */
export const PositionObject = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  chain_id: Type.Integer({ description: "the location's chain" }),
  description: Type.String({ description: 'always ""' }),
  services_binding_type: Type.Integer({ description: 'always 0: no service binding' }),
  rules_required_fields: Type.Array(Type.String(), { description: 'always []' }),
  only_chain_appointment: Type.Boolean({ description: 'always false' }),
});
export const PositionEnvelope = Envelope(PositionObject, Type.Object({}));
export const PositionListEnvelope = ListEnvelope(PositionObject);
export const PositionQuickBody = Type.Object({ title: Text(200, { minLength: 1 }) });

/** Altegio sends `[]`, not null, for a member without a position. */
const StaffPosition = Type.Union([
  StaffPositionObject,
  Type.Array(Type.Unknown(), { maxItems: 0, description: 'no position' }),
]);

const card = {
  id: Type.Integer(),
  name: Type.String(),
  specialization: Type.String(),
  position: StaffPosition,
  avatar: Type.String(),
  avatar_big: Type.String(),
};
const flags = {
  fired: Flag('1 fired, 0 not'),
  status: Flag('1 deleted, 0 not'),
  hidden: Flag('1 hidden from online booking, 0 shown'),
};
const profile = {
  api_id: Type.String({ description: 'external id; "" when none' }),
  rating: Type.Number(),
  votes_count: Type.Integer(),
  show_rating: Flag('1 show the rating to clients'),
  comments_count: Type.Integer(),
  weight: Type.Integer({ description: 'heavier members are listed first' }),
  information: Type.String({ description: 'HTML' }),
};
const payroll = {
  is_included_in_payment_policy: Type.Boolean({ description: 'always false: no payroll' }),
  is_paid_staff: Type.Boolean({ description: 'always false: no payroll' }),
};

/** The back-office form (`/company/{id}/staff`, user token). */
export const StaffObject = Type.Object({
  ...card,
  ...flags,
  ...payroll,
  company_id: Type.Integer(),
  user_id: Nullable(Type.Integer()),
});
export const StaffEnvelope = ObjectEnvelope(StaffObject);
export const StaffListEnvelope = ListEnvelope(StaffObject);

/** The quick-create answer: a short card, `position` null when none; `meta: {}`. */
export const QuickStaffObject = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  company_id: Type.Integer(),
  specialization: Type.String(),
  avatar: Type.String(),
  avatar_big: Type.String(),
  position: Nullable(StaffPositionObject),
  is_paid_staff: payroll.is_paid_staff,
});
export const QuickStaffEnvelope = Envelope(QuickStaffObject, Type.Object({}));

/** The public form of the deprecated `/staff/{id}` (partner token). */
export const PublicStaffObject = Type.Object({
  ...card,
  ...flags,
  ...profile,
  user_id: Nullable(Type.Integer()),
  bookable: Type.Boolean({ description: 'may be booked online' }),
  position_id: Type.Integer({ description: '0: no position' }),
  has_access_timetable: Type.Boolean({ description: 'always false' }),
  image_group: Type.Array(Type.Unknown(), { description: 'always []: one avatar, no gallery' }),
  prepaid: Type.String({ description: 'always "forbidden": no online prepayment' }),
  schedule_till: Type.String({ description: 'the last scheduled date; "" when none' }),
  user: Type.Array(Type.Unknown(), { description: 'always []' }),
});
export const PublicStaffEnvelope = ObjectEnvelope(PublicStaffObject);
export const PublicStaffListEnvelope = Envelope(Type.Array(PublicStaffObject), EmptyMeta);

/** Writes answer with the live sample's fields plus the Altegio schema's back-office ones. */
export const WrittenStaffObject = Type.Object({
  ...card,
  ...flags,
  ...profile,
  ...payroll,
  company_id: Type.Integer(),
  user_id: Nullable(Type.Integer()),
});
export const WrittenStaffEnvelope = ObjectEnvelope(WrittenStaffObject);

const writable = {
  name: Text(200, { minLength: 1 }),
  specialization: Text(200),
  position_id: Nullable(IdOrZero({ description: 'a position of this location; 0 or null: none' })),
  weight: Int(-1000000, 1000000),
  information: Text(20000),
  api_id: Nullable(Text(100)),
  hidden: Flag01({ description: '1 hidden from online booking' }),
  fired: Flag01({ description: '1 fired' }),
  user_id: IdOrZero({ description: 'a user with access to this location; 0 unlinks' }),
  bookable: Type.Boolean({ description: 'Visita extension: may be booked online' }),
};
const optional = Object.fromEntries(
  Object.entries(writable).map(([k, v]) => [k, Type.Optional(v)]),
) as { [K in keyof typeof writable]: ReturnType<typeof Type.Optional<(typeof writable)[K]>> };

export const StaffQuickBody = Type.Object({
  name: writable.name,
  specialization: Type.Optional(writable.specialization),
  position_id: Type.Optional(writable.position_id),
  phone_number: Type.Optional(
    Nullable(Text(20, { description: 'accepted; not linked to a user yet' })),
  ),
});

export const StaffCreateBody = Type.Object({ ...optional, name: writable.name });

export const StaffUpdateBody = Type.Object(optional, { minProperties: 1 });
