import {
  makeAppUser,
  makeAppointment,
  makeResource,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  casesOf,
  deeplyNestedJson,
  fieldName,
  withValueAt,
  type BadCase,
  type JsonSchema,
} from './support/bad-input';
import { call, createTestApp, makeTenant, type Json, type TestApp } from './support/test-app';

/**
 * Every write route of the app (read from its OpenAPI document, i.e. its route list) gets every
 * class of bad value in every field its schemas declare: integers past int4, absurd numbers, a
 * NUL byte in text, the year 99999 in dates, JSON nested 20 000 levels deep; and a path id past
 * int4. Each must be a 400/422 naming the field, and no table may change.
 */

let t: TestApp;
let fx: Awaited<ReturnType<typeof makeFixture>>;

async function makeFixture(app: TestApp) {
  const tenant = await makeTenant(app.db);
  const loc = tenant.location.id;
  const staff = await makeStaff(app.db, loc, { name: 'Anna' });
  const staff2 = await makeStaff(app.db, loc, { name: 'Ben' });
  const service = await makeService(app.db, loc, { minutes: 60, staffIds: [staff.id] });
  const resource = await makeResource(app.db, loc, 1);
  const days = ['2026-12-01', '2026-12-02', '2026-12-09', '2026-12-10', '2026-12-11'];
  await makeSchedule(app.db, staff.id, days, [{ from: '08:00', to: '20:00' }]);
  const phone = '+4915112345678';
  const record = await makeAppointment(app.db, {
    locationId: loc,
    staffId: staff.id,
    serviceIds: [service.id],
    phone,
    start: '2026-12-03T09:00:00Z',
  });
  const appUser = await makeAppUser(app.db, { phone, name: 'Ana' });
  const owner = { authorization: `Bearer ${app.partnerToken}, User ${tenant.owner.token}` };
  const created = async (url: string, payload: object) => {
    const res = await call(app.app, { method: 'POST', url, headers: owner, payload });
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
    return (res.body.data as { id: number }).id;
  };
  const categoryId = await created(`/api/v1/service_categories/${loc}`, { title: 'Hair' });
  const clientId = await created(`/api/v1/clients/${loc}`, {
    name: 'Clara',
    phone: '+4915199990000',
  });
  const activityId = await created(`/api/v1/activity/${loc}`, {
    date: '2026-12-10 10:00:00',
    service_id: service.id,
    staff_id: staff.id,
    capacity: 5,
  });
  return {
    tenant,
    loc,
    staff,
    staff2,
    service,
    resource,
    record,
    appUser,
    phone,
    categoryId,
    clientId,
    activityId,
  };
}

type Fixture = typeof fx;
type Who = 'owner' | 'partner+client' | 'client' | 'none';

interface RouteEntry {
  who: Who;
  /** A body that would be accepted; each case spoils one field of it. */
  body?: (f: Fixture) => unknown;
  /** Path ids other than the default ones (company_id, staff_id, ...). */
  params?: (f: Fixture) => Record<string, string | number>;
}

