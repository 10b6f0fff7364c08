import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db, 'Asia/Kolkata');
});
afterAll(() => t.close());

describe('GET /companies', () => {
  it('lists locations in the envelope with paging meta', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies?count=100',
      headers: authHeader(t.partnerToken),
    });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const mine = res.body.data.find((c: { id: number }) => c.id === tenant.location.id);
    expect(mine).toMatchObject({ timezone_name: 'Asia/Kolkata', timezone: 5.5, active: 1 });
    expect(res.body.meta).toMatchObject({ page: 1, total_count: expect.any(Number) });
  });

  it('answers on the canonical /locations path and with the Altegio Accept header', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: `/api/v1/locations?id=${tenant.location.id}`,
      headers: { ...authHeader(t.partnerToken), accept: 'application/vnd.api.v2+json' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { id: number }) => c.id)).toEqual([tenant.location.id]);
  });

  it('pages with count and page', async () => {
    const first = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies?count=1&page=1',
      headers: authHeader(t.partnerToken),
    });
    const second = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies?count=1&page=2',
      headers: authHeader(t.partnerToken),
    });
    expect(first.body.data).toHaveLength(1);
    expect(second.body.data).toHaveLength(1);
    expect(first.body.data[0].id).not.toBe(second.body.data[0].id);
    expect(first.body.meta.total_count).toBeGreaterThanOrEqual(2);
  });

  it('my=1 lists only the user’s locations and needs a user token', async () => {
    const mine = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies?my=1',
      headers: authHeader(t.partnerToken, tenant.admin.token),
    });
    expect(mine.body.data.map((c: { id: number }) => c.id)).toEqual([tenant.location.id]);
    const noUser = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies?my=1',
      headers: authHeader(t.partnerToken),
    });
    expect(noUser.status).toBe(401);
  });

  it('is 401 with the contract body without a token or with a wrong one', async () => {
    for (const headers of [{}, authHeader('not-a-token')]) {
      const res = await call(t.app, { method: 'GET', url: '/api/v1/companies', headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        success: false,
        data: null,
        meta: { message: 'Authentication needed.' },
      });
    }
  });

  it('is 400 naming the field for a bad query', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies?count=abc',
      headers: authHeader(t.partnerToken),
    });
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('count');
  });
});

describe('GET /company/{id}', () => {
  it('returns one location', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken),
    });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data.id).toBe(tenant.location.id);
  });

  it('is 404 for an unknown id', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/locations/999999',
      headers: authHeader(t.partnerToken),
    });
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
  });
});

