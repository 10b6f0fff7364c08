import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi } from './support/cabinet';
import { api } from './support/catalog';
import {
  bookInCalendar,
  inbox,
  makeAppClient,
  closeNotifyWorld,
  openNotifyWorld,
  type TestEngine,
} from './support/notifications';
import type { Salon } from './support/records';
import type { TestApp } from './support/test-app';

let t: TestApp;
let e: TestEngine;
let s: Salon;

beforeAll(async () => ({ t, e, s } = await openNotifyWorld()));
afterAll(() => closeNotifyWorld(t, e));

const hasApp = async (phone: string) =>
  (
    await t.db.query<{ has_app: boolean }>('SELECT has_app FROM clients WHERE phone = $1', [phone])
  ).map((r) => r.has_app);

describe('Web Push', () => {
  it('serves the VAPID public key the server made and kept', async () => {
    const res = await appApi(t)('GET', '/push/vapid-public-key', null);
    expect(res.status).toBe(200);
    expect(res.body.data.public_key).toBe(e.vapid.publicKey);
    expect(Buffer.from(e.vapid.publicKey, 'base64url')).toHaveLength(65);
  });

  it('encrypts to each device with a VAPID signature the push service accepts', async () => {
    const c = await makeAppClient(t, e, s);
    const second = e.push.createDevice();
    expect((await appApi(t)('POST', '/push/subscriptions', c, second.subscription)).status).toBe(
      201,
    );
    await bookInCalendar(t, s, c, '2026-12-01 11:00:00');
    await e.settle();
    expect(e.push.countFor(c.device!.id)).toBe(1);
    expect(e.push.countFor(second.id)).toBe(1);
    expect(e.push.rejected).toEqual([]);
    const [n] = await inbox(t, c);
    const got = e.push.received.filter((r) => r.deviceId === second.id)[0]!;
    expect(got.payload).toMatchObject({ id: n!.id, url: n!.url, location_id: s.loc });
    expect(got.ttl).toBeGreaterThan(0);
  });

  it('a device the push service calls gone (410) is forgotten; with none left has_app turns off', async () => {
    const c = await makeAppClient(t, e, s);
    const spare = e.push.createDevice();
    await appApi(t)('POST', '/push/subscriptions', c, spare.subscription);
    e.push.forget(c.device!.id);
    await bookInCalendar(t, s, c, '2026-12-02 10:00:00');
    await e.settle();
    // One device left: still has the app.
    expect(await hasApp(c.phone)).toEqual([true]);
    e.push.forget(spare.id);
    await bookInCalendar(t, s, c, '2026-12-02 15:00:00');
    await e.settle();
    expect(await hasApp(c.phone)).toEqual([false]);
    const left = await t.db.query('SELECT id FROM push_subscriptions WHERE app_user_id = $1', [
      c.id,
    ]);
    expect(left).toEqual([]);
    // The "has the app" filter of the clients base no longer finds the client.
    const search = await api(t).post(`/company/${s.loc}/clients/search`, s.admin, {
      filters: [{ type: 'has_mobile_app', state: { value: true } }],
      page: 1,
      page_size: 200,
    });
    expect(search.status).toBe(200);
    expect(search.body.data.map((x: { id: number }) => x.id)).not.toContain(c.clientId);
    // The inbox still has both.
    expect(await inbox(t, c)).toHaveLength(2);
    // A new device brings the flag back.
    const fresh = e.push.createDevice();
    await appApi(t)('POST', '/push/subscriptions', c, fresh.subscription);
    expect(await hasApp(c.phone)).toEqual([true]);
  });

  it('registers idempotently, removes, and refuses bad subscriptions with the field named', async () => {
    const c = await makeAppClient(t, e, s, { device: false });
    const device = e.push.createDevice();
    const http = appApi(t);
    expect((await http('POST', '/push/subscriptions', c, device.subscription)).status).toBe(201);
    expect((await http('POST', '/push/subscriptions', c, device.subscription)).status).toBe(201);
    const rows = await t.db.query('SELECT id FROM push_subscriptions WHERE app_user_id = $1', [
      c.id,
    ]);
    expect(rows).toHaveLength(1);
    const bad = await http('POST', '/push/subscriptions', c, {
      endpoint: 'http://push.example.com/x',
      keys: device.subscription.keys,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors).toHaveProperty('endpoint');
    const badKey = await http('POST', '/push/subscriptions', c, {
      endpoint: 'https://push.example.com/x',
      keys: { p256dh: 'abc', auth: device.subscription.keys.auth },
    });
    expect(badKey.status).toBe(422);
    expect(badKey.body.meta.errors).toHaveProperty(['keys.p256dh']);
    expect((await http('POST', '/push/subscriptions', null, device.subscription)).status).toBe(401);
    const removed = await http('DELETE', '/push/subscriptions', c, {
      endpoint: device.subscription.endpoint,
    });
    expect(removed.status).toBe(200);
    expect(
      (await http('DELETE', '/push/subscriptions', c, { endpoint: device.subscription.endpoint }))
        .status,
    ).toBe(404);
  });
});
