import { makeUser } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, type CabinetWorld } from './support/cabinet';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let admin: { token: string };
let staff: { token: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  admin = await makeUser(t.db, { role: 'administrator', locationId: w.berlin.id });
  staff = await makeUser(t.db, { role: 'staff', locationId: w.berlin.id });
});
afterAll(() => t.close());

const promoCall = (
  method: 'GET' | 'PUT' | 'DELETE',
  who: { token: string },
  payload?: unknown,
  locationId = w.berlin.id,
) =>
  call(t.app, {
    method,
    url: `/api/admin/v1/locations/${locationId}/promo`,
    headers: authHeader(t.partnerToken, who.token),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

const storedPromo = async (locationId: number) =>
  (
    await t.db.query<Record<string, unknown>>(
      'SELECT promo_title, promo_text, promo_link_url FROM locations WHERE id = $1',
      [locationId],
    )
  )[0];

const winter = {
  title: ' Winter offer ',
  text: '20 % off colouring until 31 January.',
  link_url: 'https://salon.example/winter',
};

describe('the promotional block', () => {
  it('is null until set, then shows in the admin API, the app places and the booking page', async () => {
    expect((await promoCall('GET', admin)).body).toMatchObject({
      success: true,
      data: { promo: null },
    });
    const put = await promoCall('PUT', admin, winter);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const shown = {
      title: 'Winter offer',
      text: '20 % off colouring until 31 January.',
      link_url: 'https://salon.example/winter',
    };
    expect(put.body.data).toEqual({ promo: shown });
    expect((await promoCall('GET', admin)).body.data).toEqual({ promo: shown });

    const http = appApi(t);
    const places = await http('GET', '/places', w.ana);
    const byId = new Map(
      (places.body.data as { id: number; promo: unknown }[]).map((p) => [p.id, p.promo]),
    );
    expect(byId.get(w.berlin.id)).toEqual(shown);
    // Another location of the client has none.
    expect(byId.get(w.newYork.id)).toBeNull();
    expect((await http('GET', `/places/${w.berlin.id}`, w.ana)).body.data.promo).toEqual(shown);

    const company = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${w.berlin.id}`,
      headers: authHeader(t.partnerToken),
    });
    expect(company.body.data.booking_widget_promo).toEqual(shown);
  });

  it('replaces the whole block, and a missing link or text clears it', async () => {
    await promoCall('PUT', admin, winter);
    const res = await promoCall('PUT', admin, { title: 'Spring' });
    expect(res.body.data).toEqual({ promo: { title: 'Spring', text: '', link_url: null } });
    expect(await storedPromo(w.berlin.id)).toEqual({
      promo_title: 'Spring',
      promo_text: '',
      promo_link_url: null,
    });
  });

  it('is removed with DELETE and then gone everywhere', async () => {
    await promoCall('PUT', admin, winter);
    const del = await promoCall('DELETE', admin);
    expect(del.status).toBe(200);
    expect(del.body.data).toEqual({ promo: null });
    expect((await appApi(t)('GET', `/places/${w.berlin.id}`, w.ana)).body.data.promo).toBeNull();
    expect(await storedPromo(w.berlin.id)).toEqual({
      promo_title: null,
      promo_text: '',
      promo_link_url: null,
    });
  });

  it.each([
    [{ title: '   ' }, 'title'],
    [{ title: 'x'.repeat(101) }, 'title'],
    [{ title: 'Sale', text: 'y'.repeat(1001) }, 'text'],
    [{ title: 'Sale', link_url: 'javascript:alert(1)' }, 'link_url'],
    [{ title: 'Sale', link_url: '/relative/path' }, 'link_url'],
    [{ title: 'Sale', link_url: 'data:text/html,hi' }, 'link_url'],
    [{ text: 'no title' }, 'title'],
  ])('refuses %j naming %s and keeps the stored block', async (body, field) => {
    await promoCall('PUT', admin, winter);
    const before = await storedPromo(w.berlin.id);
    const res = await promoCall('PUT', admin, body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.success).toBe(false);
    expect(JSON.stringify(res.body.meta)).toContain(field);
    expect(await storedPromo(w.berlin.id)).toEqual(before);
  });

  it('needs the settings right to change, and is scoped to the caller’s locations', async () => {
    await promoCall('PUT', admin, winter);
    const before = await storedPromo(w.berlin.id);
    expect((await promoCall('GET', staff)).status).toBe(200);
    expect((await promoCall('PUT', staff, { title: 'Staff sale' })).status).toBe(403);
    expect((await promoCall('DELETE', staff)).status).toBe(403);
    expect(await storedPromo(w.berlin.id)).toEqual(before);
    // The administrator of Berlin has no rights in New York.
    expect((await promoCall('PUT', admin, { title: 'Elsewhere' }, w.newYork.id)).status).toBe(403);
    expect((await storedPromo(w.newYork.id))?.promo_title).toBeNull();
    expect((await promoCall('GET', admin, undefined, 2147483000)).status).toBe(404);
  });
});
