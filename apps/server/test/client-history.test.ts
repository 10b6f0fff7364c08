import { makeLocation, makeUser } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { addClient } from './support/clients';
import { book, makeSalon, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;
let client: { id: number };
const rec: Record<string, number> = {};

/** Now = 2026-11-28 10:00Z. Olga has two past, two upcoming and one canceled appointment. */
beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
  client = await addClient(t, s.loc, s.admin, { name: 'Olga', phone: '+4915133330001' });
  const make = async (key: string, datetime: string) => {
    const res = await book(t, s, { client: { phone: '+4915133330001' }, datetime });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    rec[key] = res.record.id;
  };
  await make('pastOld', '2026-10-01 10:00:00');
  await make('pastRecent', '2026-11-20 10:00:00');
  await make('soon', '2026-12-01 10:00:00');
  await make('later', '2026-12-20 10:00:00');
  await make('canceled', '2026-12-05 10:00:00');
  expect((await api(t).del(`/record/${s.loc}/${rec.canceled}`, s.admin)).status).toBe(204);
  // Someone else's appointment must never show up in Olga's history.
  await book(t, s, { client: { phone: '+4915133330099' }, datetime: '2026-11-21 10:00:00' });
});
afterAll(() => t.close());

describe('GET /client/{company_id}/{id}/visits', () => {
  const visits = (query = '', who: { token: string } | null = s.admin, id = client.id) =>
    api(t).get(`/client/${s.loc}/${id}/visits?${query}`, who);
  const ids = (res: { body: { data: { id: number }[] } }) => res.body.data.map((r) => r.id);

  it('answers all appointments, latest first, as Records with {page, total_count}', async () => {
    const res = await visits();
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([rec.later, rec.canceled, rec.soon, rec.pastRecent, rec.pastOld]);
    expect(res.body.meta).toEqual({ page: 1, total_count: 5 });
    expect(res.body.data[1]).toMatchObject({ id: rec.canceled, deleted: true });
    expect(res.body.data[0].client).toMatchObject({ id: client.id, name: 'Olga' });
  });

  it('splits upcoming (soonest first), past (latest first) and canceled', async () => {
    expect(ids(await visits('status=upcoming'))).toEqual([rec.soon, rec.later]);
    expect(ids(await visits('status=past'))).toEqual([rec.pastRecent, rec.pastOld]);
    expect(ids(await visits('status=canceled'))).toEqual([rec.canceled]);
  });

  it('pages with page and count; answers the canonical path', async () => {
    const second = await visits('count=2&page=2');
    expect(ids(second)).toEqual([rec.soon, rec.pastRecent]);
    expect(second.body.meta).toEqual({ page: 2, total_count: 5 });
    const canonical = await api(t).get(
      `/locations/${s.loc}/clients/${client.id}/visits?status=past`,
      s.owner,
    );
    expect(ids(canonical)).toEqual([rec.pastRecent, rec.pastOld]);
  });

  it('is 400 for a bad status, 404 for unknown and other locations’ clients', async () => {
    const bad = await visits('status=someday');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.meta.errors)[0]).toMatch(/^status/);
    expect((await visits('', s.admin, 99999999)).status).toBe(404);
    const theirs = await addClient(t, s.otherLocation.id, s.outsider, {
      name: 'Theirs',
      phone: '+4915133330001',
    });
    expect((await visits('', s.admin, theirs.id)).status).toBe(404);
  });

  it('is 401 without a user, 403 for staff and another chain', async () => {
    expect((await visits('', null)).status).toBe(401);
    expect((await visits('', s.staff)).status).toBe(403);
    expect((await visits('', s.outsider)).status).toBe(403);
  });
});

