import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../src/i18n';
import { disablePush, enablePush, pushNoteKey, pushState, pushSwitchUsable } from '../src/push';

/**
 * Web Push in the app (src/push.ts) against a stubbed browser: `navigator.serviceWorker`, its
 * `pushManager`, `Notification`, `localStorage`, and a fake `fetch` playing the server.
 */

// A P-256 public key as the server publishes it (65 bytes, base64url without padding).
const KEY_BYTES = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : (i * 37 + 11) % 256));
const KEY = Buffer.from(KEY_BYTES).toString('base64url');
const TOKEN = 'client-token-1';
const SUBSCRIPTION_JSON = {
  endpoint: 'https://push.example.test/send/abc',
  expirationTime: null,
  keys: { p256dh: 'BPk-p256dh', auth: 'auth-secret' },
};

interface Call {
  method: string;
  url: string;
  body: unknown;
  authorization: string | null;
}

let calls: Call[];
let events: string[];
/** What the fake server answers for the VAPID key: the key, or an HTTP status. */
let keyAnswer: string | number;
let permission: NotificationPermission;
let existing: { endpoint: string; toJSON(): unknown; unsubscribe(): Promise<boolean> } | null;
let subscribe: ReturnType<typeof vi.fn>;
let requestPermission: ReturnType<typeof vi.fn>;

const envelope = (status: number, data: unknown) =>
  new Response(JSON.stringify({ success: status < 400, data, meta: {} }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

function fakeFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers = (init.headers ?? {}) as Record<string, string>;
  const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
  calls.push({ method, url: input, body, authorization: headers.authorization ?? null });
  events.push(`${method} ${input}`);
  if (input === '/api/app/v1/push/vapid-public-key')
    return Promise.resolve(
      typeof keyAnswer === 'number'
        ? envelope(keyAnswer, null)
        : envelope(200, { public_key: keyAnswer }),
    );
  if (input === '/api/app/v1/push/subscriptions')
    return Promise.resolve(envelope(method === 'POST' ? 201 : 200, { endpoint: 'x' }));
  return Promise.resolve(envelope(404, null));
}

const madeSubscription = () => ({
  endpoint: SUBSCRIPTION_JSON.endpoint,
  toJSON: () => SUBSCRIPTION_JSON,
  unsubscribe: vi.fn(() => {
    events.push('unsubscribe');
    existing = null;
    return Promise.resolve(true);
  }),
});

function stubBrowser(options: { pushApi?: boolean } = {}) {
  const pushManager = {
    getSubscription: () => Promise.resolve(existing),
    subscribe,
  };
  const registration = { pushManager };
  vi.stubGlobal('navigator', {
    serviceWorker: {
      ready: Promise.resolve(registration),
      getRegistration: (scope: string) =>
        Promise.resolve(scope === '/app/' ? registration : undefined),
    },
  });
  vi.stubGlobal(
    'window',
    options.pushApi === false
      ? { Notification: {} }
      : { PushManager: function PushManager() {}, Notification: {} },
  );
  vi.stubGlobal('Notification', {
    get permission() {
      return permission;
    },
    requestPermission,
  });
  const store = new Map([['visita.token', TOKEN]]);
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
}

beforeEach(() => {
  calls = [];
  events = [];
  keyAnswer = KEY;
  permission = 'default';
  existing = null;
  subscribe = vi.fn(() => {
    events.push('subscribe');
    existing = madeSubscription();
    return Promise.resolve(existing);
  });
  requestPermission = vi.fn(() => {
    events.push('permission');
    permission = 'granted';
    return Promise.resolve(permission);
  });
  stubBrowser();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('turning push on', () => {
  it('subscribes with exactly the server’s VAPID key and posts the subscription', async () => {
    expect(await pushState()).toBe('off');
    expect(await enablePush()).toBe('on');
    expect(subscribe).toHaveBeenCalledTimes(1);
    const options = subscribe.mock.calls[0]![0] as {
      userVisibleOnly: boolean;
      applicationServerKey: Uint8Array;
    };
    expect(options.userVisibleOnly).toBe(true);
    expect(options.applicationServerKey).toBeInstanceOf(Uint8Array);
    expect([...options.applicationServerKey]).toEqual([...KEY_BYTES]);
    // The key is asked first, then the permission, then the browser subscribes, then the server
    // learns the subscription.
    expect(events.slice(1)).toEqual([
      'GET /api/app/v1/push/vapid-public-key',
      'permission',
      'subscribe',
      'POST /api/app/v1/push/subscriptions',
    ]);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual(SUBSCRIPTION_JSON);
    expect(post.authorization).toBe(`Bearer ${TOKEN}`);
    expect(await pushState()).toBe('on');
  });

  it('keeps an existing subscription instead of making another, and still tells the server', async () => {
    existing = madeSubscription();
    permission = 'granted';
    requestPermission.mockImplementation(() => Promise.resolve('granted'));
    expect(await enablePush()).toBe('on');
    expect(subscribe).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      SUBSCRIPTION_JSON,
    ]);
  });

  it('a refused permission leaves it off, saying so; nothing is subscribed or posted', async () => {
    requestPermission.mockImplementation(() => {
      permission = 'denied';
      return Promise.resolve('denied');
    });
    const state = await enablePush();
    expect(state).toBe('denied');
    expect(subscribe).not.toHaveBeenCalled();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(pushSwitchUsable(state)).toBe(false);
    expect(translator('en')(pushNoteKey(state)!)).toMatch(/blocked|denied|allow/i);
    // Next time the screen opens it still says so, without asking the server.
    calls = [];
    expect(await pushState()).toBe('denied');
    expect(calls).toEqual([]);
  });

  it('without the Push API it is unsupported: no request, no permission prompt', async () => {
    stubBrowser({ pushApi: false });
    expect(await enablePush()).toBe('unsupported');
    expect(await pushState()).toBe('unsupported');
    expect(calls).toEqual([]);
    expect(requestPermission).not.toHaveBeenCalled();
    expect(pushSwitchUsable('unsupported')).toBe(false);
    expect(pushNoteKey('unsupported')).toBe('account.notifications_unsupported');
  });

  it('a server without the push API (404) is unavailable: no permission prompt', async () => {
    keyAnswer = 404;
    expect(await enablePush()).toBe('unavailable');
    expect(await pushState()).toBe('unavailable');
    expect(requestPermission).not.toHaveBeenCalled();
    expect(subscribe).not.toHaveBeenCalled();
    expect(pushNoteKey('unavailable')).toBe('account.notifications_unavailable');
  });

  it('another server failure is an error for the screen to show, not a silent off', async () => {
    keyAnswer = 500;
    await expect(enablePush()).rejects.toMatchObject({ status: 500 });
    expect(subscribe).not.toHaveBeenCalled();
  });
});

describe('turning push off', () => {
  it('deletes the subscription on the server, then unsubscribes the browser', async () => {
    const subscription = madeSubscription();
    const unsubscribe = subscription.unsubscribe;
    existing = subscription;
    expect(await disablePush()).toBe('off');
    expect(events).toEqual(['DELETE /api/app/v1/push/subscriptions', 'unsubscribe']);
    expect(calls[0]!.body).toEqual({ endpoint: SUBSCRIPTION_JSON.endpoint });
    expect(calls[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(pushSwitchUsable('off')).toBe(true);
    expect(pushNoteKey('off')).toBeNull();
  });

  it('with nothing subscribed it asks nothing', async () => {
    expect(await disablePush()).toBe('off');
    expect(calls).toEqual([]);
  });
});
