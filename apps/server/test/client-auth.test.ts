import { makeLocation } from '@visita/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { smsLog } from './support/sms-log';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/** Contract §3.a: book_code, user/auth, booking/user/data, PUT booking/user. */
const START = '2026-11-28T10:00:00Z';
let t: TestApp;
let loc: { id: number };
const log = smsLog();

beforeAll(async () => {
  t = await createTestApp({ now: START, loggerInstance: log.logger });
  loc = await makeLocation(t.db);
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

let phoneSeq = 0;
/** A fresh number; the contract's style: digits with the country code, no plus. */
const newPhone = () => `4915133${String(++phoneSeq).padStart(6, '0')}`;
let ipSeq = 0;
const newIp = () => `203.0.113.${++ipSeq}`;

const v1 = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = authHeader(t.partnerToken),
) =>
  call(t.app, {
    method,
    url: `/api/v1${url}`,
    headers,
    remoteAddress: newIp(),
    ...(payload ? { payload } : {}),
  });

async function logIn(phone: string) {
  t.clock.set(new Date(t.clock.now().getTime() + 61_000));
  expect((await v1('POST', `/book_code/${loc.id}`, { phone })).status).toBe(201);
  const res = await v1('POST', '/user/auth', { phone, code: log.lastCode(`+${phone}`) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number; user_token: string };
}

describe('POST /book_code/{company_id}', () => {
  it('sends a code and answers 201 with the contract’s ack', async () => {
    const phone = newPhone();
    const res = await v1('POST', `/book_code/${loc.id}`, { phone, fullname: 'Вася' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, meta: { message: 'Created' } });
    expect(log.lastCode(`+${phone}`)).toMatch(/^\d{6}$/);
    const [code] = await t.db.query<{ location_id: number }>(
      'SELECT location_id FROM sms_codes WHERE phone = $1',
      [`+${phone}`],
    );
    expect(code!.location_id).toBe(loc.id);
  });

  it('refuses a bad phone (422, code 431), a missing one (422 naming it); nothing sent', async () => {
    const bad = await v1('POST', `/book_code/${loc.id}`, { phone: '000' });
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors[0].code).toBe(431);
    const missing = await v1('POST', `/book_code/${loc.id}`, { fullname: 'No phone' });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('phone');
    const sent = await t.db.query("SELECT 1 FROM sms_codes WHERE phone IN ('000', '+000')");
    expect(sent).toHaveLength(0);
  });

  it('answers 404 for an unknown location and 401 without a partner token', async () => {
    const phone = newPhone();
    expect((await v1('POST', '/book_code/99999999', { phone })).status).toBe(404);
    expect((await v1('POST', `/book_code/${loc.id}`, { phone }, {})).status).toBe(401);
    expect(await t.db.query('SELECT 1 FROM sms_codes WHERE phone = $1', [`+${phone}`])).toEqual([]);
  });
});

describe('POST /user/auth', () => {
  it('exchanges phone + code for the booking user with a user token', async () => {
    const phone = newPhone();
    await v1('POST', `/book_code/${loc.id}`, { phone });
    const res = await v1('POST', '/user/auth', {
      phone,
      code: Number(log.lastCode(`+${phone}`)),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        id: expect.any(Number),
        user_token: expect.stringMatching(/^[0-9a-f]{64}$/),
        name: '',
        phone: `+${phone}`,
        login: `+${phone}`,
        email: '',
        avatar: '',
      },
      meta: [],
    });
  });

  it('refuses a wrong code with 422 and errors [{code: 432}], logging nobody in', async () => {
    const phone = newPhone();
    await v1('POST', `/book_code/${loc.id}`, { phone });
    const code = log.lastCode(`+${phone}`);
    const res = await v1('POST', '/user/auth', {
      phone,
      code: code === '100000' ? '100001' : '100000',
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toEqual([{ code: 432, message: expect.any(String) }]);
    const missing = await v1('POST', '/user/auth', { phone });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('code');
    expect(await t.db.query('SELECT 1 FROM app_users WHERE phone = $1', [`+${phone}`])).toEqual([]);
  });

  it('answers 401 without a partner token', async () => {
    expect((await v1('POST', '/user/auth', { phone: newPhone(), code: 1 }, {})).status).toBe(401);
  });
});

describe('GET /booking/user/data', () => {
  it('shows the booking user with the token under the odd "0" key', async () => {
    const phone = newPhone();
    const user = await logIn(phone);
    const res = await v1(
      'GET',
      '/booking/user/data',
      undefined,
      authHeader(t.partnerToken, user.user_token),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        '0': user.user_token,
        id: user.id,
        user_token: user.user_token,
        name: '',
        phone: `+${phone}`,
        login: `+${phone}`,
        email: '',
        avatar: '',
      },
      meta: [],
    });
  });

  it('answers 401 without the partner, without the user, or with a revoked token', async () => {
    const user = await logIn(newPhone());
    const noPartner = { authorization: `Bearer wrong, User ${user.user_token}` };
    expect((await v1('GET', '/booking/user/data', undefined, noPartner)).status).toBe(401);
    expect((await v1('GET', '/booking/user/data')).status).toBe(401);
    await call(t.app, {
      method: 'POST',
      url: '/api/app/v1/auth/logout',
      headers: { authorization: `Bearer ${user.user_token}` },
    });
    const revoked = authHeader(t.partnerToken, user.user_token);
    expect((await v1('GET', '/booking/user/data', undefined, revoked)).status).toBe(401);
  });
});