describe('POST /companies', () => {
  const body = { title: 'New place', timezone: 'America/New_York', address: '1 Main St' };

  it('creates a location in the owner’s chain (201)', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/companies',
      headers: authHeader(t.partnerToken, tenant.owner.token),
      payload: body,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: 'New place',
      timezone_name: 'America/New_York',
      main_group_id: tenant.location.chainId,
    });
    const read = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${res.body.data.id}`,
      headers: authHeader(t.partnerToken),
    });
    expect(read.body.data.address).toBe('1 Main St');
  });

  it('refuses a bad time zone with 422 naming the field, writing nothing', async () => {
    const before = await call(t.app, {
      method: 'GET',
      url: `/api/v1/companies?group_id=${tenant.location.chainId}`,
      headers: authHeader(t.partnerToken),
    });
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/companies',
      headers: authHeader(t.partnerToken, tenant.owner.token),
      payload: { ...body, timezone: 'Mars/Olympus' },
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('timezone');
    const after = await call(t.app, {
      method: 'GET',
      url: `/api/v1/companies?group_id=${tenant.location.chainId}`,
      headers: authHeader(t.partnerToken),
    });
    expect(after.body.meta.total_count).toBe(before.body.meta.total_count);
  });

  it('refuses a missing title with 422 naming the field', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/companies',
      headers: authHeader(t.partnerToken, tenant.owner.token),
      payload: { timezone: 'Europe/Berlin' },
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('title');
  });

  it('is 401 without a user token and 403 for a staff member or another chain', async () => {
    const noUser = await call(t.app, {
      method: 'POST',
      url: '/api/v1/companies',
      headers: authHeader(t.partnerToken),
      payload: body,
    });
    expect(noUser.status).toBe(401);
    const staff = await call(t.app, {
      method: 'POST',
      url: '/api/v1/companies',
      headers: authHeader(t.partnerToken, tenant.outsider.token),
      payload: { ...body, group_id: tenant.location.chainId },
    });
    expect(staff.status).toBe(403);
  });
});

describe('PUT and DELETE /company/{id}', () => {
  it('an administrator updates the location; the change is visible', async () => {
    const res = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.admin.token),
      payload: { description: 'Best place', phones: ['+911234567890'], coordinate_lat: 19.07 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      description: 'Best place',
      phones: ['+911234567890'],
      coordinate_lat: 19.07,
    });
  });

  it('accepts the canonical path and location_id alias spelling', async () => {
    const res = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/locations/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.admin.token),
      payload: { site: 'https://example.in' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.site).toBe('https://example.in');
  });

  it('403 for staff (no right) and for a user of another chain, 404 for an unknown id', async () => {
    const staff = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.staff.token),
      payload: { title: 'x' },
    });
    expect(staff.status).toBe(403);
    expect(staff.body.meta.message).toBe('Access denied.');
    const outsider = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.outsider.token),
      payload: { title: 'x' },
    });
    expect(outsider.status).toBe(403);
    const unknown = await call(t.app, {
      method: 'PUT',
      url: '/api/v1/company/999999',
      headers: authHeader(t.partnerToken, tenant.owner.token),
      payload: { title: 'x' },
    });
    expect(unknown.status).toBe(404);
    const read = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken),
    });
    expect(read.body.data.title).not.toBe('x');
  });

  it('422 for an empty or invalid body', async () => {
    const empty = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.admin.token),
      payload: {},
    });
    expect(empty.status).toBe(422);
    const lat = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.admin.token),
      payload: { coordinate_lat: 100 },
    });
    expect(lat.status).toBe(422);
    expect(lat.body.meta.errors).toHaveProperty('coordinate_lat');
  });

  it('only an owner deletes (204), then it is gone (404)', async () => {
    const admin = await call(t.app, {
      method: 'DELETE',
      url: `/api/v1/company/${tenant.otherLocation.id}`,
      headers: authHeader(t.partnerToken, tenant.admin.token),
    });
    expect(admin.status).toBe(403);
    const owner = await call(t.app, {
      method: 'DELETE',
      url: `/api/v1/company/${tenant.otherLocation.id}`,
      headers: authHeader(t.partnerToken, tenant.outsider.token),
    });
    expect(owner.status).toBe(204);
    const read = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${tenant.otherLocation.id}`,
      headers: authHeader(t.partnerToken),
    });
    expect(read.status).toBe(404);
  });
});

describe('GET /groups', () => {
  it('lists the chains the user belongs to with their locations', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/groups',
      headers: authHeader(t.partnerToken, tenant.admin.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        id: tenant.location.chainId,
        title: expect.any(String),
        companies: [{ id: tenant.location.id, title: expect.any(String) }],
        // Granted one location, not the whole chain: no chain-wide access.
        access: {
          settings_access: '0',
          clients_access: '0',
          users_access: '0',
          loyalty_access: '0',
          loyalty_cards_manual_transactions_access: '0',
          network_services_access: '0',
        },
      },
    ]);
    const owner = await call(t.app, {
      method: 'GET',
      url: '/api/v1/groups',
      headers: authHeader(t.partnerToken, tenant.owner.token),
    });
    expect(owner.body.data[0].access).toMatchObject({
      settings_access: '1',
      clients_access: '1',
      users_access: '1',
      network_services_access: '1',
    });
  });

  it('is 401 without a user token', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/groups',
      headers: authHeader(t.partnerToken),
    });
    expect(res.status).toBe(401);
  });
});

describe('null inputs', () => {
  it('a null coordinate clears it (not coerced to 0)', async () => {
    const res = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/company/${tenant.location.id}`,
      headers: authHeader(t.partnerToken, tenant.admin.token),
      payload: { coordinate_lat: null },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.coordinate_lat).toBeNull();
  });
});

describe('ids beyond the database range', () => {
  it('are 400, not a server error', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/company/9999999999',
      headers: authHeader(t.partnerToken),
    });
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('company_id');
  });
});