const appointment = (f: Fixture) => ({
  id: 1,
  services: [f.service.id],
  staff_id: f.staff.id,
  datetime: '2026-12-01 10:00:00',
});
const recordBody = (f: Fixture) => ({
  staff_id: f.staff.id,
  services: [{ id: f.service.id }],
  client: { phone: '+4915155550000', name: 'Clara' },
  datetime: '2026-12-01 12:00:00',
  comment: 'ok',
});
const location = { who: 'owner', body: () => ({ title: 'Renamed' }) } as const;
const noBody = { who: 'owner' } as const;
const staffWrite = { who: 'owner', body: () => ({ name: 'Ben B.' }) } as const;
const serviceWrite = { who: 'owner', body: () => ({ title: 'Cut' }) } as const;
const categoryWrite = {
  who: 'owner',
  body: () => ({ title: 'Hair' }),
  params: (f: Fixture) => ({ id: f.categoryId }),
} as const;
const resourceWrite = {
  who: 'owner',
  body: () => ({ title: 'Room' }),
  params: (f: Fixture) => ({ id: f.resource.id }),
} as const;
const resourceDelete = { who: 'owner', params: (f: Fixture) => ({ id: f.resource.id }) } as const;
const categoryDelete = { who: 'owner', params: (f: Fixture) => ({ id: f.categoryId }) } as const;
const schedule = (f: Fixture) => ({
  schedules_to_set: [
    { staff_id: f.staff.id, dates: ['2026-12-01'], slots: [{ from: '09:00', to: '17:00' }] },
  ],
});
const record = { who: 'owner', body: recordBody } as const;
const attendance = { who: 'owner', body: () => ({ attendance: 1 }) } as const;
const clientWrite = { who: 'owner', body: () => ({ name: 'Clara', phone: '+4915199990000' }) };
const clientCreate = { who: 'owner', body: () => ({ name: 'Cleo', phone: '+4915199990001' }) };
const search = { who: 'owner', body: () => ({ page: 1, page_size: 10 }) } as const;
const activity = (f: Fixture) => ({
  date: '2026-12-11 10:00:00',
  service_id: f.service.id,
  staff_id: f.staff.id,
  capacity: 5,
});
const duplicate = { who: 'owner', body: () => ({ dates: ['2026-12-12 10:00:00'] }) } as const;
const link = { who: 'owner', body: () => ({ seance_length: 3600 }) } as const;
const linkCreate = {
  who: 'owner',
  body: (f: Fixture) => ({ staff_id: f.staff2.id, seance_length: 3600 }),
} as const;
const appointmentId = (f: Fixture) => ({ id: f.record.id });

/**
 * One entry per write route. A route missing here fails the test below: its cases need an
 * accepted body and the right caller, so that only the spoiled field can be the reason of a 4xx.
 */