describe('PUT /booking/user', () => {
  it('updates name and e-mail and answers 202 Accepted', async () => {
    const phone = newPhone();
    const user = await logIn(phone);
    const headers = authHeader(t.partnerToken, user.user_token);
    const res = await v1(
      'PUT',
      '/booking/user',
      { name: 'Вася', email: 'vasya@example.com', phone },
      headers,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ success: true, meta: { message: 'Accepted' } });
    const data = await v1('GET', '/booking/user/data', undefined, headers);
    expect(data.body.data).toMatchObject({ name: 'Вася', email: 'vasya@example.com' });
    // The app sees the same person.
    const me = await call(t.app, {
      method: 'GET',
      url: '/api/app/v1/me',
      headers: { authorization: `Bearer ${user.user_token}` },
    });
    expect(me.body.data).toMatchObject({ name: 'Вася', email: 'vasya@example.com' });
  });

  it('refuses a bad e-mail, an empty name and another phone, naming the field, changing nothing', async () => {
    const user = await logIn(newPhone());
    const headers = authHeader(t.partnerToken, user.user_token);
    await v1('PUT', '/booking/user', { name: 'Before' }, headers);
    const email = await v1('PUT', '/booking/user', { name: 'After', email: 'nope' }, headers);
    expect(email.status).toBe(422);
    expect(email.body.meta.errors).toHaveProperty('email');
    const name = await v1('PUT', '/booking/user', { name: '  ' }, headers);
    expect(name.status).toBe(422);
    expect(name.body.meta.errors).toHaveProperty('name');
    const phone = await v1('PUT', '/booking/user', { name: 'After', phone: newPhone() }, headers);
    expect(phone.status).toBe(422);
    expect(phone.body.meta.errors).toHaveProperty('phone');
    const data = await v1('GET', '/booking/user/data', undefined, headers);
    expect(data.body.data).toMatchObject({ name: 'Before', email: '' });
  });

  it('answers 401 without a client token', async () => {
    expect((await v1('PUT', '/booking/user', { name: 'X' })).status).toBe(401);
    expect(
      (await v1('PUT', '/booking/user', { name: 'X' }, { authorization: 'Bearer x, User y' }))
        .status,
    ).toBe(401);
  });
});
