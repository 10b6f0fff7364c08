import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeLocation } from '@visita/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { logInClient, smsLog } from './support/sms-log';
import { call, createTestApp, type TestApp } from './support/test-app';

/** The app API's session: login, logout, "log out everywhere", /me and the consents. */
const START = '2026-11-28T10:00:00Z';
let t: TestApp;
const log = smsLog();

beforeAll(async () => {
  t = await createTestApp({ loggerInstance: log.logger });
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

let phoneSeq = 0;
const newPhone = () => `+4915122${String(++phoneSeq).padStart(6, '0')}`;
let ipSeq = 0;
const newIp = () => `192.0.2.${++ipSeq}`;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const app = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
  call(t.app, {
    method,
    url: `/api/app/v1${url}`,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    ...(payload ? { payload } : {}),
  });
/** Logs in; the clock moves past the 60 s resend wait first, so one phone can log in again. */
const login = (phone: string) => {
  t.clock.set(new Date(t.clock.now().getTime() + 61_000));
  return logInClient(t.app, log, phone, newIp());
};
const tokensOf = (phone: string) =>
  t.db.query<{ token_hash: string; device: string; revoked_at: Date | null }>(
    `SELECT t.token_hash, t.device, t.revoked_at FROM app_user_tokens t
       JOIN app_users u ON u.id = t.user_id WHERE u.phone = $1 ORDER BY t.created_at, t.token_hash`,
    [phone],
  );

describe('POST /api/app/v1/auth/token', () => {
  it('exchanges phone + code for a token and the user; the token is stored hashed', async () => {
    const phone = newPhone();
    await app('POST', '/auth/code', undefined, { phone });
    const res = await app('POST', '/auth/token', undefined, {
      phone,
      code: log.lastCode(phone),
      device: 'Pixel 9',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        token: expect.stringMatching(/^[0-9a-f]{64}$/),
        user: {
          id: expect.any(Number),
          phone,
          name: '',
          email: '',
          avatar: '',
          language: 'en',
          date_format: 'DD.MM.YYYY',
          time_24h: true,
          notifications_enabled: true,
          created_at: '2026-11-28T10:00:00.000Z',
        },
      },
      meta: [],
    });
    const tokens = await tokensOf(phone);
    expect(tokens).toEqual([
      { token_hash: sha256(res.body.data.token), device: 'Pixel 9', revoked_at: null },
    ]);
    expect(tokens[0]!.token_hash).not.toBe(res.body.data.token);
  });

  it('logs the same person in again as the same user, one token per device', async () => {
    const phone = newPhone();
    const first = await login(phone);
    const second = await login(phone);
    const a = await app('GET', '/me', first);
    const b = await app('GET', '/me', second);
    expect(a.body.data.id).toBe(b.body.data.id);
    expect(await tokensOf(phone)).toHaveLength(2);
  });

  it('refuses a wrong code (432), a missing code and a bad phone, creating nobody', async () => {
    const phone = newPhone();
    await app('POST', '/auth/code', undefined, { phone });
    const code = log.lastCode(phone);
    const wrongCode = code === '999999' ? '100000' : String(Number(code) + 1);
    const wrong = await app('POST', '/auth/token', undefined, { phone, code: wrongCode });
    expect(wrong.status).toBe(422);
    expect(wrong.body.meta.errors).toEqual([{ code: 432, message: expect.any(String) }]);
    // The app API names the error, so the app can say it in the client's language.
    expect(wrong.body.meta.error_code).toBe('bad_code');
    const missing = await app('POST', '/auth/token', undefined, { phone });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('code');
    const badPhone = await app('POST', '/auth/token', undefined, { phone: 'abc', code });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.meta.errors[0].code).toBe(431);
    expect(badPhone.body.meta.error_code).toBe('bad_phone');
    const longDevice = await app('POST', '/auth/token', undefined, {
      phone,
      code,
      device: 'x'.repeat(201),
    });
    expect(longDevice.status).toBe(422);
    expect(longDevice.body.meta.errors).toHaveProperty('device');
    expect(await t.db.query('SELECT 1 FROM app_users WHERE phone = $1', [phone])).toHaveLength(0);
    // The code survived all that (one wrong try counted) and still logs in.
    expect((await app('POST', '/auth/token', undefined, { phone, code })).status).toBe(201);
  });
});

