import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type {
  ImageStore,
  InstrumentNumbers,
  PaymentProvider,
  TypeImageProcessor,
  TypeKind,
} from '@visita/core';
import type { Config } from '../../config';
import { stripeCheckout } from '../payments/stripe-checkout';
import { testAcquirer, type TestAcquirer } from '../payments/test-acquirer';
import { localImageStore, s3ImageStore } from './image-store';
import { randomInstrumentNumbers } from './numbers';
import { sharpTypeImages } from './type-images';

/** Everything the loyalty routes need beyond the database, chosen once by the composition root. */
export interface LoyaltyAdapters {
  numbers: InstrumentNumbers;
  images: TypeImageProcessor;
  store: ImageStore;
  newKey: (kind: TypeKind, typeId: number) => string;
  /** The acquirer new purchases go to. */
  provider: PaymentProvider;
  /** Every acquirer whose webhooks we accept, by name (the test one always, for its page). */
  providers: Map<string, PaymentProvider>;
  testAcquirer: TestAcquirer;
}

export function createLoyaltyAdapters(config: Config): LoyaltyAdapters {
  const media = config.loyalty.media;
  const store =
    media.kind === 's3'
      ? s3ImageStore(media.s3)
      : localImageStore(media.dir ?? join(config.dataDir, 'uploads', 'loyalty'));
  const test = testAcquirer({
    publicUrl: config.publicUrl,
    secret: config.loyalty.payments.testSecret,
  });
  const stripe = config.loyalty.payments.stripe
    ? stripeCheckout(config.loyalty.payments.stripe)
    : null;
  const providers = new Map<string, PaymentProvider>();
  if (config.loyalty.payments.provider === 'test') providers.set('test', test);
  if (stripe) providers.set('stripe', stripe);
  return {
    numbers: randomInstrumentNumbers,
    images: sharpTypeImages,
    store,
    newKey: (kind, typeId) =>
      `${kind === 'membership' ? 'm' : 'c'}${typeId}-${randomBytes(8).toString('hex')}`,
    provider: stripe ?? test,
    providers,
    testAcquirer: test,
  };
}
