import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeAppointment, makeAppUser, makeService, makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBodyProblem, MAX_JSON_DEPTH } from '../src/plugins/json-body';
import { api } from './support/catalog';
import { deeplyNestedJson } from './support/bad-input';
import { call, createTestApp, makeTenant, type TestApp } from './support/test-app';

/** The malformed requests of issue 14, one by one, with the exact answer each must get. */

let t: TestApp;
let s: Awaited<ReturnType<typeof world>>;

async function world(app: TestApp) {
  const tenant = await makeTenant(app.db);
  const loc = tenant.location.id;
  const anna = await makeStaff(app.db, loc, { name: 'Anna' });
  const cut = await makeService(app.db, loc, { minutes: 60, staffIds: [anna.id] });
  const phone = '+4915100001111';
  const appUser = await makeAppUser(app.db, { phone, name: 'Ana' });
  await makeAppointment(app.db, {
    locationId: loc,
    staffId: anna.id,
    serviceIds: [cut.id],
    phone,
    start: '2026-11-20T09:00:00Z',
  });
  return { ...tenant, loc, anna, cut, appUser };
}

beforeAll(async () => {
  t = await createTestApp();
  s = await world(t);
});
afterAll(() => t.close());

const counts = async () =>
  (
    await t.db.query<{ records: number; clients: number; services: number; app_users: string }>(
      `SELECT (SELECT count(*)::int FROM records) AS records,
              (SELECT count(*)::int FROM clients) AS clients,
              (SELECT count(*)::int FROM services) AS services,
              (SELECT string_agg(name, ',' ORDER BY id) FROM app_users) AS app_users`,
    )
  )[0]!;

const booking = (
  appointment: Record<string, unknown> = {},
  body: Record<string, unknown> = {},
) => ({
  phone: '+4915112345678',
  fullname: 'Erika',
  appointments: [
    {
      id: 1,
      services: [s.cut.id],
      staff_id: s.anna.id,
      datetime: '2026-12-01 10:00:00',
      ...appointment,
    },
  ],
  ...body,
});

const record = (body: Record<string, unknown> = {}) => ({
  staff_id: s.anna.id,
  services: [{ id: s.cut.id }],
  client: { phone: '+4915155550000', name: 'Clara' },
  datetime: '2026-12-01 12:00:00',
  ...body,
});

async function expectRefused(
  res: { status: number; body: any },
  status: number,
  field: string,
): Promise<void> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.success).toBe(false);
  expect(res.body.data).toBeNull();
  expect(Object.keys(res.body.meta.errors), JSON.stringify(res.body.meta)).toContain(field);
}

describe('integers past int4', () => {
  it.each([2 ** 31, 2 ** 53 + 1, 1e308])('book_record staff_id %s is 422 naming it', async (v) => {
    const before = await counts();
    const res = await api(t).post(`/book_record/${s.loc}`, null, booking({ staff_id: v }));
    await expectRefused(res, 422, 'appointments.0.staff_id');
    expect(await counts()).toEqual(before);
  });

  it('services: [2^31] on book_record and on POST /records', async () => {
    const before = await counts();
    const online = await api(t).post(
      `/book_record/${s.loc}`,
      null,
      booking({ services: [2 ** 31] }),
    );
    await expectRefused(online, 422, 'appointments.0.services.0');
    const admin = await api(t).post(
      `/records/${s.loc}`,
      s.owner,
      record({ services: [{ id: 2 ** 31 }] }),
    );
    await expectRefused(admin, 422, 'services.0.id');
    expect(await counts()).toEqual(before);
  });

  it('activity_id and staff_id 2^31 on POST /records', async () => {
    const before = await counts();
    const activity = await api(t).post(
      `/records/${s.loc}`,
      s.owner,
      record({ activity_id: 2 ** 31 }),
    );
    await expectRefused(activity, 422, 'activity_id');
    const staff = await api(t).post(`/records/${s.loc}`, s.owner, record({ staff_id: 1e308 }));
    await expectRefused(staff, 422, 'staff_id');
    expect(await counts()).toEqual(before);
  });

  it('a path id 2^31 on PATCH /company/{id}/services/{id} is 400 naming it', async () => {
    const res = await api(t).patch(`/company/${s.loc}/services/${2 ** 31}`, s.owner, {
      title: 'X',
    });
    await expectRefused(res, 400, 'service_id');
  });

  it('money beyond numeric(12,2) is 422 naming it', async () => {
    const res = await api(t).post(
      `/records/${s.loc}`,
      s.owner,
      record({ services: [{ id: s.cut.id, cost: 1e12 }] }),
    );
    await expectRefused(res, 422, 'services.0.cost');
  });
});