describe('logout', () => {
  it('POST /auth/logout revokes only the token of this device', async () => {
    const phone = newPhone();
    const phoneA = await login(phone);
    const laptop = await login(phone);
    const res = await app('POST', '/auth/logout', phoneA);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: { revoked: 1 }, meta: [] });
    expect((await app('GET', '/me', phoneA)).status).toBe(401);
    expect((await app('GET', '/me', laptop)).status).toBe(200);
    const tokens = await tokensOf(phone);
    expect(tokens.filter((tk) => tk.revoked_at !== null).map((tk) => tk.token_hash)).toEqual([
      sha256(phoneA),
    ]);
  });

  it('POST /auth/logout-all revokes every token of the user, and only theirs', async () => {
    const phone = newPhone();
    const tokens = [await login(phone), await login(phone), await login(phone)];
    const someoneElse = await login(newPhone());
    const res = await app('POST', '/auth/logout-all', tokens[1]);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ revoked: 3 });
    for (const token of tokens) expect((await app('GET', '/me', token)).status).toBe(401);
    expect((await app('GET', '/me', someoneElse)).status).toBe(200);
  });

  it('answers 401 without a valid token', async () => {
    expect((await app('POST', '/auth/logout')).status).toBe(401);
    expect((await app('POST', '/auth/logout-all', 'f'.repeat(64))).status).toBe(401);
    // A partner-style header is not a client token on the app API.
    const partnerStyle = await call(t.app, {
      method: 'POST',
      url: '/api/app/v1/auth/logout',
      headers: { authorization: `Bearer ${t.partnerToken}` },
    });
    expect(partnerStyle.status).toBe(401);
  });
});

describe('GET /api/app/v1/me', () => {
  it('shows the client and whether the terms still need accepting', async () => {
    const phone = newPhone();
    const token = await login(phone);
    const res = await app('GET', '/me', token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ phone, consent_required: true });
    expect((await app('GET', '/me')).status).toBe(401);
  });
});

describe('consents', () => {
  const current = { user_agreement_version: '2026-11', data_processing_version: '2026-11' };

  it('GET lists the current versions; POST records them with the time', async () => {
    const token = await login(newPhone());
    const before = await app('GET', '/consents', token);
    expect(before.status).toBe(200);
    expect(before.body.data).toEqual({
      current: { user_agreement: '2026-11', data_processing: '2026-11' },
      accepted: [],
      consent_required: true,
    });
    t.clock.set('2026-11-28T10:30:00Z');
    try {
      const accepted = await app('POST', '/consents', token, current);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
      expect(accepted.body.data).toEqual({
        current: { user_agreement: '2026-11', data_processing: '2026-11' },
        accepted: [
          { kind: 'data_processing', version: '2026-11', accepted_at: '2026-11-28T10:30:00.000Z' },
          { kind: 'user_agreement', version: '2026-11', accepted_at: '2026-11-28T10:30:00.000Z' },
        ],
        consent_required: false,
      });
    } finally {
      t.clock.set(START);
    }
    // Accepting again keeps the first acceptance.
    const again = await app('POST', '/consents', token, current);
    expect(again.body.data.accepted[0].accepted_at).toBe('2026-11-28T10:30:00.000Z');
    expect((await app('GET', '/me', token)).body.data.consent_required).toBe(false);
  });

  it('refuses versions other than the current ones, naming the field, recording nothing', async () => {
    const token = await login(newPhone());
    const old = await app('POST', '/consents', token, {
      ...current,
      user_agreement_version: '2025-01',
    });
    expect(old.status).toBe(422);
    expect(old.body.meta.errors).toHaveProperty('user_agreement_version');
    const otherOld = await app('POST', '/consents', token, {
      ...current,
      data_processing_version: '2025-01',
    });
    expect(otherOld.body.meta.errors).toHaveProperty('data_processing_version');
    const missing = await app('POST', '/consents', token, { user_agreement_version: '2026-11' });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('data_processing_version');
    expect((await app('GET', '/consents', token)).body.data.accepted).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    expect((await app('GET', '/consents')).status).toBe(401);
    expect((await app('POST', '/consents', undefined, current)).status).toBe(401);
  });
});

