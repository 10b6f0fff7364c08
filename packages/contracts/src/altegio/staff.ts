import Type from 'typebox';
import { EmptyMeta, Envelope, ListEnvelope, Nullable, ObjectEnvelope } from '../envelope';
import { Flag01, Id, IdOrZero, Int, Text } from '../inputs';

const Flag = (description: string) => Type.Integer({ minimum: 0, maximum: 1, description });

export const StaffParams = Type.Object({ company_id: Id(), staff_id: Id() });

export const PositionObject = Type.Object({ id: Type.Integer(), title: Type.String() });
export const PositionEnvelope = ObjectEnvelope(PositionObject);
export const PositionListEnvelope = ListEnvelope(PositionObject);
export const PositionQuickBody = Type.Object({ title: Text(200, { minLength: 1 }) });

/** Altegio sends `[]`, not null, for a member without a position. */
const StaffPosition = Type.Union([
  PositionObject,
  Type.Array(Type.Unknown(), { maxItems: 0, description: 'no position' }),
]);

const common = {
  id: Type.Integer(),
  name: Type.String(),
  specialization: Type.String(),
  position: StaffPosition,
  avatar: Type.String(),
  avatar_big: Type.String(),
  fired: Flag('1 fired, 0 not'),
  status: Flag('1 deleted, 0 not'),
  hidden: Flag('1 hidden from online booking, 0 shown'),
  user_id: Nullable(Type.Integer()),
  bookable: Type.Boolean(),
  rating: Type.Number(),
  votes_count: Type.Integer(),
  weight: Type.Integer({ description: 'heavier members are listed first' }),
  information: Type.String({ description: 'HTML' }),
  api_id: Nullable(Type.String()),
};

/** The back-office form (`/company/{id}/staff`, user token). */
export const StaffObject = Type.Object({ ...common, company_id: Type.Integer() });
export const StaffEnvelope = ObjectEnvelope(StaffObject);
export const StaffListEnvelope = ListEnvelope(StaffObject);

/** The public form of the deprecated `/staff/{id}` (partner token). */
export const PublicStaffObject = Type.Object({
  ...common,
  show_rating: Flag('1 show the rating to clients'),
  comments_count: Type.Integer(),
});
export const PublicStaffEnvelope = ObjectEnvelope(PublicStaffObject);
export const PublicStaffListEnvelope = Envelope(Type.Array(PublicStaffObject), EmptyMeta);

/** Writes answer with both forms merged, since the two doc sources disagree on which one. */
export const WrittenStaffObject = Type.Object({
  ...common,
  company_id: Type.Integer(),
  show_rating: Flag('1 show the rating to clients'),
  comments_count: Type.Integer(),
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
