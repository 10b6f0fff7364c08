import { randomBytes } from 'node:crypto';
import type { S3Settings } from './image-store';
import type { StripeSettings } from '../payments/stripe-checkout';

export interface LoyaltyConfig {
  /** Where type images are stored: a directory (null: `<dataDir>/uploads/loyalty`) or an S3-compatible bucket. */
  media: { kind: 'local'; dir: string | null } | { kind: 's3'; s3: S3Settings };
  payments: {
    provider: 'test' | 'stripe';
    /** HMAC secret of the built-in test acquirer's webhooks. */
    testSecret: string;
    stripe: StripeSettings | null;
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

export function loadLoyaltyConfig(env: NodeJS.ProcessEnv): LoyaltyConfig {
  const store = env.VISITA_MEDIA_STORE ?? 'local';
  if (store !== 'local' && store !== 's3')
    throw new Error(`VISITA_MEDIA_STORE: "${store}" is neither local nor s3`);
  const media: LoyaltyConfig['media'] =
    store === 's3'
      ? {
          kind: 's3',
          s3: {
            endpoint: required(env, 'VISITA_S3_ENDPOINT'),
            region: env.VISITA_S3_REGION ?? 'us-east-1',
            bucket: required(env, 'VISITA_S3_BUCKET'),
            accessKeyId: required(env, 'VISITA_S3_ACCESS_KEY_ID'),
            secretAccessKey: required(env, 'VISITA_S3_SECRET_ACCESS_KEY'),
            prefix: env.VISITA_S3_PREFIX ?? 'loyalty',
          },
        }
      : { kind: 'local', dir: env.VISITA_MEDIA_DIR ?? null };
  const production = env.NODE_ENV === 'production';
  const provider = env.VISITA_PAYMENT_PROVIDER ?? (production ? '' : 'test');
  if (provider !== 'test' && provider !== 'stripe')
    throw new Error('VISITA_PAYMENT_PROVIDER must be test or stripe (required in production)');
  return {
    media,
    payments: {
      provider,
      // A per-process secret is enough for one process; several must share VISITA_PAYMENT_TEST_SECRET.
      testSecret: env.VISITA_PAYMENT_TEST_SECRET ?? randomBytes(32).toString('hex'),
      stripe:
        provider === 'stripe'
          ? {
              secretKey: required(env, 'VISITA_STRIPE_SECRET_KEY'),
              webhookSecret: required(env, 'VISITA_STRIPE_WEBHOOK_SECRET'),
              apiBase: env.VISITA_STRIPE_API_BASE ?? 'https://api.stripe.com',
            }
          : null,
    },
  };
}
