/** Which SMS gateway sends the login codes, read from the environment (see the README table). */
export type SmsConfig =
  | { provider: 'log' }
  | { provider: 'webhook'; webhookUrl: string }
  | { provider: 'twilio'; accountSid: string; authToken: string; from: string; baseUrl: string };

export const SMS_PROVIDERS = ['log', 'webhook', 'twilio'] as const;

function required(env: NodeJS.ProcessEnv, name: string, provider: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} must be set when VISITA_SMS_PROVIDER=${provider}`);
  return value;
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name}: "${value}" must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

/**
 * `log` is the default outside production. In production the provider must be chosen: the log
 * provider writes the codes into the logs, where anyone who reads them could log in as anyone.
 */
export function loadSmsConfig(env: NodeJS.ProcessEnv): SmsConfig {
  const chosen = env.VISITA_SMS_PROVIDER?.trim();
  const provider = chosen || (env.NODE_ENV === 'production' ? undefined : 'log');
  if (!provider)
    throw new Error(
      'VISITA_SMS_PROVIDER must be set in production (webhook or twilio; log only to try things out)',
    );
  switch (provider) {
    case 'log':
      return { provider };
    case 'webhook':
      return {
        provider,
        webhookUrl: httpUrl(
          'VISITA_SMS_WEBHOOK_URL',
          required(env, 'VISITA_SMS_WEBHOOK_URL', provider),
        ),
      };
    case 'twilio':
      return {
        provider,
        accountSid: required(env, 'VISITA_TWILIO_ACCOUNT_SID', provider),
        authToken: required(env, 'VISITA_TWILIO_AUTH_TOKEN', provider),
        from: required(env, 'VISITA_TWILIO_FROM', provider),
        baseUrl: httpUrl(
          'VISITA_TWILIO_BASE_URL',
          env.VISITA_TWILIO_BASE_URL?.trim() || 'https://api.twilio.com',
        ),
      };
    default:
      throw new Error(
        `VISITA_SMS_PROVIDER: "${provider}" is not one of ${SMS_PROVIDERS.join(', ')}`,
      );
  }
}

/** VISITA_SMS_CODES_PER_IP: codes one IP may request per hour (default 20). */
export function loadCodesPerIp(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env.VISITA_SMS_CODES_PER_IP?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`VISITA_SMS_CODES_PER_IP: "${raw}" is not a positive whole number`);
  return value;
}
