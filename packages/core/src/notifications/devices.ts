import type { UnitOfWork } from '../catalog/ports';
import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { ClientPlacesRepo } from '../cabinet/ports';
import type { MutesRepo, PushSubscriptionInput, PushSubscriptionsRepo } from './ports';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** A browser PushSubscription: an https endpoint (http only on loopback), P-256 key, auth secret. */
export function checkSubscription(s: PushSubscriptionInput, allowHttpLoopback: boolean) {
  let url: URL;
  try {
    url = new URL(s.endpoint);
  } catch {
    throw invalid('endpoint', 'endpoint must be a URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(allowHttpLoopback && loopback && url.protocol === 'http:'))
    throw invalid('endpoint', 'endpoint must be an https URL');
  if (s.endpoint.length > 2000) throw invalid('endpoint', 'endpoint is at most 2000 characters');
  const key = BASE64URL.test(s.p256dh) ? Buffer.from(s.p256dh, 'base64url') : null;
  if (!key || key.length !== 65 || key[0] !== 4)
    throw invalid('keys.p256dh', 'p256dh must be an uncompressed P-256 public key (base64url)');
  const auth = BASE64URL.test(s.auth) ? Buffer.from(s.auth, 'base64url') : null;
  if (!auth || auth.length !== 16) throw invalid('keys.auth', 'auth must be 16 bytes (base64url)');
}

export function registerPushSubscription(
  deps: {
    uow: UnitOfWork<{ pushSubscriptions: PushSubscriptionsRepo }>;
    allowHttpLoopback: boolean;
  },
  user: AppUser,
  subscription: PushSubscriptionInput,
): Promise<void> {
  checkSubscription(subscription, deps.allowHttpLoopback);
  return deps.uow((r) => r.pushSubscriptions.saveSubscription(user.id, subscription));
}

export function removePushSubscription(
  deps: { uow: UnitOfWork<{ pushSubscriptions: PushSubscriptionsRepo }> },
  user: AppUser,
  endpoint: string,
): Promise<void> {
  return deps.uow(async (r) => {
    if (!(await r.pushSubscriptions.removeSubscription(user.id, endpoint)))
      throw notFound('Subscription');
  });
}

export function getVapidPublicKey(deps: {
  uow: UnitOfWork<{ pushSubscriptions: PushSubscriptionsRepo }>;
}): Promise<string> {
  return deps.uow(async (r) => {
    const key = await r.pushSubscriptions.findVapidPublicKey();
    if (!key) throw new DomainError('service_unavailable', 'Push is not set up yet');
    return key;
  });
}

/** The gear of a place: its notifications stop coming by push (the inbox still keeps them). */
export function mutePlace(
  deps: { uow: UnitOfWork<{ mutes: MutesRepo; clientPlaces: ClientPlacesRepo }> },
  user: AppUser,
  locationId: number,
  muted: boolean,
): Promise<{ locationId: number; muted: boolean }> {
  return deps.uow(async (r) => {
    const [place] = await r.clientPlaces.findClientPlaces(user.id, user.phone, { locationId });
    if (!place) throw notFound('Place');
    await r.mutes.setMuted(user.id, locationId, muted);
    return { locationId, muted };
  });
}
