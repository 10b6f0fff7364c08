import { DEFAULT_TERMS_VERSIONS } from '@visita/core';
import { makeAppUser, makeAppointment, makeUser } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, nextPhone, type CabinetWorld } from './support/cabinet';
import { call, createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let http: ReturnType<typeof appApi>;
let newcomer: { id: number; token: string; phone: string };
let newcomersVisit: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  http = appApi(t);
  newcomer = await makeAppUser(t.db, { phone: nextPhone(), consented: false, name: 'New' });
  newcomersVisit = await makeAppointment(t.db, {
    locationId: w.berlin.id,
    staffId: w.anna.id,
    serviceIds: [w.cut.id],
    phone: newcomer.phone,
    start: '2026-12-06T09:00:00Z',
  });
});
afterAll(() => t.close());

/** Every data endpoint of the cabinet, for an appointment and a location. */
function endpoints(recordId: number, locationId: number) {
  return [
    ['GET', '/appointments', undefined],
    ['GET', '/appointments?status=past', undefined],
    ['GET', `/appointments/${recordId}`, undefined],
    ['POST', `/appointments/${recordId}/cancel`, undefined],
    ['POST', `/appointments/${recordId}/reschedule`, { datetime: '2026-12-06 15:00:00' }],
    ['GET', `/appointments/${recordId}/book-again`, undefined],
    ['POST', `/appointments/${recordId}/reviews`, { target: 'location', rating: 5 }],
    ['GET', '/places', undefined],
    ['GET', `/places/${locationId}`, undefined],
    ['PUT', `/places/${locationId}/favourite`, undefined],
    ['DELETE', `/places/${locationId}/favourite`, undefined],
    ['GET', '/favourites', undefined],
    ['GET', `/places/${locationId}/reviews`, undefined],
    ['GET', '/profile', undefined],
    ['PATCH', '/profile', { name: 'Changed' }],
    ['GET', '/profile/photo', undefined],
    ['PUT', '/profile/photo', undefined],
    ['DELETE', '/profile/photo', undefined],
    ['DELETE', '/profile', undefined],
  ] as const;
}

describe('consent', () => {
  it('every data endpoint answers 403 consent_required before the terms are accepted, changing nothing', async () => {
    for (const [method, url, body] of endpoints(newcomersVisit.id, w.berlin.id)) {
      const res = await http(method, url, newcomer, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.meta.error_code, `${method} ${url}`).toBe('consent_required');
    }
    const [record] = await t.db.query('SELECT deleted_at FROM records WHERE id = $1', [
      newcomersVisit.id,
    ]);
    expect(record).toEqual({ deleted_at: null });
    const [user] = await t.db.query('SELECT name, deleted_at FROM app_users WHERE id = $1', [
      newcomer.id,
    ]);
    expect(user).toEqual({ name: 'New', deleted_at: null });
  });

  it('an older version or only one of the two terms is not enough; the current versions are', async () => {
    await t.db.query(
      `INSERT INTO app_user_consents(user_id, kind, version) VALUES ($1, 'user_agreement', $2),
         ($1, 'data_processing', '2000-01')`,
      [newcomer.id, DEFAULT_TERMS_VERSIONS.user_agreement],
    );
    expect((await http('GET', '/appointments', newcomer)).status).toBe(403);
    await t.db.query(
      `INSERT INTO app_user_consents(user_id, kind, version) VALUES ($1, 'data_processing', $2)`,
      [newcomer.id, DEFAULT_TERMS_VERSIONS.data_processing],
    );
    const res = await http('GET', '/appointments', newcomer);
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: { id: number }) => a.id)).toEqual([newcomersVisit.id]);
  });

  it('every data endpoint answers 401 without a token', async () => {
    for (const [method, url, body] of endpoints(w.anaUpcoming.id, w.berlin.id)) {
      const res = await http(method, url, null, body);
      expect(res.status, `${method} ${url}`).toBe(401);
    }
  });
});

