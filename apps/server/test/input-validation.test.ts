import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  casesOf,
  deeplyNestedJson,
  fieldName,
  withValueAt,
  type BadCase,
  type JsonSchema,
} from './support/bad-input';
import { call, createTestApp, type Json, type TestApp } from './support/test-app';
import {
  makeFixture,
  ROUTES,
  WEBHOOK_SECRET,
  type Fixture,
  type Who,
} from './support/write-routes';

/**
 * Every write route of the app (read from its OpenAPI document, i.e. its route list) gets every
 * class of bad value in every field its schemas declare: integers past int4, absurd numbers, a
 * NUL byte in text, the year 99999 in dates, JSON nested 20 000 levels deep; and a path id past
 * int4. Each must be a 400/422 naming the field, and no table may change.
 */

let t: TestApp;
let fx: Fixture;

interface WriteRoute {
  key: string;
  method: string;
  path: string;
  body?: JsonSchema;
  params: { name: string; schema: JsonSchema }[];
}

interface ReadRoute {
  key: string;
  path: string;
  params: { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema }[];
}

function readRoutesOf(document: unknown): ReadRoute[] {
  const paths = (document as { paths: Record<string, Record<string, any>> }).paths;
  return Object.entries(paths).flatMap(([path, operations]) =>
    operations.get
      ? [
          {
            key: `GET ${path}`,
            path,
            params: ((operations.get.parameters ?? []) as ReadRoute['params']).filter(
              (p) => p.in === 'path' || p.in === 'query',
            ),
          },
        ]
      : [],
  );
}

/** Who may read: B2C routes take the client's token as `User`, the app's its own. */
function readerOf(path: string): Who {
  if (path.startsWith('/api/app/')) return 'client';
  if (/\/(booking\/user|user\/records|user\/loyalty)/.test(path)) return 'partner+client';
  return 'owner';
}

function writeRoutesOf(document: unknown): WriteRoute[] {
  const paths = (document as { paths: Record<string, Record<string, any>> }).paths;
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(paths))
    for (const [method, op] of Object.entries(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = ((op.parameters ?? []) as { in: string; name: string; schema: JsonSchema }[])
        .filter((p) => p.in === 'path')
        .map((p) => ({ name: p.name, schema: p.schema }));
      routes.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined,
        params,
      });
    }
  return routes;
}

function defaultParams(f: Fixture): Record<string, string | number> {
  return {
    id: 1,
    group_id: f.tenant.location.chainId,
    visit_id: 1,
    record_hash: 'x',
    date: '2026-12-01',
    start_date: '2026-12-01',
    end_date: '2026-12-02',
    company_id: f.loc,
    location_id: f.loc,
    staff_id: f.staff.id,
    service_id: f.service.id,
    record_id: f.record.id,
    client_id: f.clientId,
    activity_id: f.activityId,
    type_id: f.certificateTypeId,
    program_id: f.programId,
    item_id: f.membershipId,
    card_id: f.cardId,
  };
}

function headersOf(who: Who, f: Fixture): Record<string, string> {
  switch (who) {
    case 'owner':
      return { authorization: `Bearer ${t.partnerToken}, User ${f.tenant.owner.token}` };
    case 'partner+client':
      return { authorization: `Bearer ${t.partnerToken}, User ${f.appUser.token}` };
    case 'client':
      return { authorization: `Bearer ${f.appUser.token}` };
    case 'none':
      return {};
  }
}

