import { makeStaff } from '@visita/db/testing';
import { expect } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './test-app';

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;
type Who = { token: string } | null;

/** Calls the API as `who` (null: partner token only; undefined in headers: no token at all). */
export function api(t: TestApp) {
  const send =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    (url: string, who: Who, payload?: unknown) =>
      call(t.app, {
        method,
        url: `/api/v1${url}`,
        headers: authHeader(t.partnerToken, who?.token),
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
  return {
    get: send('GET'),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    del: send('DELETE'),
    /** No Authorization header at all. */
    anonymous: (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      payload?: unknown,
    ) =>
      call(t.app, {
        method,
        url: `/api/v1${url}`,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

/** A catalog at one location: two team members, a category and a resource, made through the API. */
export async function makeCatalog(t: TestApp, locationId: number, owner: { token: string }) {
  const http = api(t);
  const anna = await makeStaff(t.db, locationId, { name: 'Anna' });
  const ben = await makeStaff(t.db, locationId, { name: 'Ben' });
  const category = await http.post(`/service_categories/${locationId}`, owner, {
    title: 'Hair',
    weight: 5,
  });
  expect(category.status).toBe(201);
  const room = await http.post(`/resources/${locationId}`, owner, {
    title: 'Wash basin',
    count: 2,
  });
  expect(room.status).toBe(201);
  return {
    anna,
    ben,
    categoryId: category.body.data.id as number,
    resourceId: room.body.data.id as number,
  };
}

export type Catalog = Awaited<ReturnType<typeof makeCatalog>>;

/**
 * The catalog tests' world: a fresh database, a tenant (owner, admin, staff, an outsider with a
 * location of their own) and a catalog at each of the two locations.
 */
export async function openCatalogWorld() {
  const t = await createTestApp();
  const tenant = await makeTenant(t.db);
  const loc = tenant.location.id;
  return {
    t,
    http: api(t),
    tenant,
    loc,
    cat: await makeCatalog(t, loc, tenant.owner),
    theirs: await makeCatalog(t, tenant.otherLocation.id, tenant.outsider),
  };
}

/** Creates a service through the API and returns its wire object. */
export async function createService(
  t: TestApp,
  locationId: number,
  owner: { token: string },
  body: Record<string, unknown>,
) {
  const res = await api(t).post(`/services/${locationId}`, owner, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number; [key: string]: unknown };
}

export async function serviceTitles(t: TestApp, locationId: number, owner: { token: string }) {
  const res = await api(t).get(`/company/${locationId}/services`, owner);
  expect(res.status).toBe(200);
  return (res.body.data as { title: string }[]).map((s) => s.title);
}
