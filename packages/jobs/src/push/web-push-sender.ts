import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';

export interface PushDevice {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** `delivered`; `gone`: the push service no longer knows the device (404/410); `retry`: try later. */
export type PushOutcome = 'delivered' | 'gone' | 'retry';

export interface PushSender {
  send(
    device: PushDevice,
    payload: string,
    options: { topic: string; ttlSeconds: number },
  ): Promise<PushOutcome>;
  close(): void;
}

export interface VapidIdentity {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const VAPID_TOKEN_SECONDS = 12 * 3600;

/**
 * Web Push through the `web-push` package: it encrypts the payload (RFC 8291, aes128gcm) and
 * signs the VAPID JWT (RFC 8292); we send the request it describes (RFC 8030) over keep-alive
 * connections. The VAPID header of a push service origin is signed once and reused until
 * close to its expiry instead of once per message.
 */
export function webPushSender(
  vapid: VapidIdentity,
  options: { timeoutMs?: number } = {},
): PushSender {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 128 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 128 }),
  };
  const tokens = new Map<string, { header: string; renewAt: number }>();
  const authorization = (endpoint: URL) => {
    const audience = endpoint.origin;
    const now = Date.now();
    const cached = tokens.get(audience);
    if (cached && cached.renewAt > now) return cached.header;
    const expiration = Math.floor(now / 1000) + VAPID_TOKEN_SECONDS;
    const headers = webpush.getVapidHeaders(
      audience,
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
      expiration,
    );
    const header = String(headers.Authorization);
    tokens.set(audience, { header, renewAt: now + (VAPID_TOKEN_SECONDS - 3600) * 1000 });
    return header;
  };

  return {
    send(device, payload, { topic, ttlSeconds }) {
      const url = new URL(device.endpoint);
      const details = webpush.generateRequestDetails(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        payload,
        {
          vapidDetails: null as never,
          TTL: ttlSeconds,
          topic,
          urgency: 'normal',
          headers: { Authorization: authorization(url) },
        },
      );
      const transport = url.protocol === 'http:' ? http : https;
      return new Promise<PushOutcome>((resolve) => {
        const request = transport.request(
          url,
          {
            method: 'POST',
            headers: details.headers,
            agent: url.protocol === 'http:' ? agents.http : agents.https,
            timeout: options.timeoutMs ?? 10_000,
          },
          (response) => {
            response.resume();
            response.on('end', () => {
              const status = response.statusCode ?? 0;
              if (status >= 200 && status < 300) resolve('delivered');
              else if (status === 404 || status === 410) resolve('gone');
              else resolve('retry');
            });
          },
        );
        request.on('timeout', () => request.destroy(new Error('push timeout')));
        request.on('error', () => resolve('retry'));
        request.end(details.body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** A new VAPID key pair (base64url P-256). */
export function generateVapidKeys(subject: string): VapidIdentity {
  const keys = webpush.generateVAPIDKeys();
  return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject };
}
