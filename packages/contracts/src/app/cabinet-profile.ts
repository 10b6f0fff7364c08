import Type from 'typebox';
import { Nullable, ObjectEnvelope } from '../envelope';
import { Text } from '../inputs';

/** The client's own settings in the app. */
export const AppProfile = Type.Object({
  id: Type.Integer(),
  phone: Type.String({ description: 'E.164; the login identity, not editable here' }),
  name: Type.String(),
  email: Type.String(),
  language: Type.String(),
  date_format: Type.String(),
  time_24h: Type.Boolean(),
  notifications_enabled: Type.Boolean(),
  photo_url: Nullable(
    Type.String({ description: 'GET it with the client token; null without a photo' }),
  ),
});
export const AppProfileEnvelope = ObjectEnvelope(AppProfile);

export const AppProfilePatchBody = Type.Object(
  {
    name: Type.Optional(Text(100)),
    language: Type.Optional(
      Text(12, { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', description: 'e.g. en, pt-BR' }),
    ),
    date_format: Type.Optional(
      Type.Union([
        Type.Literal('DD.MM.YYYY'),
        Type.Literal('DD/MM/YYYY'),
        Type.Literal('MM/DD/YYYY'),
        Type.Literal('YYYY-MM-DD'),
      ]),
    ),
    time_24h: Type.Optional(Type.Boolean()),
    notifications_enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
