import Type from 'typebox';
import { DateTime, Id, IdOrZero, Int, Text } from '../inputs';

/**
 * A logged-in client books in the app: `book_record` without phone and code (the account's
 * phone, verified at login, is used). The answer is `book_record`'s (`BookRecordEnvelope`).
 */
export const AppBookParams = Type.Object({ location_id: Id() });

export const AppBookBody = Type.Object(
  {
    fullname: Text(200, { minLength: 1 }),
    comment: Type.Optional(Text(2000)),
    appointments: Type.Array(
      Type.Object(
        {
          id: Int(-2147483648, 2147483647, { description: 'client-side id echoed back' }),
          services: Type.Array(Id(), { minItems: 1, maxItems: 20 }),
          staff_id: IdOrZero({ description: '0 = any team member' }),
          datetime: DateTime({ minLength: 10 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
