import Type from 'typebox';
import { TEXT_PATTERN } from '../inputs';
import { Nullable, ObjectEnvelope } from '../envelope';

/** The back office's API under `/api/admin/v1`: what the Altegio-compatible API has no place for. */
export const AdminSessionBody = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
  password: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
});

export const AdminRole = Type.Union([
  Type.Literal('owner'),
  Type.Literal('administrator'),
  Type.Literal('staff'),
]);

export const AdminLocation = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  timezone: Type.String(),
  chain_id: Type.Integer(),
  chain_title: Type.String(),
  currency: Type.String({ description: 'ISO 4217, e.g. EUR' }),
  role: AdminRole,
  /** The rights the role carries here, e.g. `records:write`; the API enforces them (403). */
  rights: Type.Array(Type.String()),
  /**
   * The role granted on the whole chain, or null when the user was granted single locations:
   * chain-level routes (`/chain/{chain_id}/…`: loyalty types, programs, freezing) need it.
   */
  chain_role: Nullable(AdminRole),
  chain_rights: Type.Array(Type.String(), { description: 'the rights of chain_role; [] without' }),
  /** The client app's booking page of this location, relative to the server's origin. */
  booking_url: Type.String(),
});

export const AdminUser = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  name: Type.String(),
  email: Type.String(),
});

export const AdminMe = Type.Object({
  user: AdminUser,
  locations: Type.Array(AdminLocation),
});

export const AdminSession = Type.Object({
  partner_token: Type.String({
    description: 'this session only; send as `Bearer <partner_token>`',
  }),
  user_token: Type.String({ description: 'send as `User <user_token>`' }),
  ...AdminMe.properties,
});

export const AdminSessionEnvelope = ObjectEnvelope(AdminSession);
export const AdminMeEnvelope = ObjectEnvelope(AdminMe);
export const AdminSignOutEnvelope = ObjectEnvelope(Type.Object({ signed_out: Type.Boolean() }));
