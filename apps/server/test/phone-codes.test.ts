import { raceTitle } from '@visita/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { smsLog } from './support/sms-log';
import { call, createTestApp, type TestApp } from './support/test-app';

/** The rules of SMS login codes, driven through the app API with the test clock. */
const START = '2026-11-28T10:00:00Z';
let t: TestApp;
const log = smsLog();

beforeAll(async () => {
  t = await createTestApp({ now: START, loggerInstance: log.logger });
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

let phoneSeq = 0;
/** A fresh valid German mobile number per use, so tests never share a phone's limits. */
const newPhone = () => `+4915112${String(++phoneSeq).padStart(6, '0')}`;
let ipSeq = 0;
const newIp = () => `198.51.100.${++ipSeq}`;

const requestCode = (phone: string | number, ip = '203.0.113.7') =>
  call(t.app, {
    method: 'POST',
    url: '/api/app/v1/auth/code',
    payload: { phone },
    remoteAddress: ip,
  });
const logIn = (phone: string, code: string | number) =>
  call(t.app, { method: 'POST', url: '/api/app/v1/auth/token', payload: { phone, code } });
const advance = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
const codesOf = (phone: string) =>
  t.db.query<Record<string, any>>('SELECT * FROM sms_codes WHERE phone = $1 ORDER BY id', [phone]);
const wrong = (code: string) => String(((Number(code) - 100_000 + 1) % 900_000) + 100_000);

describe('POST /api/app/v1/auth/code', () => {
  it('sends a 6-digit code ending in the Web OTP line and answers 202 with the timers', async () => {
    const phone = newPhone();
    const res = await requestCode(phone.replace('+', ''), newIp()); // digits without the plus
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({
      success: true,
      data: {
        phone,
        expires_at: '2026-11-28T10:05:00.000Z',
        resend_at: '2026-11-28T10:01:00.000Z',
      },
      meta: [],
    });
    const sms = log.messages().filter((m) => m.to === phone);
    expect(sms).toHaveLength(1);
    const code = log.lastCode(phone);
    expect(code).toMatch(/^[1-9]\d{5}$/);
    // The host comes from VISITA_PUBLIC_URL (http://localhost:8080 in tests).
    expect(sms[0]!.text.split('\n').at(-1)).toBe(`@localhost #${code}`);
  });

  it('stores only a hash of the code and keeps the SMS in the outbox without the code', async () => {
    const phone = newPhone();
    await requestCode(phone, newIp());
    const code = log.lastCode(phone);
    const [stored] = await codesOf(phone);
    expect(stored!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    const messages = await t.db.query<Record<string, any>>(
      'SELECT * FROM sms_messages WHERE phone = $1',
      [phone],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ provider: 'log', status: 'sent' });
    expect(messages[0]!.provider_message_id).toBeTruthy();
    expect(messages[0]!.body).not.toContain(code);
    expect(messages[0]!.body).toContain('@localhost #••••••');
  });

  it('refuses a bad phone with 422 (code 431) and sends nothing', async () => {
    const res = await requestCode('12', newIp());
    expect(res.status).toBe(422);
    expect(res.body.meta.errors[0].code).toBe(431);
    expect(res.body.meta.message).toContain('phone');
    const missing = await call(t.app, {
      method: 'POST',
      url: '/api/app/v1/auth/code',
      payload: {},
    });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('phone');
    const stored = await t.db.query("SELECT 1 FROM sms_messages WHERE phone IN ('12', '+12')");
    expect(stored).toHaveLength(0);
  });

  it('allows a new code only 60 s after the last one (429 with Retry-After before)', async () => {
    const phone = newPhone();
    const ip = newIp();
    expect((await requestCode(phone, ip)).status).toBe(202);
    const first = log.lastCode(phone);
    advance(45_000);
    const early = await requestCode(phone, ip);
    expect(early.status).toBe(429);
    expect(early.headers['retry-after']).toBe('15');
    expect(early.body.meta.errors).toHaveProperty('phone');
    expect(await codesOf(phone)).toHaveLength(1);
    advance(15_000);
    expect((await requestCode(phone, ip)).status).toBe(202);
    // The newer code replaces the older one.
    const second = log.lastCode(phone);
    expect((await logIn(phone, first)).status).toBe(first === second ? 201 : 422);
  });

  it('sends at most 5 codes per phone per hour', async () => {
    const phone = newPhone();
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(phone, newIp())).status).toBe(202);
      advance(61_000);
    }
    const sixth = await requestCode(phone, newIp());
    expect(sixth.status).toBe(429);
    // The first code of the hour was sent at 10:00:00; it is 10:05:05 now.
    expect(sixth.headers['retry-after']).toBe(String(3600 - 305));
    expect(await codesOf(phone)).toHaveLength(5);
    t.clock.set('2026-11-28T11:00:01Z');
    expect((await requestCode(phone, newIp())).status).toBe(202);
  });

  it('caps the codes one IP may request per hour', async () => {
    const ip = newIp();
    for (let i = 0; i < 20; i++) expect((await requestCode(newPhone(), ip)).status).toBe(202);
    const phone = newPhone();
    const capped = await requestCode(phone, ip);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBe(3600);
    expect(await codesOf(phone)).toHaveLength(0);
    expect((await requestCode(phone, newIp())).status).toBe(202); // another address is fine
  });
});