describe('GET /group/{group_id}/clients?phone=', () => {
  it('finds the phone’s clients at every location of the chain, in any spelling', async () => {
    const sister = await makeLocation(t.db, { chainId: s.location.chainId });
    const there = await addClient(t, sister.id, s.owner, {
      name: 'Olga at the sister salon',
      phone: '4915133330001',
    });
    const res = await api(t).get(
      `/group/${s.location.chainId}/clients/?phone=49%20151%203333%200001`,
      s.owner,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      salon_group_id: s.location.chainId,
      phone: '+4915133330001',
      clients: [
        {
          id: client.id,
          company_id: s.loc,
          name: 'Olga',
          email: '',
        },
        {
          id: there.id,
          company_id: sister.id,
          name: 'Olga at the sister salon',
          email: '',
        },
      ],
    });
    // The other chain's client with the same phone stays out; canonical /chains path too.
    const canonical = await api(t).get(
      `/chains/${s.location.chainId}/clients?phone=%2B4915133330001`,
      s.owner,
    );
    expect(canonical.body.data.clients.map((c: { id: number }) => c.id)).toEqual([
      client.id,
      there.id,
    ]);
  });

  it('is 400 naming phone for a bad or missing phone, 404 for an unknown phone or chain', async () => {
    const chain = s.location.chainId;
    const bad = await api(t).get(`/group/${chain}/clients?phone=12`, s.owner);
    expect(bad.status).toBe(400);
    expect(bad.body.meta.errors).toHaveProperty('phone');
    expect((await api(t).get(`/group/${chain}/clients`, s.owner)).status).toBe(400);
    expect((await api(t).get(`/group/${chain}/clients?phone=4915133339999`, s.owner)).status).toBe(
      404,
    );
    expect((await api(t).get('/group/99999999/clients?phone=4915133330001', s.owner)).status).toBe(
      404,
    );
  });

  it('needs clients:read on the whole chain: 401, and 403 for a location admin, staff or another chain', async () => {
    const url = `/group/${s.location.chainId}/clients?phone=4915133330001`;
    expect((await api(t).get(url, null)).status).toBe(401);
    expect((await api(t).get(url, s.admin)).status).toBe(403);
    expect((await api(t).get(url, s.staff)).status).toBe(403);
    expect((await api(t).get(url, s.outsider)).status).toBe(403);
    const chainStaff = await makeUser(t.db, { role: 'staff', chainId: s.location.chainId });
    expect((await api(t).get(url, chainStaff)).status).toBe(403);
  });
});

describe('client categories (labels)', () => {
  it('creates (200, as the contract) and lists a location’s categories', async () => {
    const res = await api(t).post(`/labels/${s.loc}/clients/create`, s.admin, {
      title: ' Regular ',
      color: '#00FF11',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: 'Regular', color: '#00ff11', salon_id: s.loc });
    const list = await api(t).get(`/labels/${s.loc}/clients`, s.admin);
    expect(list.body.data.map((k: { id: number }) => k.id)).toContain(res.body.data.id);
    const elsewhere = await api(t).get(`/labels/${s.otherLocation.id}/clients`, s.outsider);
    expect(elsewhere.body.data).toEqual([]);
    // Another location cannot put our category on its clients.
    const misuse = await api(t).post(`/clients/${s.otherLocation.id}`, s.outsider, {
      name: 'X',
      phone: '+4915133330050',
      categories: [res.body.data.id],
    });
    expect(misuse.status).toBe(422);
    expect(misuse.body.meta.errors).toHaveProperty('categories');
  });

  it('is 422 naming a bad title or colour and writes nothing; 403 for staff; 401', async () => {
    const before = (await api(t).get(`/labels/${s.loc}/clients`, s.admin)).body.data.length;
    for (const [body, field] of [
      [{ title: '  ' }, 'title'],
      [{ title: 'Red', color: 'red' }, 'color'],
      [{ color: '#ff0000' }, 'title'],
    ] as const) {
      const res = await api(t).post(`/labels/${s.loc}/clients/create`, s.admin, body);
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty(field);
    }
    const body = { title: 'Sneaky' };
    expect((await api(t).post(`/labels/${s.loc}/clients/create`, s.staff, body)).status).toBe(403);
    expect((await api(t).post(`/labels/${s.loc}/clients/create`, s.outsider, body)).status).toBe(
      403,
    );
    expect((await api(t).post(`/labels/${s.loc}/clients/create`, null, body)).status).toBe(401);
    expect((await api(t).get(`/labels/${s.loc}/clients`, s.staff)).status).toBe(403);
    expect((await api(t).get(`/labels/${s.loc}/clients`, s.admin)).body.data).toHaveLength(before);
  });
});