describe('GET /api/app/v1/terms (the texts behind the consent boxes)', () => {
  const termsDir = () => join(t.dataDir, 'terms');
  afterEach(() => rm(termsDir(), { recursive: true, force: true }));
  const terms = (query = '') => app('GET', `/terms${query}`);

  it('is public and gives each text in the asked language with the version POST /consents takes', async () => {
    const consents = await app('GET', '/consents', await login(newPhone()));
    for (const [language, title] of [
      ['en', 'User agreement'],
      ['es', 'Acuerdo de usuario'],
      ['ru', 'Пользовательское соглашение'],
      ['es-MX', 'Acuerdo de usuario'],
    ] as const) {
      const res = await terms(`?language=${language}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { user_agreement: agreement, data_processing: processing } = res.body.data;
      expect(agreement.title).toBe(title);
      expect(agreement.language).toBe(language.slice(0, 2));
      expect(processing.language).toBe(language.slice(0, 2));
      expect(agreement.source).toBe('default');
      expect(agreement.body.length).toBeGreaterThan(200);
      expect(agreement.version).toBe(consents.body.data.current.user_agreement);
      expect(processing.version).toBe(consents.body.data.current.data_processing);
    }
    // A language without a text, or none asked: English.
    expect((await terms('?language=de')).body.data.data_processing.title).toBe(
      'Consent to data processing',
    );
    expect((await terms()).body.data.user_agreement.language).toBe('en');
  });

  it("shows the operator's files instead, falling back within the operator's own texts", async () => {
    await mkdir(termsDir(), { recursive: true });
    await writeFile(
      join(termsDir(), 'user_agreement.en.md'),
      '# Studio rules\n\nBe on time.\n\n## Payments\nCash only.\n',
    );
    await writeFile(
      join(termsDir(), 'user_agreement.ru.md'),
      '# Правила студии\n\nНе опаздывайте.',
    );
    const ru = (await terms('?language=ru')).body.data;
    expect(ru.user_agreement).toMatchObject({
      title: 'Правила студии',
      body: 'Не опаздывайте.',
      language: 'ru',
      source: 'operator',
    });
    // No Spanish file: the operator's English, not the shipped Spanish agreement.
    const es = (await terms('?language=es')).body.data;
    expect(es.user_agreement).toMatchObject({
      title: 'Studio rules',
      body: 'Be on time.\n\n## Payments\nCash only.',
      language: 'en',
      source: 'operator',
    });
    // The other kind has no file: still the shipped text, in Spanish.
    expect(es.data_processing).toMatchObject({ language: 'es', source: 'default' });
    // Files are read on each request: without the English one, the operator's Russian is next.
    await rm(join(termsDir(), 'user_agreement.en.md'));
    expect((await terms('?language=es')).body.data.user_agreement.language).toBe('ru');
  });

  it('refuses a malformed language, naming it', async () => {
    const res = await terms('?language=e%00n');
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('language');
  });
});

describe('has_app', () => {
  it('turns on for the phone’s client cards at every location when that phone logs in', async () => {
    const phone = newPhone();
    const [a, b] = [await makeLocation(t.db), await makeLocation(t.db)];
    const other = newPhone();
    for (const [loc, p] of [
      [a.id, phone],
      [b.id, phone],
      [a.id, other],
    ] as const)
      await t.db.query('INSERT INTO clients(location_id, phone, name) VALUES ($1, $2, $3)', [
        loc,
        p,
        'Client',
      ]);
    const flags = () =>
      t.db.query<{ phone: string; has_app: boolean }>(
        'SELECT phone, has_app FROM clients WHERE location_id IN ($1, $2) ORDER BY location_id, phone',
        [a.id, b.id],
      );
    expect((await flags()).every((c) => !c.has_app)).toBe(true);
    await login(phone);
    expect(await flags()).toEqual([
      { phone, has_app: true },
      { phone: other, has_app: false },
      { phone, has_app: true },
    ]);
  });
});

describe('rate limits on /api/app/v1', () => {
  it('apply as on /api/v1: 429 with Retry-After beyond the per-IP window', async () => {
    const limited = await createTestApp({
      rateLimit: [{ limit: 2, windowMs: 60_000 }],
      rateLimitNow: () => Date.UTC(2026, 10, 28, 10, 0, 30),
    });
    try {
      const me = () =>
        call(limited.app, { method: 'GET', url: '/api/app/v1/me', remoteAddress: '192.0.2.250' });
      expect((await me()).status).toBe(401);
      expect((await me()).status).toBe(401);
      const third = await me();
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toBe('30');
    } finally {
      await limited.close();
    }
  });
});