const ROUTES: Record<string, RouteEntry> = {
  'POST /api/v1/auth': {
    who: 'partner+client',
    body: (f) => ({ login: f.tenant.owner.login, password: 'x' }),
  },
  'POST /api/v1/companies': { who: 'owner', body: () => ({ title: 'New', timezone: 'UTC' }) },
  'POST /api/v1/locations': { who: 'owner', body: () => ({ title: 'New', timezone: 'UTC' }) },
  'PUT /api/v1/company/{company_id}': location,
  'PUT /api/v1/locations/{company_id}': location,
  'DELETE /api/v1/company/{company_id}': noBody,
  'DELETE /api/v1/locations/{company_id}': noBody,
  'POST /api/v1/book_check/{company_id}': {
    who: 'owner',
    body: (f) => ({ appointments: [appointment(f)] }),
  },
  'POST /api/v1/book_record/{company_id}': {
    who: 'owner',
    body: (f) => ({
      phone: '+4915112340000',
      fullname: 'Erika',
      comment: 'hi',
      appointments: [appointment(f)],
    }),
  },
  'PUT /api/v1/book_record/{company_id}/{record_id}': {
    who: 'owner',
    body: (f) => ({ datetime: '2026-12-02 10:00:00', record_hash: f.record.hash }),
  },
  'PUT /api/v1/company/{company_id}/staff/schedule': { who: 'owner', body: schedule },
  'PUT /api/v1/locations/{company_id}/team_members/schedule': { who: 'owner', body: schedule },
  'PUT /api/v1/schedule/{company_id}/{staff_id}': {
    who: 'owner',
    body: () => [{ date: '2026-12-01', is_working: 1, slots: [{ from: '09:00', to: '17:00' }] }],
  },
  'PATCH /api/v1/company/{company_id}/settings/online': {
    who: 'owner',
    body: () => ({ seance_delay_step: 60, timetable_step: 900 }),
  },
  'PATCH /api/v1/company/{company_id}/settings/timetable': {
    who: 'owner',
    body: () => ({ timetable_step: 900 }),
  },
  'POST /api/v1/company/{company_id}/staff/quick': staffWrite,
  'POST /api/v1/locations/{company_id}/team_members/quick': staffWrite,
  'POST /api/v1/staff/{company_id}': staffWrite,
  'PUT /api/v1/staff/{company_id}/{staff_id}': staffWrite,
  'PUT /api/v1/locations/{company_id}/team_members/{staff_id}': staffWrite,
  'DELETE /api/v1/staff/{company_id}/{staff_id}': noBody,
  'DELETE /api/v1/locations/{company_id}/team_members/{staff_id}': noBody,
  'POST /api/v1/records/{company_id}': record,
  'POST /api/v1/locations/{company_id}/appointments': record,
  'PUT /api/v1/record/{company_id}/{record_id}': record,
  'PUT /api/v1/locations/{company_id}/appointments/{record_id}': record,
  'DELETE /api/v1/record/{company_id}/{record_id}': noBody,
  'DELETE /api/v1/locations/{company_id}/appointments/{record_id}': noBody,
  'POST /api/v1/company/{company_id}/records/{record_id}/attendance': attendance,
  'POST /api/v1/locations/{company_id}/appointments/{record_id}/attendance': attendance,
  'POST /api/v1/company/{company_id}/clients/search': search,
  'POST /api/v1/locations/{company_id}/clients/search': search,
  'POST /api/v1/clients/{company_id}': { who: 'owner', body: () => clientCreate.body() },
  'POST /api/v1/locations/{company_id}/clients': { who: 'owner', body: () => clientCreate.body() },
  'PUT /api/v1/client/{company_id}/{client_id}': { who: 'owner', body: () => clientWrite.body() },
  'PUT /api/v1/locations/{company_id}/clients/{client_id}': {
    who: 'owner',
    body: () => clientWrite.body(),
  },
  'DELETE /api/v1/client/{company_id}/{client_id}': noBody,
  'DELETE /api/v1/locations/{company_id}/clients/{client_id}': noBody,
  'POST /api/v1/labels/{company_id}/clients/create': {
    who: 'owner',
    body: () => ({ title: 'VIP' }),
  },
  'POST /api/v1/activity/{company_id}': { who: 'owner', body: activity },
  'PUT /api/v1/activity/{company_id}/{activity_id}': { who: 'owner', body: activity },
  'DELETE /api/v1/activity/{company_id}/{activity_id}': noBody,
  'POST /api/v1/activity/{company_id}/{activity_id}/duplicate': duplicate,
  'POST /api/v1/activity/{company_id}/{activity_id}/book': {
    who: 'owner',
    body: () => ({ fullname: 'Erika', phone: '+4915112340001', comment: 'hi' }),
  },
  'DELETE /api/v1/user/records/{record_id}/{record_hash}': {
    who: 'partner+client',
    params: (f) => ({ record_hash: f.record.hash }),
  },
  'POST /api/v1/book_code/{company_id}': {
    who: 'owner',
    body: () => ({ phone: '+4915112340002', fullname: 'Erika' }),
  },
  'POST /api/v1/user/auth': {
    who: 'owner',
    body: () => ({ phone: '+4915112340003', code: '123456' }),
  },
  'PUT /api/v1/booking/user': { who: 'partner+client', body: () => ({ name: 'Ana L.' }) },
  'POST /api/v1/company/{company_id}/positions/quick': {
    who: 'owner',
    body: () => ({ title: 'P' }),
  },
  'PATCH /api/v1/company/{company_id}/services/{service_id}': serviceWrite,
  'DELETE /api/v1/company/{company_id}/services/{service_id}': noBody,
  'POST /api/v1/locations/{company_id}/services': serviceWrite,
  'PATCH /api/v1/locations/{company_id}/services/{service_id}': serviceWrite,
  'PUT /api/v1/locations/{company_id}/services/{service_id}': serviceWrite,
  'DELETE /api/v1/locations/{company_id}/services/{service_id}': noBody,
  'POST /api/v1/services/{company_id}': serviceWrite,
  'PATCH /api/v1/services/{company_id}/{service_id}': serviceWrite,
  'PUT /api/v1/services/{company_id}/{service_id}': serviceWrite,
  'DELETE /api/v1/services/{company_id}/{service_id}': noBody,
  'POST /api/v1/company/{company_id}/services/{service_id}/staff': linkCreate,
  'PUT /api/v1/company/{company_id}/services/{service_id}/staff/{staff_id}': link,
  'DELETE /api/v1/company/{company_id}/services/{service_id}/staff/{staff_id}': noBody,
  'POST /api/v1/locations/{company_id}/services/{service_id}/team_members': linkCreate,
  'PUT /api/v1/locations/{company_id}/services/{service_id}/team_members/{staff_id}': link,
  'DELETE /api/v1/locations/{company_id}/services/{service_id}/team_members/{staff_id}': noBody,
  'POST /api/v1/locations/{company_id}/service_categories': categoryWrite,
  'PUT /api/v1/locations/{company_id}/service_categories/{id}': categoryWrite,
  'PATCH /api/v1/locations/{company_id}/service_categories/{id}': categoryWrite,
  'DELETE /api/v1/locations/{company_id}/service_categories/{id}': categoryDelete,
  'POST /api/v1/service_categories/{company_id}': categoryWrite,
  'PUT /api/v1/service_category/{company_id}/{id}': categoryWrite,
  'DELETE /api/v1/service_category/{company_id}/{id}': categoryDelete,
  'POST /api/v1/resources/{company_id}': resourceWrite,
  'POST /api/v1/locations/{company_id}/resources': resourceWrite,
  'PUT /api/v1/resource/{company_id}/{id}': resourceWrite,
  'PUT /api/v1/locations/{company_id}/resources/{id}': resourceWrite,
  'PATCH /api/v1/locations/{company_id}/resources/{id}': resourceWrite,
  'DELETE /api/v1/resource/{company_id}/{id}': resourceDelete,
  'DELETE /api/v1/locations/{company_id}/resources/{id}': resourceDelete,
  'POST /api/app/v1/auth/code': { who: 'none', body: () => ({ phone: '+4915112340004' }) },
  'POST /api/app/v1/auth/token': {
    who: 'none',
    body: () => ({ phone: '+4915112340005', code: '123456', device: 'phone' }),
  },
  'POST /api/app/v1/auth/logout': { who: 'client' },
  'POST /api/app/v1/auth/logout-all': { who: 'client' },
  'POST /api/app/v1/consents': {
    who: 'client',
    body: () => ({ user_agreement_version: 'v0', data_processing_version: 'v0' }),
  },
  'POST /api/app/v1/appointments/{id}/cancel': { who: 'client', params: appointmentId },
  'POST /api/app/v1/appointments/{id}/reschedule': {
    who: 'client',
    params: appointmentId,
    body: () => ({ datetime: '2026-12-09 10:00:00' }),
  },
  'POST /api/app/v1/appointments/{id}/reviews': {
    who: 'client',
    params: appointmentId,
    body: () => ({ target: 'staff', rating: 5, text: 'great' }),
  },
  'PUT /api/app/v1/places/{location_id}/favourite': { who: 'client' },
  'DELETE /api/app/v1/places/{location_id}/favourite': { who: 'client' },
  'PATCH /api/app/v1/profile': { who: 'client', body: () => ({ name: 'Ana L.' }) },
  'DELETE /api/app/v1/profile': { who: 'client' },
  'DELETE /api/app/v1/profile/photo': { who: 'client' },
  'PUT /api/app/v1/profile/photo': { who: 'client' },
};

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
  params: { in: 'path' | 'query'; name: string; schema: JsonSchema }[];
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
  if (/\/(booking\/user|user\/records)\//.test(path)) return 'partner+client';
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
  t = await createTestApp();
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
