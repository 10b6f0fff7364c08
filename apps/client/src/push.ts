import { app, ApiError } from './api';
import type { MessageKey } from './i18n';

/**
 * Web Push with the server's VAPID key (`GET /push/vapid-public-key`, `POST/DELETE
 * /push/subscriptions`, the agreed contract). Each step is feature-detected: an old browser,
 * a refused permission or a server without the push API each give their own state.
 */
export type PushState = 'unsupported' | 'unavailable' | 'denied' | 'off' | 'on';

/** What the account screen says under the switch (which is only usable when `off` or `on`). */
const NOTES: Partial<Record<PushState, MessageKey>> = {
  unsupported: 'account.notifications_unsupported',
  unavailable: 'account.notifications_unavailable',
  denied: 'account.notifications_denied',
};
export const pushNoteKey = (state: PushState): MessageKey | null => NOTES[state] ?? null;
export const pushSwitchUsable = (state: PushState | null): boolean =>
  state === 'on' || state === 'off';

const supported = () =>
  'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4))
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function vapidKey(): Promise<string | null> {
  try {
    return (await app<{ public_key: string }>('GET', '/push/vapid-public-key')).public_key;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 501 || e.status === 503))
      return null;
    throw e;
  }
}

export async function pushState(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await navigator.serviceWorker.getRegistration('/app/');
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) return 'on';
  return (await vapidKey()) ? 'off' : 'unavailable';
}

export async function enablePush(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  const key = await vapidKey();
  if (!key) return 'unavailable';
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(key),
    }));
  await app('POST', '/push/subscriptions', subscription.toJSON());
  return 'on';
}

export async function disablePush(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  const registration = await navigator.serviceWorker.getRegistration('/app/');
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await app('DELETE', '/push/subscriptions', { endpoint: subscription.endpoint }).catch(
      () => undefined,
    );
    await subscription.unsubscribe();
  }
  return 'off';
}
