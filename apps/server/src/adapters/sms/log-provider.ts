import type { SmsProvider } from '@visita/core';
import type { FastifyBaseLogger } from 'fastify';

/**
 * For development and tests: the message is not sent but written as ONE JSON log line
 * (`{"sms":{"to":…,"text":…}}` at info level) so that whoever runs the server can read the code.
 * This is the only place where a code may appear in the logs.
 */
export function logSmsProvider(logger: FastifyBaseLogger): SmsProvider {
  let sequence = 0;
  return {
    name: 'log',
    async send(to, text) {
      sequence += 1;
      logger.info({ sms: { to, text } }, 'SMS (log provider, not sent)');
      return { providerMessageId: `log-${Date.now()}-${sequence}` };
    },
  };
}
