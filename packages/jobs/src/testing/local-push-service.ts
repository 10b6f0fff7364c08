import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
  type KeyObject,
} from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Web Push service on loopback for tests and the push benchmark: it checks what a real push
 * service checks and decrypts what a browser decrypts, with real keys and no shortcut.
 * - RFC 8292: `Authorization: vapid t=<JWT>, k=<key>`; the ES256 signature is verified against
 *   `k` (which must be the server's VAPID public key when one is given), `aud` must be this
 *   service's origin and `exp` in the next 24 hours.
 * - RFC 8291 / 8188: the aes128gcm body is decrypted with the device's private key and auth secret.
 * - RFC 8030: 201 on acceptance; 410 for a device that was unsubscribed (`forget`).
 * Devices are made here like a browser makes them: an ECDH P-256 key pair and 16 random bytes.
 */
export interface ReceivedPush {
  deviceId: string;
  payload: Record<string, unknown>;
  topic: string | undefined;
  ttl: number;
  receivedAt: number;
}

export interface LocalDevice {
  id: string;
  /** What `PushSubscription.toJSON()` gives the app. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
}

export interface LocalPushService {
  url: string;
  received: ReceivedPush[];
  /** Requests refused (bad signature, undecryptable, unknown device), with the reason. */
  rejected: { deviceId: string; status: number; reason: string }[];
  createDevice(): LocalDevice;
  /** The device was uninstalled: its endpoint answers 410 Gone from now on. */
  forget(deviceId: string): void;
  /** Pushes received per device. */
  countFor(deviceId: string): number;
  /** Pushes accepted so far, and when the first and the last came (ms since epoch). */
  stats(): { total: number; firstAt: number | null; lastAt: number | null; rejected: number };
  /** Resolves once `n` pushes were received in total. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface DeviceKeys {
  ecdh: ReturnType<typeof createECDH>;
  publicKey: Buffer;
  auth: Buffer;
  gone: boolean;
}

const b64url = (b: Buffer) => b.toString('base64url');

function rawKeyToKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: b64url(raw.subarray(1, 33)),
      y: b64url(raw.subarray(33, 65)),
    },
    format: 'jwk',
  });
}

const verifiedTokens = new Set<string>();

/** The VAPID check of RFC 8292; returns the reason for refusing, or null. */
function checkVapid(
  header: string | undefined,
  origin: string,
  expectedKey: string | undefined,
  keyCache: Map<string, KeyObject>,
): string | null {
  const match = /^vapid\s+t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/i.exec(header ?? '');
  if (!match) return 'missing or malformed vapid Authorization';
  const [, token, k] = match as unknown as [string, string, string];
  if (expectedKey && k !== expectedKey) return 'unexpected VAPID public key';
  const parts = token.split('.');
  if (parts.length !== 3) return 'JWT must have three parts';
  const [h, p, s] = parts as [string, string, string];
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  if (head.alg !== 'ES256') return 'JWT alg must be ES256';
  // A push service may remember a token it verified (one VAPID token serves many messages);
  // its claims are still checked on every message below.
  const verifiedKey = `${k}|${token}`;
  let key = keyCache.get(k);
  if (!key) {
    key = rawKeyToKeyObject(Buffer.from(k, 'base64url'));
    keyCache.set(k, key);
  }
  if (!verifiedTokens.has(verifiedKey)) {
    const signature = Buffer.from(s, 'base64url');
    const valid = verify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key, dsaEncoding: 'ieee-p1363' },
      signature,
    );
    if (!valid) return 'bad JWT signature';
    if (verifiedTokens.size > 10_000) verifiedTokens.clear();
    verifiedTokens.add(verifiedKey);
  }
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (claims.aud !== origin) return `aud ${claims.aud} is not ${origin}`;
  const now = Date.now() / 1000;
  if (!claims.exp || claims.exp < now || claims.exp > now + 86_400) return 'bad exp';
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) return 'bad sub';
  return null;
}

/** RFC 8291 decryption of one aes128gcm record. */
export function decryptAes128gcm(
  body: Buffer,
  device: { ecdh: DeviceKeys['ecdh']; publicKey: Buffer; auth: Buffer },
): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const senderKey = body.subarray(21, 21 + idLength);
  const cipherText = body.subarray(21 + idLength);
  const secret = device.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.publicKey, senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, device.auth, keyInfo, 32));
  const cek = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const nonce = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12),
  );
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(cipherText.subarray(cipherText.length - 16));
  const padded = Buffer.concat([
    decipher.update(cipherText.subarray(0, cipherText.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record must end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

export async function startLocalPushService(
  options: { vapidPublicKey?: string; keepMessages?: boolean } = {},
): Promise<LocalPushService> {
  const devices = new Map<string, DeviceKeys>();
  const received: ReceivedPush[] = [];
  const rejected: LocalPushService['rejected'] = [];
  const counts = new Map<string, number>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const keyCache = new Map<string, KeyObject>();
  let total = 0;
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  let origin = '';

  const refuse = (res: http.ServerResponse, deviceId: string, status: number, reason: string) => {
    rejected.push({ deviceId, status, reason });
    res.writeHead(status).end(reason);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/__stats') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ total, firstAt, lastAt, rejected: rejected.length }));
      }
      const deviceId = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
      const device = devices.get(deviceId);
      if (req.method !== 'POST' || !device) return refuse(res, deviceId, 404, 'no such device');
      if (device.gone) return refuse(res, deviceId, 410, 'unsubscribed');
      const reason = checkVapid(
        req.headers.authorization,
        origin,
        options.vapidPublicKey,
        keyCache,
      );
      if (reason) return refuse(res, deviceId, 403, reason);
      if (req.headers['content-encoding'] !== 'aes128gcm')
        return refuse(res, deviceId, 415, 'content-encoding must be aes128gcm');
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) return refuse(res, deviceId, 400, 'TTL header needed');
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(
          decryptAes128gcm(Buffer.concat(chunks), device).toString('utf8'),
        ) as Record<string, unknown>;
      } catch (error) {
        return refuse(res, deviceId, 400, `cannot decrypt: ${String(error)}`);
      }
      total++;
      lastAt = Date.now();
      firstAt ??= lastAt;
      counts.set(deviceId, (counts.get(deviceId) ?? 0) + 1);
      if (options.keepMessages ?? true)
        received.push({
          deviceId,
          payload,
          topic: req.headers.topic as string | undefined,
          ttl,
          receivedAt: Date.now(),
        });
      else if (received.length === 0)
        received.push({ deviceId, payload, topic: undefined, ttl, receivedAt: Date.now() });
      res.writeHead(201, { location: `${origin}/message/${randomUUID()}` }).end();
      for (const w of waiters.filter((w) => total >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    received,
    rejected,
    createDevice() {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      devices.set(id, { ecdh, publicKey, auth, gone: false });
      return {
        id,
        subscription: {
          endpoint: `${origin}/push/${id}`,
          keys: { p256dh: b64url(publicKey), auth: b64url(auth) },
        },
      };
    },
    forget(deviceId) {
      const d = devices.get(deviceId);
      if (d) d.gone = true;
    },
    countFor: (deviceId) => counts.get(deviceId) ?? 0,
    stats: () => ({ total, firstAt, lastAt, rejected: rejected.length }),
    waitFor(n, timeoutMs = 20_000) {
      if (total >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${total} of ${n} pushes arrived`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
