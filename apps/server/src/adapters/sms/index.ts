import type { SmsProvider } from '@visita/core';
import type { FastifyBaseLogger } from 'fastify';
import type { SmsConfig } from './config';
import { logSmsProvider } from './log-provider';
import { twilioSmsProvider } from './twilio-provider';
import { webhookSmsProvider } from './webhook-provider';

export type { SmsConfig } from './config';

/** The configured SMS gateway (VISITA_SMS_PROVIDER). */
export function createSmsProvider(config: SmsConfig, logger: FastifyBaseLogger): SmsProvider {
  switch (config.provider) {
    case 'log':
      return logSmsProvider(logger);
    case 'webhook':
      return webhookSmsProvider(config.webhookUrl);
    case 'twilio':
      return twilioSmsProvider(config);
  }
}
