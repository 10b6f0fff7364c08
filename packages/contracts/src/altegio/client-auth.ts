import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';
import { PhoneInput, SmsCodeInput, Text } from '../inputs';

/** Contract §3.a: the client ("booking user") identified by phone and SMS code. */

const Phone = PhoneInput(40, {
  description: 'Digits with the country code (`79991234567`) or E.164 (`+13155550175`)',
});
const Code = SmsCodeInput({ description: 'The SMS code, as a string or a number' });

export const BookCodeBody = Type.Object({
  phone: Phone,
  fullname: Type.Optional(Text(200)),
  /** The contract's own sample misspells it. */
  fulname: Type.Optional(Text(200)),
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
  name: Type.Optional(Text(200, { minLength: 1 })),
  email: Type.Optional(Text(200)),
  phone: Type.Optional(PhoneInput()),
  confirmation_code: Type.Optional(Code),
});
