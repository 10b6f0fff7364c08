import { makeLocation } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, type CabinetWorld } from './support/cabinet';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let http: ReturnType<typeof appApi>;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  http = appApi(t);
  await t.db.query(
    `UPDATE locations SET address = 'Torstraße 1', city = 'Berlin', description = 'Hair since 1990',
       schedule = 'Mon–Fri 09:00–18:00', site = 'https://salon.example', phones = '{+4930123456,+4930654321}',
       social = '{"instagram":"salon"}', coordinate_lat = 52.53, coordinate_lon = 13.4
     WHERE id = $1`,
    [w.berlin.id],
  );
});
afterAll(() => t.close());

const ids = (body: { data: { id: number }[] }) => body.data.map((p) => p.id);

describe('GET /api/app/v1/places', () => {
  it('lists the locations where the client had appointments, with the About data', async () => {
    const res = await http('GET', '/places', w.ana);
    expect(res.status).toBe(200);
    // Most recently visited first (the canceled Dec 5 booking counts for Berlin).
    expect(ids(res.body)).toEqual([w.berlin.id, w.newYork.id]);
    expect(res.body.meta).toEqual({ total_count: 2 });
    expect(res.body.data[0]).toMatchObject({
      title: 'Berlin salon',
      address: 'Torstraße 1',
      city: 'Berlin',
      description: 'Hair since 1990',
      schedule: 'Mon–Fri 09:00–18:00',
      site: 'https://salon.example',
      phone: '+4930123456',
      phones: ['+4930123456', '+4930654321'],
      social: { instagram: 'salon' },
      coordinates: { lat: 52.53, lon: 13.4 },
      timezone: 'Europe/Berlin',
      rating: 0,
      reviews_count: 0,
      is_favourite: false,
      muted: false,
      appointments_count: 3,
    });
  });

  it('shows only the client’s own places', async () => {
    expect(ids((await http('GET', '/places', w.bob)).body)).toEqual([w.berlin.id, w.paris.id]);
  });

  it('is 401 without a token', async () => {
    expect((await http('GET', '/places', null)).status).toBe(401);
  });
});

describe('GET /api/app/v1/places/{location_id}', () => {
  it('shows the place with the client’s upcoming and past appointments there', async () => {
    const res = await http('GET', `/places/${w.berlin.id}`, w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: w.berlin.id, title: 'Berlin salon' });
    expect(ids({ data: res.body.data.upcoming_appointments })).toEqual([w.anaUpcoming.id]);
    expect(ids({ data: res.body.data.past_appointments })).toEqual([w.anaPast.id]);
  });

  it('is 404 for a location without the client’s appointments and for unknown ids', async () => {
    expect((await http('GET', `/places/${w.paris.id}`, w.ana)).status).toBe(404);
    const empty = await makeLocation(t.db);
    expect((await http('GET', `/places/${empty.id}`, w.ana)).status).toBe(404);
    expect((await http('GET', '/places/99999999', w.ana)).status).toBe(404);
    expect((await http('GET', '/places/x', w.ana)).status).toBe(400);
  });

  it('does not show a closed (deleted) location', async () => {
    const res = await http('GET', `/places/${w.newYork.id}`, w.ana);
    expect(res.status).toBe(200);
    await t.db.query('UPDATE locations SET deleted_at = now() WHERE id = $1', [w.newYork.id]);
    try {
      expect((await http('GET', `/places/${w.newYork.id}`, w.ana)).status).toBe(404);
      expect(ids((await http('GET', '/places', w.ana)).body)).toEqual([w.berlin.id]);
    } finally {
      await t.db.query('UPDATE locations SET deleted_at = NULL WHERE id = $1', [w.newYork.id]);
    }
  });
});

describe('favourites', () => {
  it('PUT adds a place (idempotently), GET /favourites lists it, DELETE removes it', async () => {
    for (let i = 0; i < 2; i++) {
      const put = await http('PUT', `/places/${w.newYork.id}/favourite`, w.ana);
      expect(put.status).toBe(200);
      expect(put.body.data).toMatchObject({ id: w.newYork.id, is_favourite: true });
    }
    expect(ids((await http('GET', '/favourites', w.ana)).body)).toEqual([w.newYork.id]);
    // Favourites come first in the places list.
    expect(ids((await http('GET', '/places', w.ana)).body)).toEqual([w.newYork.id, w.berlin.id]);
    // Another client's favourites are their own.
    expect(ids((await http('GET', '/favourites', w.bob)).body)).toEqual([]);
    const del = await http('DELETE', `/places/${w.newYork.id}/favourite`, w.ana);
    expect(del.status).toBe(200);
    expect(del.body.data.is_favourite).toBe(false);
    expect(ids((await http('GET', '/favourites', w.ana)).body)).toEqual([]);
  });

  it('is 404 for a place the client never visited (nothing stored) and 401 without a token', async () => {
    expect((await http('PUT', `/places/${w.paris.id}/favourite`, w.ana)).status).toBe(404);
    const rows = await t.db.query('SELECT 1 FROM favourite_locations WHERE user_id = $1', [
      w.ana.id,
    ]);
    expect(rows).toEqual([]);
    expect((await http('PUT', `/places/${w.berlin.id}/favourite`, null)).status).toBe(401);
    expect((await http('DELETE', `/places/${w.berlin.id}/favourite`, null)).status).toBe(401);
    expect((await http('GET', '/favourites', null)).status).toBe(401);
  });
});
