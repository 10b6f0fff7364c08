import { Writable } from 'node:stream';
import { createTestDb, makeLocation, makePartner, makeUser } from '@visita/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { normalizeAliases } from '../src/plugins/aliases';
import { redactUrl } from '../src/plugins/request-log';
import { authHeader, call, createTestApp, plainPasswords, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const companies = (headers: Record<string, string> = {}, query = '') =>
  call(t.app, {
    method: 'GET',
    url: `/api/v1/companies${query}`,
    headers: { ...authHeader(t.partnerToken), ...headers },
  });

describe('content negotiation', () => {
  it.each([
    ['application/vnd.api.v2+json'],
    ['application/vnd.yclients.v2+json'],
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['application/*'],
    ['text/html, */*;q=0.8'],
    [undefined],
  ])('Accept %s → 200 in the envelope', async (accept) => {
    const res = await companies(accept ? { accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ success: true, data: expect.any(Array) });
  });

  it.each([['text/html'], ['application/xml'], ['application/jsonx']])(
    'Accept %s → 406 in the envelope',
    async (accept) => {
      const res = await companies({ accept });
      expect(res.status).toBe(406);
      expect(res.body).toEqual({
        success: false,
        data: null,
        meta: { message: expect.stringContaining(accept) },
      });
    },
  );
});

describe('routes outside the API', () => {
  it('an unknown route is 404 in the envelope', async () => {
    for (const url of ['/api/v1/no-such-thing', '/nowhere?x=1']) {
      const res = await call(t.app, { method: 'GET', url, headers: authHeader(t.partnerToken) });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        success: false,
        data: null,
        meta: { message: `No route GET ${url.split('?')[0]}` },
      });
    }
  });

  it('/healthz and /readyz answer without a token', async () => {
    const health = await call(t.app, { method: 'GET', url: '/healthz' });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await call(t.app, { method: 'GET', url: '/readyz' });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: t.db.kind });
  });

  it('serves the OpenAPI 3.1 document at /api/docs/json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth', '/api/v1/companies']),
    );
    expect(Object.keys(doc.paths)).not.toContain('/healthz');
  });
});

describe('parameter aliases', () => {
  it('GET /companies?chain_id=X answers like ?group_id=X', async () => {
    const a = await makeLocation(t.db);
    await makeLocation(t.db, { chainId: a.chainId });
    await makeLocation(t.db);
    const byGroup = await companies({}, `?group_id=${a.chainId}`);
    const byChain = await companies({}, `?chain_id=${a.chainId}`);
    expect(byGroup.status).toBe(200);
    expect(byGroup.body.data).toHaveLength(2);
    expect(byChain.body).toEqual(byGroup.body);
  });

  it('normalizeAliases renames canonical names in nested bodies; the legacy name wins', () => {
    const body = {
      location_id: 1,
      chain_id: 7,
      appointments: [
        { team_member_id: 3, services: [{ product_id: 9 }] },
        { staff_id: 4, team_member_id: 5 },
      ],
      client: { salon_id: 2, team_member_ids: [1, 2] },
    };
    normalizeAliases(body);
    expect(body).toEqual({
      company_id: 1,
      group_id: 7,
      appointments: [{ staff_id: 3, services: [{ good_id: 9 }] }, { staff_id: 4 }],
      client: { company_id: 2, staff_ids: [1, 2] },
    });
  });

  it('normalizeAliases leaves scalars, null and alias-free objects alone', () => {
    for (const value of [null, undefined, 3, 'location_id', [1, 'a']])
      expect(() => normalizeAliases(value)).not.toThrow();
    const plain = { title: 'x', nested: { staff_id: 1 } };
    normalizeAliases(plain);
    expect(plain).toEqual({ title: 'x', nested: { staff_id: 1 } });
  });
});

describe('request logs', () => {
  it('writes one JSON line per request and never a token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const db = await createTestDb();
    const app = await buildApp({
      db,
      config: { ...loadConfig({}), rateLimit: [] },
      passwords: plainPasswords,
      loggerInstance: pino({ level: 'info' }, sink),
    });
    try {
      const partner = await makePartner(db);
      const user = await makeUser(db);
      const requests = [
        { url: '/api/v1/companies', headers: authHeader(partner.token) },
        { url: '/api/v1/groups', headers: authHeader(partner.token, user.token) },
        { url: `/api/v1/companies?partner_token=${partner.token}&count=5` },
        { url: '/api/v1/companies', headers: authHeader(partner.token.slice(1)) },
        { url: '/api/v1/companies', headers: { ...authHeader(partner.token), accept: 'text/xml' } },
        { url: '/api/v1/missing', headers: authHeader(partner.token, user.token) },
        { url: '/healthz' },
      ];
      for (const r of requests) await app.inject({ method: 'GET', ...r });

      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records).toHaveLength(requests.length);
      expect(records.map((r) => r.statusCode)).toEqual([200, 200, 200, 401, 406, 404, 200]);
      expect(records[0]).toMatchObject({
        level: 30,
        msg: 'request completed',
        method: 'GET',
        url: '/api/v1/companies',
        reqId: expect.any(String),
        responseTime: expect.any(Number),
      });
      expect(records[2]?.url).toBe('/api/v1/companies?partner_token=[REDACTED]&count=5');
      const output = lines.join('\n');
      expect(output).not.toContain(partner.token);
      expect(output).not.toContain(partner.token.slice(1));
      expect(output).not.toContain(user.token);
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('redactUrl masks credential query parameters only', () => {
    expect(redactUrl('/a?partner_token=abc&user_token=def&page=2')).toBe(
      '/a?partner_token=[REDACTED]&user_token=[REDACTED]&page=2',
    );
    expect(redactUrl('/a?page=2&PARTNER_TOKEN=abc')).toBe('/a?page=2&PARTNER_TOKEN=[REDACTED]');
    expect(redactUrl('/a?my_partner_token=x')).toBe('/a?my_partner_token=x');
  });
});
