import Type from 'typebox';
import { TEXT_PATTERN } from './inputs';

/** Online payments: the acquirer's webhook, the test acquirer's page, the type pictures. */
export const WebhookParams = Type.Object({
  provider: Type.String({ maxLength: 32, pattern: TEXT_PATTERN }),
});
export const WebhookAck = Type.Object({ received: Type.Boolean(), applied: Type.Boolean() });
export const MediaFileParams = Type.Object({
  file: Type.String({ maxLength: 80, pattern: TEXT_PATTERN }),
});
export const TestCheckoutParams = Type.Object({
  reference: Type.String({ pattern: '^tp_[0-9a-f]{32}$' }),
});
/** Where the test acquirer's page sends the payer back (one of our own URLs). */
export const TestCheckoutQuery = Type.Object({
  return: Type.Optional(Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })),
});