/** Every row of every table, as one comparable text per table. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*)::int AS n,
           md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${name}" x`,
    )
    .join(' UNION ALL ');
  const rows = await t.db.query<{ name: string; n: number; digest: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.digest}`]));
}

function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

interface Outcome {
  route: string;
  kind: string;
  field: string;
  status: number;
  named: boolean;
  changed: string[];
  message: string;
}

function names(body: Json | null, field: string): boolean {
  const errors = body?.meta?.errors as Record<string, unknown> | unknown[] | undefined;
  if (errors && !Array.isArray(errors))
    if (Object.keys(errors).some((k) => k === field || k.startsWith(`${field}.`))) return true;
  return typeof body?.meta?.message === 'string' && body.meta.message.includes(field);
}

let routes: WriteRoute[];
let reads: ReadRoute[];
let baseline: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ env: { VISITA_PAYMENT_TEST_SECRET: WEBHOOK_SECRET } });
  fx = await makeFixture(t);
  await t.app.ready();
  routes = writeRoutesOf(t.app.swagger());
  reads = readRoutesOf(t.app.swagger());
  baseline = await snapshot();
});
afterAll(() => t.close());

function urlOf(route: WriteRoute, overrides: Record<string, string | number> = {}): string {
  const entry = ROUTES[route.key]!;
  const values = { ...defaultParams(fx), ...entry.params?.(fx), ...overrides };
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(values[name])),
  );
}

async function send(route: WriteRoute, url: string, payload: string | undefined) {
  const entry = ROUTES[route.key]!;
  return call(t.app, {
    method: route.method,
    url,
    headers: {
      ...headersOf(entry.who, fx),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...entry.headers?.(payload ?? '', t.clock.now()),
    },
    ...(payload !== undefined ? { payload } : {}),
  });
}

async function judge(
  route: WriteRoute,
  kind: string,
  field: string,
  res: Awaited<ReturnType<typeof send>>,
) {
  const after = await snapshot();
  const changed = changedTables(baseline, after);
  baseline = after;
  return {
    route: route.key,
    kind,
    field,
    status: res.status,
    named: names(res.body, field),
    changed,
    message: String(res.body?.meta?.message ?? '').slice(0, 120),
  } satisfies Outcome;
}

describe('bad input on every write route', () => {
  it('has an entry for every write route (a new route needs one)', () => {
    const missing = routes.map((r) => r.key).filter((k) => !(k in ROUTES));
    const stale = Object.keys(ROUTES).filter((k) => !routes.some((r) => r.key === k));
    expect(missing, 'write routes without an entry in ROUTES').toEqual([]);
    expect(stale, 'entries of routes that no longer exist').toEqual([]);
    expect(routes.length).toBeGreaterThan(90);
  });

  it('answers 400/422 naming the field, and writes nothing', { timeout: 600_000 }, async () => {
    const outcomes: Outcome[] = [];
    for (const route of routes) {
      const entry = ROUTES[route.key];
      if (!entry) continue;
      const base = entry.body?.(fx);
      // Bodies: each scalar of the body schema gets each class of bad value.
      const cases: BadCase[] = route.body ? casesOf(route.body) : [];
      for (const c of cases) {
        const payload = JSON.stringify(withValueAt(base, c.path, c.value));
        const res = await send(route, urlOf(route), payload);
        outcomes.push(
          await judge(
            route,
            `body:${c.class}:${String(c.value).slice(0, 12)}`,
            fieldName(c.path),
            res,
          ),
        );
      }
      // Path ids past int4, and a NUL in path text.
      for (const p of route.params) {
        const values =
          p.schema.type === 'integer'
            ? [2 ** 31, 2 ** 53 + 1]
            : p.schema.type === 'string'
              ? ['a\u0000b']
              : [];
        for (const value of values) {
          const payload = base === undefined ? undefined : JSON.stringify(base);
          const res = await send(route, urlOf(route, { [p.name]: value }), payload);
          outcomes.push(await judge(route, `param:${String(value).slice(0, 12)}`, p.name, res));
        }
      }
      // A body nested 20 000 levels deep, under the first field of the body (or a made-up one).
      const first = Object.keys(route.body?.properties ?? {})[0] ?? 'body';
      const nested = `{"${first}":${deeplyNestedJson(20_000)}}`;
      const res = await send(route, urlOf(route), nested);
      outcomes.push(await judge(route, 'body:nested', first, res));
    }

    const bad = outcomes.filter(
      (o) => ![400, 422].includes(o.status) || !o.named || o.changed.length > 0,
    );
    const summary = {
      cases: outcomes.length,
      routes: routes.length,
      server_errors: outcomes.filter((o) => o.status >= 500).length,
      accepted: outcomes.filter((o) => o.status < 300).length,
      unnamed_4xx: outcomes.filter((o) => o.status >= 400 && o.status < 500 && !o.named).length,
      wrote: outcomes.filter((o) => o.changed.length > 0).length,
    };
    console.log(JSON.stringify(summary));
    for (const o of bad) console.log(JSON.stringify(o));
    expect(bad).toEqual([]);
  });

  it('answers 400 naming the path or query field on every read route', async () => {
    const outcomes: Outcome[] = [];
    const before = await snapshot();
    for (const route of reads) {
      const headers = headersOf(readerOf(route.path), fx);
      for (const param of route.params)
        for (const c of casesOf(param.schema)) {
          const value = String(c.value);
          const pathValues: Record<string, string | number> = { ...defaultParams(fx) };
          const query = new URLSearchParams();
          if (param.in === 'path') pathValues[param.name] = value;
          else query.append(param.name, value);
          // Other required query fields are valid, so the spoiled one is the only reason.
          for (const other of route.params)
            if (other.in === 'query' && other.required && other.name !== param.name)
              query.append(other.name, String(pathValues[other.name]));
          const url =
            route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(String(pathValues[name])),
            ) + (query.size ? `?${query.toString()}` : '');
          const res = await call(t.app, { method: 'GET', url, headers });
          outcomes.push({
            route: route.key,
            kind: `${param.in}:${c.class}:${value.slice(0, 12)}`,
            field: param.name,
            status: res.status,
            named: names(res.body, param.name),
            changed: [],
            message: String(res.body?.meta?.message ?? '').slice(0, 120),
          });
        }
    }
    expect(changedTables(before, await snapshot())).toEqual([]);
    const bad = outcomes.filter((o) => o.status !== 400 || !o.named);
    console.log(
      JSON.stringify({
        read_cases: outcomes.length,
        read_routes: reads.length,
        server_errors: outcomes.filter((o) => o.status >= 500).length,
        not_refused: outcomes.filter((o) => o.status < 400).length,
      }),
    );
    for (const o of bad) console.log(JSON.stringify(o));
    expect(bad).toEqual([]);
  });
});
