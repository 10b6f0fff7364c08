import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsLog } from '../support/sms-log';
import { authHeader, call, createTestApp, type TestApp } from '../support/test-app';
import { fillPath, makeWireWorld, type WireWorld } from '../support/wire-world';
import {
  EXTENSIONS,
  OPERATIONS,
  photoUpload,
  WIRE_PAYMENT_SECRET,
  type Fresh,
  type Operation,
} from './operations';
import { extend, fromSchema, mismatches, type Shape } from './shape';

/**
 * Wire conformance: every operation the app routes is called on a seeded database and each
 * answer is compared with the documented object (shapes/*.json, extracted from the reference
 * docs by scripts/extract-wire-shapes.ts): same keys, same types, null only where documented.
 * A route without an entry in ./operations.ts fails the walk.
 */
const shapesDir = join(import.meta.dirname, 'shapes');
const SHAPES = new Map(
  readdirSync(shapesDir).map((file) => {
    const { object, shape } = JSON.parse(readFileSync(join(shapesDir, file), 'utf8')) as {
      object: string;
      shape: Shape;
    };
    const extended = Object.entries(EXTENSIONS[object] ?? {}).reduce(
      (current, [path, field]) => extend(current, path, field),
      shape,
    );
    return [object, extended] as const;
  }),
);

const META: Record<NonNullable<Operation['meta']>, Shape> = {
  empty: { type: 'array', items: { type: 'any' } },
  object: { type: 'object' },
  total_count: { type: 'object', keys: { total_count: { type: 'number' } } },
  page_total_count: {
    type: 'object',
    keys: { page: { type: 'number' }, total_count: { type: 'number' } },
  },
  count: { type: 'object', keys: { count: { type: 'number' } } },
};

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, any> }>>;
}

let t: TestApp;
let w: WireWorld;
let routes: string[];
let document: OpenApi;
const sms = smsLog();

beforeAll(async () => {
  t = await createTestApp({
    loggerInstance: sms.logger,
    env: { VISITA_PAYMENT_TEST_SECRET: WIRE_PAYMENT_SECRET },
  });
  w = await makeWireWorld(t);
  await t.db.query(`UPDATE users SET password_hash = 'plain:secret' WHERE id = $1`, [w.owner.id]);
  await t.app.ready();
  document = t.app.swagger() as unknown as OpenApi;
  routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}, 60_000);
afterAll(() => t.close());

function headersFor(path: string, token?: string): Record<string, string> {
  if (path.startsWith('/api/app/v1'))
    return { authorization: `Bearer ${token ?? w.appUser.token}` };
  const b2c = /^\/api\/v1\/(booking\/user|user\/records|user\/loyalty)/.test(path);
  return authHeader(t.partnerToken, token ?? (b2c ? w.appUser.token : w.owner.token));
}

const context = {
  lastCode: (phone: string) => sms.lastCode(phone),
  async post(url: string, body: unknown) {
    const res = await call(t.app, {
      method: 'POST',
      url,
      headers: headersFor(url),
      payload: body as object,
    });
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  },
};

function publishedSchema(method: string, path: string, status: number) {
  const response = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  return response?.content?.['application/json']?.schema;
}

/** The operation's own published schema of `data` (Visita-only operations). */
function ownShape(method: string, path: string, status: number): Shape {
  const schema = publishedSchema(method, path, status);
  if (!schema?.properties?.data) throw new Error(`${method} ${path}: no ${status} data schema`);
  return fromSchema(schema.properties.data, true);
}

function expectedData(key: string, op: Operation): Shape | null {
  const [method, path] = key.split(' ') as [string, string];
  if (!op.data || op.data === 'image') return null;
  if (op.data === 'own') return ownShape(method, path, op.status);
  const name = Array.isArray(op.data) ? op.data[0] : op.data;
  const shape = SHAPES.get(name);
  if (!shape) throw new Error(`${key}: no shapes/${name}.json`);
  return Array.isArray(op.data) ? { type: 'array', items: shape } : shape;
}

async function perform(key: string, op: Operation) {
  const [method, path] = key.split(' ') as [string, string];
  const fresh: Fresh = op.setup ? await op.setup(t, w, context) : {};
  const token = typeof fresh.token === 'string' ? fresh.token : undefined;
  let url = path;
  for (const [name, value] of Object.entries(fresh)) url = url.replace(`{${name}}`, String(value));
  const query = op.query
    ?.replace('{loc}', String(w.loc))
    .replace('{service}', String(w.service.id));
  url = fillPath(url, w) + (query ? `?${query}` : '');
  if (op.multipart) {
    const upload = await photoUpload(op.upload);
    return t.app.inject({
      method: method as 'PUT',
      url,
      headers: { ...headersFor(path, token), 'content-type': upload.contentType },
      payload: upload.payload,
    });
  }
  if (op.raw) {
    const { body, headers } = op.raw(w, t.clock.now().getTime());
    return t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: body,
    });
  }
  const payload = op.body?.(w, fresh);
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: headersFor(path, token),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

describe('wire conformance', () => {
  it('has an entry for every routed operation, and none for a route that does not exist', () => {
    const missing = routes.filter((route) => !OPERATIONS[route]);
    const stale = Object.keys(OPERATIONS).filter((key) => !routes.includes(key));
    expect(missing, 'routes without a conformance entry').toEqual([]);
    expect(stale, 'entries without a route').toEqual([]);
  });

  it('names every deliberate difference in docs/api.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../../docs/api.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## Wire conformance'));
    const differences = Object.entries(EXTENSIONS).flatMap(([object, fields]) =>
      Object.keys(fields).map((path) => `${object}.${path}`),
    );
    expect(differences.filter((d) => !section.includes(`\`${d}\``))).toEqual([]);
  });

  it('answers every operation with the documented objects', async () => {
    const problems: string[] = [];
    for (const [key, op] of Object.entries(OPERATIONS)) {
      const res = await perform(key, op);
      if (res.statusCode !== op.status) {
        problems.push(`${key}: status ${res.statusCode}, expected ${op.status} ${res.body}`);
        continue;
      }
      if (op.status === 204) {
        if (res.body !== '') problems.push(`${key}: 204 with a body`);
        continue;
      }
      if (op.data === 'image') {
        if (!String(res.headers['content-type']).startsWith('image/'))
          problems.push(`${key}: not an image`);
        continue;
      }
      const body = res.json();
      if (op.bare && op.data) {
        problems.push(...mismatches(expectedData(key, op)!, body, key));
        continue;
      }
      if (op.bare) {
        const [method, path] = key.split(' ') as [string, string];
        const schema = publishedSchema(method, path, op.status);
        if (!schema) problems.push(`${key}: no published ${op.status} schema`);
        else problems.push(...mismatches(fromSchema(schema, true), body, key));
        continue;
      }
      if (op.envelope) {
        const shape = SHAPES.get(op.envelope)!;
        problems.push(...mismatches(shape, body, key));
        continue;
      }
      const data = expectedData(key, op);
      if (body.success !== true) problems.push(`${key}: success is ${body.success}`);
      if (data) problems.push(...mismatches(data, body.data, `${key} data`));
      if (op.meta) problems.push(...mismatches(META[op.meta], body.meta, `${key} meta`));
      const emptyList = Array.isArray(body.data) && body.data.length === 0;
      if (emptyList && op.data !== 'own') problems.push(`${key}: empty list, nothing checked`);
    }
    // One line per field, not per list item.
    expect([...new Set(problems.map((p) => p.replace(/\[\d+\]/g, '[]')))]).toEqual([]);
  }, 120_000);
});
