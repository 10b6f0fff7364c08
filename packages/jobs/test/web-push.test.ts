import http from 'node:http';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVapidKeys, webPushSender, type VapidIdentity } from '../src';
import { startLocalPushService, type LocalPushService } from '../src/testing';

/** The Web Push sender against the local push service: both halves are real, so each can fail. */
let service: LocalPushService;
let vapid: VapidIdentity;

beforeAll(async () => {
  vapid = generateVapidKeys('mailto:test@visita.test');
  service = await startLocalPushService({ vapidPublicKey: vapid.publicKey });
});
afterAll(() => service.close());

const deviceOf = (d: ReturnType<LocalPushService['createDevice']>) => ({
  endpoint: d.subscription.endpoint,
  ...d.subscription.keys,
});

/** Posts web-push's request for `device`, with the Authorization header replaced. */
function postWith(device: ReturnType<LocalPushService['createDevice']>, authorization: string) {
  const details = webpush.generateRequestDetails(device.subscription, '{"x":1}', {
    vapidDetails: null as never,
    headers: { Authorization: authorization },
  });
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      device.subscription.endpoint,
      { method: 'POST', headers: details.headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(details.body);
  });
}

describe('Web Push to the local push service', () => {
  it('delivers: the service verifies the VAPID JWT and decrypts the payload', async () => {
    const sender = webPushSender(vapid);
    const d = service.createDevice();
    const outcome = await sender.send(deviceOf(d), JSON.stringify({ hello: 'Clara' }), {
      topic: 'n1',
      ttlSeconds: 60,
    });
    sender.close();
    expect(outcome).toBe('delivered');
    const got = service.received.find((r) => r.deviceId === d.id)!;
    expect(got).toMatchObject({ payload: { hello: 'Clara' }, topic: 'n1', ttl: 60 });
  });

  it('refuses another server’s key, a forged signature, a wrong audience and a tampered body', async () => {
    const d = service.createDevice();
    const intruder = generateVapidKeys('mailto:x@evil.test');
    const other = webPushSender(intruder);
    expect(await other.send(deviceOf(d), '{}', { topic: 'a', ttlSeconds: 60 })).toBe('retry');
    other.close();
    expect(service.rejected.at(-1)).toMatchObject({
      status: 403,
      reason: 'unexpected VAPID public key',
    });

    const exp = Math.floor(Date.now() / 1000) + 3600;
    const forged = webpush.getVapidHeaders(
      service.url,
      'mailto:x@evil.test',
      intruder.publicKey,
      intruder.privateKey,
      'aes128gcm',
      exp,
    );
    const withOurKey = String(forged.Authorization).replace(/k=.*$/, `k=${vapid.publicKey}`);
    expect(await postWith(d, withOurKey)).toBe(403);
    expect(service.rejected.at(-1)!.reason).toBe('bad JWT signature');

    const elsewhere = webpush.getVapidHeaders(
      'https://push.example.com',
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
      exp,
    );
    expect(await postWith(d, String(elsewhere.Authorization))).toBe(403);
    expect(service.rejected.at(-1)!.reason).toMatch(/^aud /);

    // Encrypted for another device: the keys do not match, nothing is accepted.
    const stranger = service.createDevice();
    const right = webpush.getVapidHeaders(
      service.url,
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
      exp,
    );
    const details = webpush.generateRequestDetails(stranger.subscription, '{"x":1}', {
      vapidDetails: null as never,
      headers: { Authorization: String(right.Authorization) },
    });
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        d.subscription.endpoint,
        { method: 'POST', headers: details.headers },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.end(details.body);
    });
    expect(status).toBe(400);
    expect(service.rejected.at(-1)!.reason).toMatch(/^cannot decrypt/);
    expect(service.countFor(d.id)).toBe(0);
  });

  it('answers 410 for a device that was unsubscribed: the sender says gone', async () => {
    const sender = webPushSender(vapid);
    const d = service.createDevice();
    service.forget(d.id);
    expect(await sender.send(deviceOf(d), '{}', { topic: 'b', ttlSeconds: 60 })).toBe('gone');
    sender.close();
  });
});
