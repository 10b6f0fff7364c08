/// <reference lib="webworker" />
/**
 * The app's service worker (scope /app/): an offline shell, the client's API answers last seen
 * (so upcoming appointments and cards still show offline), and Web Push display and taps.
 * Self-contained on purpose: a classic worker cannot import the app's chunks (./target.ts is
 * bundled into sw.js).
 */
import { targetOf, type PushPayload } from './target';

declare const self: ServiceWorkerGlobalScope;

const SHELL = 'visita-shell-v1';
/** The client's own data; the app deletes it on log out. */
const API = 'visita-api';
const INDEX = '/app/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const response = await fetch(INDEX, { cache: 'no-store' });
      const html = await response.clone().text();
      await cache.put(INDEX, response);
      const assets = [...html.matchAll(/(?:src|href)="(\/app\/[^"]+)"/g)].map((m) => m[1]!);
      await cache.addAll([...new Set(assets)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('visita-shell-') && name !== SHELL) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Network first, the last good answer when offline. */
async function networkFirst(request: Request, cacheName: string, key: string | Request = request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

/** Hashed assets never change: the cache wins, the network fills it. */
async function cacheFirst(request: Request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

const CACHED_API = /^\/api\/(app\/v1\/(?!auth\/|push\/)|v1\/(book_services|book_staff|company)\/)/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/app'))
    event.respondWith(networkFirst(request, SHELL, INDEX));
  else if (url.pathname.startsWith('/app/')) event.respondWith(cacheFirst(request));
  else if (CACHED_API.test(url.pathname)) event.respondWith(networkFirst(request, API));
  // The card types' pictures, so the cards last seen keep their image offline.
  else if (url.pathname.startsWith('/media/loyalty/'))
    event.respondWith(networkFirst(request, API));
});

self.addEventListener('push', (event) => {
  let data: PushPayload = {};
  try {
    data = (event.data?.json() ?? {}) as PushPayload;
  } catch {
    data = { body: event.data?.text() ?? '' };
  }
  // Titled with the sender (the business's name), as the article says; the message below it.
  const title = data.sender || data.title || 'Visita';
  const body = [data.sender && data.title !== data.sender ? data.title : '', data.body]
    .filter(Boolean)
    .join('\n');
  const id = data.id ?? data.notification_id;
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      icon: '/app/icons/icon-192.png',
      badge: '/app/icons/icon-192.png',
      ...(id ? { tag: `visita-${id}` } : {}),
      data: { url: targetOf(data) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/app/notifications';
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).pathname.startsWith('/app'));
      if (open) {
        await open.focus();
        await open.navigate(url).catch(() => null);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
