import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';
import { Text } from '../inputs';

export const AuthBody = Type.Object({
  login: Text(200, { minLength: 1 }),
  password: Text(200, { minLength: 1 }),
});

export const AuthUser = Type.Object({
  id: Type.Integer(),
  user_token: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  login: Type.String(),
  email: Type.String(),
  avatar: Type.String(),
  is_approved: Type.Boolean(),
  is_email_confirmed: Type.Boolean({ description: 'always false: no e-mail verification yet' }),
});

export const AuthEnvelope = ObjectEnvelope(AuthUser);
