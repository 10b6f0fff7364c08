import { makeLocation } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher, tokenCrypto } from '../src/adapters/crypto';
import { ensureOwner } from '../src/bootstrap';
import {
  authHeader,
  call,
  createTestApp,
  plainPasswords,
  type Json,
  type TestApp,
} from './support/test-app';

let t: TestApp;
let location: { id: number; chainId: number };
const login = 'Owner.Auth@test.visita';
const password = 'correct horse';
let userId: number;

beforeAll(async () => {
  t = await createTestApp();
  location = await makeLocation(t.db);
  userId = await ensureOwner(t.db, plainPasswords, {
    login,
    password,
    name: 'Auth Owner',
    chainIds: [location.chainId],
  });
});
afterAll(() => t.close());

const logIn = (body: Record<string, unknown>, headers = authHeader(t.partnerToken)) =>
  call(t.app, { method: 'POST', url: '/api/v1/auth', headers, payload: body });

const groupsWith = (authorization: string) =>
  call(t.app, { method: 'GET', url: '/api/v1/groups', headers: { authorization } });

function expectLoginRefused(res: { status: number; body: Json }) {
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({
    success: false,
    data: null,
    meta: { message: 'Invalid login or password' },
  });
}

describe('POST /auth', () => {
  it('logs in with login and password and returns the user in the envelope', async () => {
    const res = await logIn({ login, password });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        id: userId,
        user_token: expect.stringMatching(/^[0-9a-f]{64}$/),
        name: 'Auth Owner',
        phone: '',
        login,
        email: '',
        avatar: '',
        is_approved: true,
        is_email_confirmed: false,
      },
      meta: [],
    });
  });

  it('matches the login case-insensitively and ignores surrounding spaces', async () => {
    const res = await logIn({ login: `  ${login.toLowerCase()} `, password });
    expect(res.status).toBe(201);
    expect(res.body.data.id).toBe(userId);
  });

  it('issues a token that works as `Bearer <partner>, User <token>`', async () => {
    const token = (await logIn({ login, password })).body.data.user_token as string;
    const res = await groupsWith(`Bearer ${t.partnerToken}, User ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        id: location.chainId,
        companies: [expect.objectContaining({ id: location.id })],
      }),
    ]);
  });

  it('accepts the lenient spellings integrations send', async () => {
    const token = (await logIn({ login, password })).body.data.user_token as string;
    for (const header of [
      `Bearer ${t.partnerToken},User ${token}`,
      `bearer ${t.partnerToken}, user ${token}`,
      `BEARER ${t.partnerToken} ,  USER ${token}`,
    ]) {
      const res = await groupsWith(header);
      expect(res.status, header).toBe(200);
    }
  });

  it('gives every login its own token; each one works', async () => {
    const first = (await logIn({ login, password })).body.data.user_token as string;
    const second = (await logIn({ login, password })).body.data.user_token as string;
    expect(first).not.toBe(second);
    for (const token of [first, second])
      expect((await groupsWith(`Bearer ${t.partnerToken}, User ${token}`)).status).toBe(200);
  });

  it('stores only the SHA-256 of the user token', async () => {
    const token = (await logIn({ login, password })).body.data.user_token as string;
    const plain = await t.db.query('SELECT 1 FROM user_tokens WHERE token_hash = $1', [token]);
    expect(plain).toHaveLength(0);
    const hashed = await t.db.query<{ user_id: number }>(
      'SELECT user_id FROM user_tokens WHERE token_hash = $1',
      [tokenCrypto.sha256(token)],
    );
    expect(hashed).toEqual([{ user_id: userId }]);
    const rows = await t.db.query('SELECT * FROM user_tokens WHERE user_id = $1', [userId]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('is 401 for a wrong password and for an unknown login, with the same body', async () => {
    const wrong = await logIn({ login, password: 'wrong password' });
    const unknown = await logIn({ login: 'nobody@test.visita', password });
    expectLoginRefused(wrong);
    expectLoginRefused(unknown);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('does not accept a made-up user token', async () => {
    const res = await groupsWith(`Bearer ${t.partnerToken}, User ${'0'.repeat(64)}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      success: false,
      data: null,
      meta: { message: 'Authentication needed.' },
    });
  });

  it('is 422 naming the missing field', async () => {
    for (const [body, field] of [
      [{ password }, 'login'],
      [{ login }, 'password'],
      [{ login: '', password }, 'login'],
    ] as const) {
      const res = await logIn(body);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ success: false, data: null });
      expect(Object.keys(res.body.meta.errors as object)).toEqual([field]);
    }
  });

  it('is 401 without a partner token or with an unknown one', async () => {
    for (const headers of [{}, authHeader('f'.repeat(64)), { authorization: 'User abc' }]) {
      const res = await logIn({ login, password }, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        success: false,
        data: null,
        meta: { message: 'Authentication needed.' },
      });
    }
  });

  it('answers 401, not 422, to a caller without a partner token sending a bad body', async () => {
    const res = await logIn({}, {});
    expect(res.status).toBe(401);
    expect(res.body.meta).toEqual({ message: 'Authentication needed.' });
  });

  it('takes the partner token from ?partner_token= as well', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/auth?partner_token=${t.partnerToken}`,
      payload: { login, password },
    });
    expect(res.status).toBe(201);
    const token = res.body.data.user_token as string;
    const groups = await call(t.app, {
      method: 'GET',
      url: `/api/v1/groups?partner_token=${t.partnerToken}`,
      headers: { authorization: `User ${token}` },
    });
    expect(groups.status).toBe(200);
  });
});

describe('owners created at bootstrap (real argon2 hashes)', () => {
  let real: TestApp;
  beforeAll(async () => {
    real = await createTestApp({ passwords: argon2Hasher });
  });
  afterAll(() => real.close());

  it('ensureOwner stores an argon2id hash the login endpoint verifies', async () => {
    const chain = await makeLocation(real.db);
    const id = await ensureOwner(real.db, argon2Hasher, {
      login: 'argon@test.visita',
      password: 's3cret-pass',
      chainIds: [chain.chainId],
    });
    const [row] = await real.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [id],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);

    const post = (pw: string) =>
      call(real.app, {
        method: 'POST',
        url: '/api/v1/auth',
        headers: authHeader(real.partnerToken),
        payload: { login: 'argon@test.visita', password: pw },
      });
    const ok = await post('s3cret-pass');
    expect(ok.status).toBe(201);
    expect(ok.body.data.id).toBe(id);
    expectLoginRefused(await post('s3cret-pasS'));
  });

  it('running ensureOwner again changes the password of the same user', async () => {
    const first = await ensureOwner(real.db, argon2Hasher, {
      login: 'rotate@test.visita',
      password: 'old-password',
      chainIds: [],
    });
    const second = await ensureOwner(real.db, argon2Hasher, {
      login: 'rotate@test.visita',
      password: 'new-password',
      chainIds: [],
    });
    expect(second).toBe(first);
    const post = (pw: string) =>
      call(real.app, {
        method: 'POST',
        url: '/api/v1/auth',
        headers: authHeader(real.partnerToken),
        payload: { login: 'rotate@test.visita', password: pw },
      });
    expectLoginRefused(await post('old-password'));
    expect((await post('new-password')).status).toBe(201);
  });
});