describe('NUL bytes in text', () => {
  it('fullname and comment on book_record', async () => {
    const before = await counts();
    const name = await api(t).post(
      `/book_record/${s.loc}`,
      null,
      booking({}, { fullname: 'Er\u0000ika' }),
    );
    await expectRefused(name, 422, 'fullname');
    const comment = await api(t).post(
      `/book_record/${s.loc}`,
      null,
      booking({}, { comment: '\u0000' }),
    );
    await expectRefused(comment, 422, 'comment');
    expect(await counts()).toEqual(before);
  });

  it('a client name on POST /clients and POST /records', async () => {
    const before = await counts();
    const client = await api(t).post(`/clients/${s.loc}`, s.owner, {
      name: 'Cl\u0000ra',
      phone: '+4915100002222',
    });
    await expectRefused(client, 422, 'name');
    const rec = await api(t).post(
      `/records/${s.loc}`,
      s.owner,
      record({ client: { phone: '+4915100003333', name: 'A\u0000' } }),
    );
    await expectRefused(rec, 422, 'client.name');
    expect(await counts()).toEqual(before);
  });

  it('the app profile name', async () => {
    const res = await call(t.app, {
      method: 'PATCH',
      url: '/api/app/v1/profile',
      headers: { authorization: `Bearer ${s.appUser.token}` },
      payload: { name: 'An\u0000a' },
    });
    await expectRefused(res, 422, 'name');
    expect((await counts()).app_users).toContain('Ana');
  });

  it('in a key or in a part the schema leaves open (custom_fields, search filters)', async () => {
    const key = await api(t).post(
      `/book_record/${s.loc}`,
      null,
      booking({}, { custom_fields: { 'a\u0000': 1 } }),
    );
    await expectRefused(key, 422, 'custom_fields.a\\u0000');
    const filter = await api(t).post(`/company/${s.loc}/clients/search`, s.owner, {
      filters: [{ type: 'quick_search', state: { value: 'x\u0000' } }],
    });
    await expectRefused(filter, 422, 'filters.0.state.value');
  });

  it('in a query string or a path segment is 400 naming it', async () => {
    const query = await api(t).get(`/clients/${s.loc}?fullname=a%00b`, s.owner);
    await expectRefused(query, 400, 'fullname');
    expect(query.body.meta.errors.fullname).toEqual(['fullname must not contain NUL characters']);
    const path = await api(t).get(`/book_record/${s.loc}/1/a%00b`, null);
    await expectRefused(path, 400, 'record_hash');
  });
});

describe('dates', () => {
  it.each(['99999-01-01 10:00:00', '+099999-01-01T10:00:00Z', '0000-01-01 10:00:00'])(
    'datetime %s on book_record is 422 naming it',
    async (datetime) => {
      const res = await api(t).post(`/book_record/${s.loc}`, null, booking({ datetime }));
      await expectRefused(res, 422, 'appointments.0.datetime');
      expect(res.body.meta.errors['appointments.0.datetime'][0]).toMatch(/years 1000-9999/);
    },
  );

  it('a query date with year 99999 is 400 naming it', async () => {
    const res = await api(t).get(`/records/${s.loc}?start_date=99999-01-01`, s.owner);
    await expectRefused(res, 400, 'start_date');
  });
});

describe('deeply nested JSON', () => {
  it('20 000 levels on book_record: 400 naming the field, the server carries on', async () => {
    const before = await counts();
    const nested = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_record/${s.loc}`,
      headers: { authorization: `Bearer ${t.partnerToken}`, 'content-type': 'application/json' },
      payload: `{"phone":"+4915112345678","fullname":"E","custom_fields":{"a":${deeplyNestedJson(20_000)}}}`,
    });
    await expectRefused(nested, 400, 'custom_fields');
    const whole = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_record/${s.loc}`,
      headers: { authorization: `Bearer ${t.partnerToken}`, 'content-type': 'application/json' },
      payload: deeplyNestedJson(20_000),
    });
    await expectRefused(whole, 400, 'body');
    expect(await counts()).toEqual(before);
    const fine = await api(t).post(`/book_check/${s.loc}`, null, { appointments: [] });
    expect(fine.status).toBe(422);
  });

  it(`the limit is ${MAX_JSON_DEPTH} levels`, () => {
    const nest = (levels: number) => JSON.parse(deeplyNestedJson(levels)) as unknown;
    expect(jsonBodyProblem({ a: nest(MAX_JSON_DEPTH - 1) })).toBeNull();
    expect(jsonBodyProblem({ a: nest(MAX_JSON_DEPTH) })).toMatchObject({
      field: 'a',
      tooDeep: true,
    });
    expect(jsonBodyProblem({ a: [{ b: 'x\u0000' }] })).toMatchObject({
      field: 'a.0.b',
      tooDeep: false,
    });
    expect(jsonBodyProblem({ a: [{ b: 'fine' }], c: 1, d: null })).toBeNull();
  });
});

describe('PUT /api/app/v1/profile/photo with malformed multipart', () => {
  const boundary = 'visita-boundary';
  const part = (headers: string, content: string) =>
    `--${boundary}\r\n${headers}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  const shapes: [string, string, string | Buffer][] = [
    [
      'no boundary',
      'multipart/form-data',
      part('Content-Disposition: form-data; name="photo"; filename="a.png"', 'x'),
    ],
    ['an empty body', `multipart/form-data; boundary=${boundary}`, ''],
    ['no part at all', `multipart/form-data; boundary=${boundary}`, `--${boundary}--\r\n`],
    [
      'a text field instead of a file',
      `multipart/form-data; boundary=${boundary}`,
      part('Content-Disposition: form-data; name="photo"', 'hello'),
    ],
    [
      'the file in another field',
      `multipart/form-data; boundary=${boundary}`,
      part(
        'Content-Disposition: form-data; name="avatar"; filename="a.png"\r\nContent-Type: image/png',
        'x',
      ),
    ],
    [
      'a cut-off body',
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nxx`,
    ],
    ['JSON', 'application/json', '{"photo":"x"}'],
  ];

  it.each(shapes)('%s is 422 naming photo, nothing stored', async (_name, contentType, payload) => {
    const before = await counts();
    const res = await call(t.app, {
      method: 'PUT',
      url: '/api/app/v1/profile/photo',
      headers: { authorization: `Bearer ${s.appUser.token}`, 'content-type': contentType },
      payload,
    });
    await expectRefused(res, 422, 'photo');
    expect(await counts()).toEqual(before);
    const files = await readdir(join(t.dataDir, 'uploads', 'avatars')).catch(() => []);
    expect(files).toEqual([]);
  });
});
