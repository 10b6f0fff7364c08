import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHONE_CODE_RULES } from '@visita/core';
import { loadCodesPerIp, loadSmsConfig, type SmsConfig } from './adapters/sms/config';
import { loadLoyaltyConfig, type LoyaltyConfig } from './adapters/loyalty/config';

export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  redisUrl: string | undefined;
  rateLimit: RateLimitWindow[];
  partnerToken: string | undefined;
  adminLogin: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  publicUrl: string;
  /** VAPID `sub` claim (RFC 8292): a mailto: or https: contact for push services. */
  vapidSubject: string;
  /** How long a worker owns a claimed job; after a crash, others retry it once this ran out. */
  jobLeaseMs: number;
  /** Jobs one worker runs at once. */
  jobConcurrency: number;
  /** Trust X-Forwarded-For (set when behind a reverse proxy; otherwise clients could pick their rate-limit IP). */
  trustProxy: boolean;
  /** The gateway of login codes (VISITA_SMS_PROVIDER and its settings). */
  sms: SmsConfig;
  /** Login codes one IP may request per hour (VISITA_SMS_CODES_PER_IP). */
  smsCodesPerIpPerHour: number;
  /** Type image storage and the payment acquirer (VISITA_MEDIA_*, VISITA_PAYMENT_*). */
  loyalty: LoyaltyConfig;
  /** The built client PWA served at /app/ (VISITA_CLIENT_DIR, default apps/client/dist). */
  clientDir: string;
  /** The partner token of the app's booking form (VISITA_APP_PARTNER_TOKEN; else made at start). */
  appPartnerToken: string | undefined;
}

const UNITS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** `200/min,5/s` → two windows; `off` → none (for load tests). */
export function parseRateLimit(spec: string): RateLimitWindow[] {
  if (spec.trim() === 'off') return [];
  return spec.split(',').map((part) => {
    const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([a-z]+)\s*$/.exec(part);
    const unit = match ? UNITS[match[3]!] : undefined;
    const limit = Number(match?.[1]);
    const windowMs = (unit ?? 0) * (match?.[2] ? Number(match[2]) : 1);
    // A zero limit or a zero-length window would refuse (or divide by) everything.
    if (!match || !unit || limit <= 0 || windowMs <= 0)
      throw new Error(
        `VISITA_RATE_LIMIT: cannot read "${part}" (expected e.g. 200/min,5/s or off)`,
      );
    return { limit, windowMs };
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = resolve(env.VISITA_DATA_DIR ?? './data');
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demo: env.VISITA_DEMO !== '0',
    redisUrl: env.REDIS_URL || undefined,
    rateLimit: parseRateLimit(env.VISITA_RATE_LIMIT ?? '200/min,5/s'),
    partnerToken: env.VISITA_PARTNER_TOKEN || undefined,
    adminLogin: env.VISITA_ADMIN_LOGIN || undefined,
    adminPassword: env.VISITA_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.VISITA_PUBLIC_URL ?? `http://localhost:${port}`,
    vapidSubject: env.VISITA_VAPID_SUBJECT ?? 'mailto:push@visita.invalid',
    jobLeaseMs: Number(env.VISITA_JOB_LEASE_SECONDS ?? 60) * 1000,
    jobConcurrency: Number(env.VISITA_JOB_CONCURRENCY ?? 16),
    trustProxy: env.VISITA_TRUST_PROXY === '1' || env.VISITA_TRUST_PROXY === 'true',
    sms: loadSmsConfig(env),
    smsCodesPerIpPerHour: loadCodesPerIp(env, PHONE_CODE_RULES.perIpPerHour),
    loyalty: loadLoyaltyConfig(env),
    clientDir: env.VISITA_CLIENT_DIR
      ? resolve(env.VISITA_CLIENT_DIR)
      : fileURLToPath(new URL('../../client/dist', import.meta.url)),
    appPartnerToken: env.VISITA_APP_PARTNER_TOKEN || undefined,
  };
}
