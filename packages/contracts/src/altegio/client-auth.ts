import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';

/** Contract §3.a: the client ("booking user") identified by phone and SMS code. */

const Phone = Type.Union(
  [Type.String({ minLength: 1, maxLength: 40 }), Type.Integer({ minimum: 1 })],
  {
    description: 'Digits with the country code (`79991234567`) or E.164 (`+13155550175`)',
  },
);
const Code = Type.Union(
  [Type.String({ minLength: 1, maxLength: 12 }), Type.Integer({ minimum: 0 })],
  {
    description: 'The SMS code, as a string or a number',
  },
);

export const BookCodeBody = Type.Object({
  phone: Phone,
  fullname: Type.Optional(Type.String({ maxLength: 200 })),
  /** The contract's own sample misspells it. */
  fulname: Type.Optional(Type.String({ maxLength: 200 })),
});

export const UserAuthBody = Type.Object({ phone: Phone, code: Code });

export const BookingUser = Type.Object({
  id: Type.Integer(),
  user_token: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  login: Type.String(),
  email: Type.String(),
  avatar: Type.String(),
});

export const UserAuthEnvelope = ObjectEnvelope(BookingUser);

/** `GET /booking/user/data` repeats the token under the key `"0"`, as the contract shows. */
export const BookingUserDataEnvelope = ObjectEnvelope(
  Type.Object({ '0': Type.String(), ...BookingUser.properties }),
);

export const UpdateBookingUserBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1 })])),
  confirmation_code: Type.Optional(Code),
});
