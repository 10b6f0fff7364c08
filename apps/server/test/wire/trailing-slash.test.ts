import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from '../support/test-app';
import { fillPath, makeWireWorld, type WireWorld } from '../support/wire-world';

/** Query strings some reads need to answer 200 (everything else answers without one). */
const QUERY: Record<string, string> = {
  '/api/v1/group/{group_id}/clients': 'phone=%2B4915112345678',
  '/api/v1/chains/{group_id}/clients': 'phone=%2B4915112345678',
  '/api/v1/activity/{company_id}/search': 'from=2026-12-01&till=2026-12-31',
  '/api/v1/loyalty/abonements': 'company_id={loc}&phone=%2B4915112345678',
  '/api/v1/loyalty/certificates': 'company_id={loc}&phone=%2B4915112345678',
  '/api/v1/chain/{group_id}/loyalty/abonements': 'phone=%2B4915112345678',
  '/api/admin/v1/locations/{company_id}/free_times/{staff_id}/{date}': 'service_ids[]={service}',
  '/api/admin/v1/locations/{company_id}/reports/summary': 'from=2026-11-01&to=2026-11-30',
  '/api/admin/v1/locations/{company_id}/client-instruments': 'phone=%2B4915112345678',
  '/api/admin/v1/locations/{company_id}/calendar/marker':
    'start_date=2026-12-01&end_date=2026-12-07',
};

/** Reads that answer something else than 200 on this world (no photo uploaded). */
const STATUS: Record<string, number> = { '/api/app/v1/profile/photo': 404 };

let t: TestApp;
let w: WireWorld;
let getPaths: string[];

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWireWorld(t);
  await t.app.ready();
  const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  getPaths = Object.entries(document.paths)
    .filter(([, operations]) => 'get' in operations)
    .map(([path]) => path);
});
afterAll(() => t.close());

const headersFor = (path: string) =>
  path.startsWith('/api/app/v1')
    ? { authorization: `Bearer ${w.appUser.token}` }
    : authHeader(
        t.partnerToken,
        /^\/api\/v1\/(booking\/user|user\/records|user\/loyalty)/.test(path)
          ? w.appUser.token
          : w.owner.token,
      );

describe('trailing slashes', () => {
  it('every GET route answers the same with and without a trailing slash', async () => {
    expect(getPaths.length).toBeGreaterThan(50);
    for (const path of getPaths) {
      const bare = fillPath(path, w).replace(/\/$/, '');
      const wanted = QUERY[path.replace(/\/$/, '')]
        ?.replace('{loc}', String(w.loc))
        .replace('{service}', String(w.service.id));
      const query = wanted ? `?${wanted}` : '';
      const headers = headersFor(path);
      const without = await call(t.app, { method: 'GET', url: `${bare}${query}`, headers });
      const withSlash = await call(t.app, { method: 'GET', url: `${bare}/${query}`, headers });
      const status = STATUS[path] ?? 200;
      expect(without.status, `${path} without the slash`).toBe(status);
      expect(withSlash.status, `${path} with the slash`).toBe(status);
      expect(withSlash.body, path).toEqual(without.body);
    }
  });

  it('a list path with a slash is the list, not the single item with an empty id', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${w.loc}/staff/`,
      headers: headersFor('/api/v1'),
    });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.data)).toBe(true);
    expect(res.body.data.map((m: { id: number }) => m.id)).toContain(w.member.id);
  });

  it('writes route the same way', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/company/${w.loc}/positions/quick/`,
      headers: headersFor('/api/v1'),
      payload: { title: 'Colorist' },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.title).toBe('Colorist');
  });
});
