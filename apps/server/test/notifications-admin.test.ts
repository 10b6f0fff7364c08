import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi } from './support/cabinet';
import {
  adminApi,
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

const settingsUrl = () => `/locations/${s.loc}/notification-settings`;

describe('notification settings (admin API)', () => {
  it('lists all 13 types with defaults, timing units and the sender', async () => {
    const res = await adminApi(t)('GET', settingsUrl(), s.staff);
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.sender).toBe('Visita');
    expect(d.types.map((x: { type: number }) => x.type)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(d.types[4]).toMatchObject({
      type: 5,
      enabled: true,
      timing: 24,
      timing_unit: 'hours_before_visit',
    });
    expect(d.types[8]).toMatchObject({ type: 9, timing: 10, timing_unit: 'local_send_hour' });
    expect(d.types[3]).toMatchObject({ type: 4, enabled: false, timing: null });
  });

  it('saves on/off, template, timing and brand name; the sender follows the brand', async () => {
    const res = await adminApi(t)('PATCH', settingsUrl(), s.admin, {
      brand_name: '  Studio Nord ',
      types: [
        { type: 8, enabled: false },
        { type: 5, timing: 3, template: 'See you at {time}, {client}! {link}' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ brand_name: 'Studio Nord', sender: 'Studio Nord' });
    const read = await adminApi(t)('GET', settingsUrl(), s.admin);
    expect(read.body.data.types[7]).toMatchObject({ type: 8, enabled: false });
    expect(read.body.data.types[4]).toMatchObject({
      timing: 3,
      template: 'See you at {time}, {client}! {link}',
    });
  });

  it('refuses a bad patch naming the field, writing nothing of it', async () => {
    const cases: [unknown, string][] = [
      [{ types: [{ type: 14, enabled: true }] }, 'types.0.type'],
      [{ types: [{ type: 5, timing: 0 }] }, 'types.0.timing'],
      [{ types: [{ type: 1, timing: 5 }] }, 'types.0.timing'],
      [{ types: [{ type: 2, template: 'Hi {nickname}' }] }, 'types.0.template'],
      [{ types: [{ type: 2, template: '   ' }] }, 'types.0.template'],
      [
        {
          types: [
            { type: 3, enabled: false },
            { type: 3, enabled: true },
          ],
        },
        'types.1.type',
      ],
      [
        {
          brand_name: 'Good',
          types: [
            { type: 2, enabled: false },
            { type: 9, timing: 24 },
          ],
        },
        'types.1.timing',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await adminApi(t)('PATCH', settingsUrl(), s.admin, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body).toMatchObject({ success: false, data: null });
      expect(Object.keys(res.body.meta.errors)).toEqual([field]);
    }
    const read = await adminApi(t)('GET', settingsUrl(), s.admin);
    expect(read.body.data.types[1]).toMatchObject({ type: 2, enabled: true });
    expect(read.body.data.brand_name).toBe('Studio Nord');
  });

  it('needs a user with the right at that location', async () => {
    expect((await adminApi(t)('GET', settingsUrl(), null)).status).toBe(401);
    expect((await adminApi(t)('GET', settingsUrl(), s.outsider)).status).toBe(403);
    expect((await adminApi(t)('PATCH', settingsUrl(), s.staff, { types: [] })).status).toBe(403);
    expect(
      (await adminApi(t)('GET', '/locations/999999/notification-settings', s.owner)).status,
    ).toBe(404);
  });
});

describe('bulk push', () => {
  it('says how many recipients have the app, fans out as jobs with progress, and opens the booking page', async () => {
    const withApp = [
      await makeAppClient(t, e, s, { name: 'Ann' }),
      await makeAppClient(t, e, s, { name: 'Ben' }),
    ];
    const gone = await makeAppClient(t, e, s, { name: 'Gus' });
    e.push.forget(gone.device!.id);
    await t.db.query(
      `INSERT INTO clients(location_id, phone, name) VALUES ($1, '+4915100000001', 'No app')`,
      [s.loc],
    );
    const filters = [{ type: 'quick_search', state: { value: '' } }];
    const preview = await adminApi(t)('POST', `/locations/${s.loc}/bulk-pushes/preview`, s.admin, {
      filters,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const { matching_clients: matching, recipients_with_app: recipients } = preview.body.data;
    expect(recipients).toBeGreaterThanOrEqual(3);
    expect(matching).toBeGreaterThan(recipients);

    const sent = await adminApi(t)('POST', `/locations/${s.loc}/bulk-pushes`, s.admin, {
      filters,
      text: 'Winter sale: 20% off all cuts this week!',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.data).toMatchObject({
      recipients_with_app: recipients,
      matching_clients: matching,
      queued: 0,
      done: false,
      url: `/app/book/${s.loc}`,
    });
    await e.settle();
    const status = await adminApi(t)(
      'GET',
      `/locations/${s.loc}/bulk-pushes/${sent.body.data.id}`,
      s.admin,
    );
    expect(status.body.data).toMatchObject({ queued: recipients, done: true });
    expect(status.body.data.delivered + status.body.data.undeliverable).toBe(recipients);
    expect(status.body.data.undeliverable).toBeGreaterThanOrEqual(1);
    for (const c of withApp) {
      const got = e.push.received.filter(
        (r) => r.deviceId === c.device!.id && r.payload.type === 13,
      );
      expect(got).toHaveLength(1);
      expect(got[0]!.payload).toMatchObject({
        body: 'Winter sale: 20% off all cuts this week!',
        url: `/app/book/${s.loc}`,
      });
      const list = await appApi(t)('GET', '/notifications', c);
      expect(list.body.data[0].actions).toEqual([
        { kind: 'book', location_id: s.loc, url: `/app/book/${s.loc}` },
      ]);
    }
    // The undelivered client no longer counts as having the app.
    const after = await adminApi(t)('POST', `/locations/${s.loc}/bulk-pushes/preview`, s.admin, {
      filters,
    });
    expect(after.body.data.recipients_with_app).toBe(recipients - 1);
  });

  it('uses the client search filters: only the chosen clients get it', async () => {
    const ann = await makeAppClient(t, e, s, { name: 'Zelda Target' });
    const ben = await makeAppClient(t, e, s, { name: 'Yorick Other' });
    const res = await adminApi(t)('POST', `/locations/${s.loc}/bulk-pushes`, s.admin, {
      filters: [
        { type: 'id', state: { value: [ann.clientId] } },
        { type: 'has_mobile_app', state: { value: true } },
      ],
      text: 'Just for you',
    });
    expect(res.body.data.recipients_with_app).toBe(1);
    await e.settle();
    expect(e.push.countFor(ann.device!.id)).toBe(1);
    expect(e.push.countFor(ben.device!.id)).toBe(0);
  });

  it('refuses bad filters and empty text (4xx naming the field), and needs clients rights', async () => {
    const url = `/locations/${s.loc}/bulk-pushes`;
    const badFilter = await adminApi(t)('POST', url, s.admin, {
      filters: [{ type: 'nope' }],
      text: 'x',
    });
    expect(badFilter.status).toBe(400);
    expect(Object.keys(badFilter.body.meta.errors)[0]).toMatch(/^filters/);
    const empty = await adminApi(t)('POST', url, s.admin, { text: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.body.meta.errors).toHaveProperty('text');
    expect((await adminApi(t)('POST', url, s.staff, { text: 'hi' })).status).toBe(403);
    const count = await t.db.query('SELECT id FROM bulk_pushes WHERE text = $1', ['x']);
    expect(count).toEqual([]);
  });

  it('lists the location’s earlier pushes newest first with text, time, recipients and counters; clients:read and the tenant', async () => {
    const url = `/locations/${s.loc}/bulk-pushes`;
    const res = await adminApi(t)('GET', url, s.admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const texts = res.body.data.map((b: { text: string }) => b.text);
    // Written by the tests above; the refused ones never were.
    expect(texts).toEqual(['Just for you', 'Winter sale: 20% off all cuts this week!']);
    expect(res.body.meta).toEqual({ count: 2 });
    const winter = res.body.data[1];
    expect(winter).toMatchObject({ location_id: s.loc, done: true });
    expect(winter.recipients_with_app).toBeGreaterThanOrEqual(3);
    expect(winter.delivered + winter.undeliverable).toBe(winter.recipients_with_app);
    expect(Date.parse(winter.created_at)).not.toBeNaN();
    expect(res.body.data[0]).toMatchObject({ recipients_with_app: 1, delivered: 1 });
    // A staff member has no clients:read; another chain's owner is refused here and sees
    // none of these on their own location.
    expect((await adminApi(t)('GET', url, s.staff)).status).toBe(403);
    expect((await adminApi(t)('GET', url, s.outsider)).status).toBe(403);
    const theirs = await adminApi(t)(
      'GET',
      `/locations/${s.otherLocation.id}/bulk-pushes`,
      s.outsider,
    );
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
  });

  it('pages the history Altegio-style: page/count, newest first, meta.count the total; bad bounds are refused naming the field', async () => {
    const url = `/locations/${s.loc}/bulk-pushes`;
    const one = await makeAppClient(t, e, s, { name: 'Paging Pat' });
    for (const n of [1, 2, 3]) {
      const sent = await adminApi(t)('POST', url, s.admin, {
        filters: [{ type: 'id', state: { value: [one.clientId] } }],
        text: `Paged ${n}`,
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    await e.settle();
    const page = async (q: string) => {
      const res = await adminApi(t)('GET', `${url}?${q}`, s.admin);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { texts: res.body.data.map((b: { text: string }) => b.text), meta: res.body.meta };
    };
    const all = ['Paged 3', 'Paged 2', 'Paged 1', 'Just for you'];
    all.push('Winter sale: 20% off all cuts this week!');
    expect(await page('')).toEqual({ texts: all, meta: { count: 5 } });
    expect(await page('page=1&count=2')).toEqual({ texts: all.slice(0, 2), meta: { count: 5 } });
    expect(await page('page=2&count=2')).toEqual({ texts: all.slice(2, 4), meta: { count: 5 } });
    expect(await page('page=3&count=2')).toEqual({ texts: all.slice(4), meta: { count: 5 } });
    expect(await page('page=4&count=2')).toEqual({ texts: [], meta: { count: 5 } });
    expect((await page('count=200')).texts).toEqual(all);
    // Query bounds (a query is not a body: the API answers 400 for it, naming the field).
    for (const [q, field] of [
      ['count=0', 'count'],
      ['count=201', 'count'],
      ['count=2147483648', 'count'],
      ['count=many', 'count'],
      ['page=0', 'page'],
      ['page=1000001', 'page'],
    ] as const) {
      const bad = await adminApi(t)('GET', `${url}?${q}`, s.admin);
      expect(bad.status, q).toBe(400);
      expect(Object.keys(bad.body.meta.errors), q).toEqual([field]);
    }
  });
});
