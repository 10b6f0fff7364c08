import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
const as = (token?: string) => authHeader(t.partnerToken, token);

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db);
});
afterAll(() => t.close());

const createPosition = (locationId: number, title: string, token: string, slash = '') =>
  call(t.app, {
    method: 'POST',
    url: `/api/v1/company/${locationId}/positions/quick${slash}`,
    headers: as(token),
    payload: { title },
  });

const listPositions = (locationId: number, token: string, slash = '') =>
  call(t.app, {
    method: 'GET',
    url: `/api/v1/company/${locationId}/staff/positions${slash}`,
    headers: as(token),
  });

const titles = (res: { body: { data: { title: string }[] } }) => res.body.data.map((p) => p.title);

describe('POST /company/{id}/positions/quick', () => {
  it('creates a position (201 {id,title}) that the listing then shows', async () => {
    const res = await createPosition(tenant.location.id, '  Senior stylist ', tenant.admin.token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        id: expect.any(Number),
        title: 'Senior stylist',
        chain_id: tenant.location.chainId,
        description: '',
        services_binding_type: 0,
        rules_required_fields: [],
        only_chain_appointment: false,
      },
      meta: {},
    });
    const list = await listPositions(tenant.location.id, tenant.admin.token);
    expect(list.body.data).toContainEqual(res.body.data);
  });

  it('answers on the documented trailing-slash spelling too', async () => {
    const res = await createPosition(tenant.location.id, 'Colorist', tenant.owner.token, '/');
    expect(res.status).toBe(201);
    expect(titles(await listPositions(tenant.location.id, tenant.owner.token))).toContain(
      'Colorist',
    );
  });

  it('refuses a missing or blank title with 422 naming the field, writing nothing', async () => {
    const before = titles(await listPositions(tenant.location.id, tenant.admin.token));
    const missing = await call(t.app, {
      method: 'POST',
      url: `/api/v1/company/${tenant.location.id}/positions/quick`,
      headers: as(tenant.admin.token),
      payload: {},
    });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('title');
    const blank = await createPosition(tenant.location.id, '   ', tenant.admin.token);
    expect(blank.status).toBe(422);
    expect(blank.body.meta.errors).toHaveProperty('title');
    expect(titles(await listPositions(tenant.location.id, tenant.admin.token))).toEqual(before);
  });

  it('is 401 without a user, 403 for a staff member or another chain, 404 for no location', async () => {
    const noUser = await call(t.app, {
      method: 'POST',
      url: `/api/v1/company/${tenant.location.id}/positions/quick`,
      headers: as(),
      payload: { title: 'Nope' },
    });
    expect(noUser.status).toBe(401);
    expect((await createPosition(tenant.location.id, 'Nope', tenant.staff.token)).status).toBe(403);
    expect((await createPosition(tenant.location.id, 'Nope', tenant.outsider.token)).status).toBe(
      403,
    );
    expect((await createPosition(999999, 'Nope', tenant.owner.token)).status).toBe(404);
    expect(titles(await listPositions(tenant.location.id, tenant.admin.token))).not.toContain(
      'Nope',
    );
  });
});

describe('GET /company/{id}/staff/positions', () => {
  it('lists only this location’s positions, with or without the trailing slash', async () => {
    await createPosition(tenant.otherLocation.id, 'Elsewhere', tenant.outsider.token);
    const mine = await createPosition(tenant.location.id, 'Receptionist', tenant.admin.token);
    for (const slash of ['', '/']) {
      const res = await listPositions(tenant.location.id, tenant.staff.token, slash);
      expect(res.status).toBe(200);
      expect(res.body.data).toContainEqual(mine.body.data);
      expect(titles(res)).not.toContain('Elsewhere');
      expect(res.body.meta.total_count).toBe(res.body.data.length);
    }
  });

  it('answers the same on /positions/{id} and /locations/{id}/positions', async () => {
    const listed = await listPositions(tenant.location.id, tenant.staff.token);
    for (const url of [
      `/positions/${tenant.location.id}`,
      `/locations/${tenant.location.id}/positions`,
    ]) {
      const res = await call(t.app, {
        method: 'GET',
        url: `/api/v1${url}`,
        headers: as(tenant.staff.token),
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(listed.body);
    }
  });

  it('is 401 without a user, 403 for another chain, 404 for an unknown location', async () => {
    const noUser = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${tenant.location.id}/staff/positions`,
      headers: as(),
    });
    expect(noUser.status).toBe(401);
    expect((await listPositions(tenant.location.id, tenant.outsider.token)).status).toBe(403);
    expect((await listPositions(999999, tenant.owner.token)).status).toBe(404);
  });

  it('is 400 naming company_id for a malformed id', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/v1/company/abc/staff/positions',
      headers: as(tenant.owner.token),
    });
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('company_id');
  });
});