describe('checking a code', () => {
  it('voids the code after 5 wrong tries: the 6th fails even with the right code', async () => {
    const phone = newPhone();
    await requestCode(phone, newIp());
    const code = log.lastCode(phone);
    for (let i = 1; i <= 5; i++) {
      const res = await logIn(phone, wrong(code));
      expect(res.status).toBe(422);
      expect(res.body.meta.errors[0].code).toBe(432);
    }
    const sixth = await logIn(phone, code);
    expect(sixth.status).toBe(422);
    expect(sixth.body.meta.errors[0].code).toBe(432);
    const [stored] = await codesOf(phone);
    expect(stored).toMatchObject({ attempts: 5, consumed_at: null });
    expect(stored!.voided_at).not.toBeNull();
  });

  it('accepts the right code after fewer than 5 wrong tries, once', async () => {
    const phone = newPhone();
    await requestCode(phone, newIp());
    const code = log.lastCode(phone);
    for (let i = 1; i <= 4; i++) expect((await logIn(phone, wrong(code))).status).toBe(422);
    expect((await logIn(phone, Number(code))).status).toBe(201); // a number works too
    expect((await logIn(phone, code)).status).toBe(422); // spent
  });

  it(raceTitle('counts wrong tries made in parallel one by one'), async () => {
    const phone = newPhone();
    await requestCode(phone, newIp());
    const code = log.lastCode(phone);
    const guesses = Array.from({ length: 8 }, (_, i) =>
      String(((Number(code) - 100_000 + 1 + i) % 900_000) + 100_000),
    );
    const answers = await Promise.all(guesses.map((g) => logIn(phone, g)));
    expect(answers.every((a) => a.status === 422)).toBe(true);
    const [stored] = await codesOf(phone);
    expect(stored!.attempts).toBe(5);
    expect((await logIn(phone, code)).status).toBe(422);
  });

  it('expires a code after 5 minutes', async () => {
    const phone = newPhone();
    await requestCode(phone, newIp());
    const code = log.lastCode(phone);
    advance(5 * 60_000);
    const late = await logIn(phone, code);
    expect(late.status).toBe(422);
    expect(late.body.meta.errors[0].code).toBe(432);
    t.clock.set(START);
    const phone2 = newPhone();
    await requestCode(phone2, newIp());
    advance(5 * 60_000 - 1000);
    expect((await logIn(phone2, log.lastCode(phone2))).status).toBe(201);
  });

  it('writes the code to the log only in the SMS line', async () => {
    const phone = newPhone();
    await requestCode(phone, newIp());
    const code = log.lastCode(phone);
    await logIn(phone, wrong(code));
    await logIn(phone, code);
    const withCode = log.lines.filter((line) => line.includes(code));
    expect(withCode).toHaveLength(1);
    expect(JSON.parse(withCode[0]!)).toMatchObject({ level: 30, sms: { to: phone } });
  });
});