describe('a token never reaches another client’s data', () => {
  it('guessing appointment ids finds only the client’s own appointments', async () => {
    const [range] = await t.db.query<{ lo: number; hi: number }>(
      'SELECT min(id) AS lo, max(id) AS hi FROM records',
    );
    const own = new Set([w.anaUpcoming.id, w.anaPast.id, w.anaCanceled.id, w.anaNewYork.id]);
    for (let id = range!.lo; id <= range!.hi + 3; id++) {
      for (const suffix of ['', '/book-again']) {
        const res = await http('GET', `/appointments/${id}${suffix}`, w.ana);
        expect(res.status, `#${id}${suffix}`).toBe(own.has(id) ? 200 : 404);
      }
    }
  });

  it('another client’s appointment cannot be canceled, moved or reviewed', async () => {
    const writes = [
      ['POST', `/appointments/${w.bobBerlin.id}/cancel`, undefined],
      ['POST', `/appointments/${w.bobBerlin.id}/reschedule`, { datetime: '2026-12-04 15:00:00' }],
      ['POST', `/appointments/${w.bobPast.id}/reviews`, { target: 'staff', rating: 1 }],
      ['POST', `/appointments/${w.bobParis.id}/reviews`, { target: 'location', rating: 1 }],
    ] as const;
    for (const [method, url, body] of writes)
      expect((await http(method, url, w.ana, body)).status, url).toBe(404);
    const bobs = await t.db.query<{ id: number; starts_at: Date; deleted_at: Date | null }>(
      'SELECT id, starts_at, deleted_at FROM records WHERE id = ANY($1) ORDER BY id',
      [[w.bobBerlin.id, w.bobPast.id, w.bobParis.id]],
    );
    expect(bobs.every((r) => r.deleted_at === null)).toBe(true);
    expect(bobs.find((r) => r.id === w.bobBerlin.id)!.starts_at.toISOString()).toBe(
      '2026-12-04T09:00:00.000Z',
    );
    const reviews = await t.db.query('SELECT 1 FROM reviews WHERE record_id = ANY($1)', [
      [w.bobPast.id, w.bobParis.id],
    ]);
    expect(reviews).toEqual([]);
  });

  it('another location’s id answers 404 on every place endpoint, and nothing is stored', async () => {
    const [range] = await t.db.query<{ lo: number; hi: number }>(
      'SELECT min(id) AS lo, max(id) AS hi FROM locations',
    );
    const own = new Set([w.berlin.id, w.newYork.id]);
    for (let id = range!.lo; id <= range!.hi + 2; id++) {
      const expected = own.has(id) ? 200 : 404;
      expect((await http('GET', `/places/${id}`, w.ana)).status, `place ${id}`).toBe(expected);
      expect((await http('GET', `/places/${id}/reviews`, w.ana)).status).toBe(expected);
      if (!own.has(id))
        expect((await http('PUT', `/places/${id}/favourite`, w.ana)).status).toBe(404);
    }
    const favourites = await t.db.query<{ location_id: number }>(
      'SELECT location_id FROM favourite_locations WHERE user_id = $1',
      [w.ana.id],
    );
    expect(favourites).toEqual([]);
  });

  it('a client’s favourite is invisible to another client, and removing it as them does nothing', async () => {
    await http('PUT', `/places/${w.berlin.id}/favourite`, w.bob);
    expect((await http('GET', '/favourites', w.ana)).body.data).toEqual([]);
    await http('DELETE', `/places/${w.berlin.id}/favourite`, w.ana);
    const bobs = (await http('GET', '/favourites', w.bob)).body.data;
    expect(bobs.map((p: { id: number }) => p.id)).toEqual([w.berlin.id]);
  });

  it('the client token does not open the back-office API, nor a back-office token the app API', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: `/api/v1/records/${w.berlin.id}`,
      headers: { authorization: `Bearer ${w.ana.token}` },
    });
    expect(res.status).toBe(401);
    const backOffice = await makeUser(t.db, { role: 'owner', chainId: w.berlin.chainId });
    expect((await http('GET', '/appointments', backOffice)).status).toBe(401);
  });
});
