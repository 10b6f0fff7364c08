import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { addClient, liveClientsWithPhone } from './support/clients';
import { book, makeSalon, outboxOf, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;

beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
});
afterAll(() => t.close());

const full = {
  name: 'Vasily',
  surname: 'Sonov',
  patronymic: 'Vasilievich',
  phone: '79211234567',
  email: 'vasily@example.com',
  sex_id: 1,
  importance_id: 1,
  discount: 15,
  card: '555888666',
  birth_date: '1990-01-31',
  comment: 'likes espresso',
  spent: 1000,
  balance: -1200,
  sms_check: 1,
  sms_not: 0,
  custom_fields: { 'key-1': 'value-1' },
};

describe('POST /clients/{company_id}', () => {
  it('adds a client: 201 with the contract Client, phone in E.164', async () => {
    const res = await api(t).post(`/clients/${s.loc}`, s.admin, full);
    expect(res.status).toBe(201);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data).toEqual({
      id: expect.any(Number),
      name: 'Vasily',
      surname: 'Sonov',
      patronymic: 'Vasilievich',
      phone: '+79211234567',
      email: 'vasily@example.com',
      categories: [],
      sex: 'Male',
      sex_id: 1,
      discount: 15,
      importance_id: 1,
      importance: 'Bronze',
      card: '555888666',
      birth_date: '1990-01-31',
      comment: 'likes espresso',
      sms_check: 1,
      sms_not: 0,
      spent: 1000,
      balance: -1200,
      visits: 0,
      last_change_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/),
      custom_fields: { 'key-1': 'value-1' },
      has_app: false,
    });
    const events = await outboxOf(t, s.loc);
    expect(events.at(-1)).toMatchObject({
      type: 'client.created',
      aggregate_id: res.body.data.id,
      payload: { source: 'api', userId: s.admin.id },
    });
  });

  it('takes name and phone only; the rest has empty values; canonical path too', async () => {
    const res = await api(t).post(`/locations/${s.loc}/clients`, s.owner, {
      name: ' Ivan ',
      phone: '+49 151 1111 0001',
      custom_fields: [],
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'Ivan',
      phone: '+4915111110001',
      sex: 'Unknown',
      sex_id: 0,
      importance: 'No importance class',
      birth_date: '',
      spent: 0,
      custom_fields: {},
    });
  });

  it('flags has_app when the phone already uses the client app', async () => {
    await t.db.query(`INSERT INTO app_users(phone, name) VALUES ('+4915111110002', 'App user')`);
    const client = await addClient(t, s.loc, s.admin, { name: 'Ada', phone: '4915111110002' });
    expect(client.has_app).toBe(true);
  });

  it.each([
    [{ phone: '+4915111110010' }, 'name'],
    [{ name: '   ', phone: '+4915111110010' }, 'name'],
    [{ name: 'No phone' }, 'phone'],
    [{ name: 'Bad phone', phone: '12' }, 'phone'],
    [{ name: 'X', phone: '+4915111110010', sex_id: 5 }, 'sex_id'],
    [{ name: 'X', phone: '+4915111110010', importance_id: 4 }, 'importance_id'],
    [{ name: 'X', phone: '+4915111110010', discount: 101 }, 'discount'],
    [{ name: 'X', phone: '+4915111110010', birth_date: '1990-02-30' }, 'birth_date'],
    [{ name: 'X', phone: '+4915111110010', birth_date: '2030-01-01' }, 'birth_date'],
    [{ name: 'X', phone: '+4915111110010', email: 'not-an-email' }, 'email'],
    [{ name: 'X', phone: '+4915111110010', categories: [999999] }, 'categories'],
    [{ name: 'X', phone: '+4915111110010', custom_fields: { 'bad key!': 1 } }, 'custom_fields'],
  ])('refuses %j with 422 naming %s and writes nothing', async (body, field) => {
    const res = await api(t).post(`/clients/${s.loc}`, s.admin, body);
    expect(res.status).toBe(422);
    expect(res.body.success).toBe(false);
    expect(Object.keys(res.body.meta.errors)).toContain(field);
    expect(await liveClientsWithPhone(t, s.loc, '+4915111110010')).toEqual([]);
  });

  it('refuses a phone a live client of the location already has (any spelling): 422 naming phone', async () => {
    const first = await addClient(t, s.loc, s.admin, { name: 'First', phone: '+4915111110020' });
    const res = await api(t).post(`/clients/${s.loc}`, s.admin, {
      name: 'Second',
      phone: '49 151 1111 0020',
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors.phone[0]).toMatch(/already exists/);
    expect(res.body.meta.details).toEqual({ client_id: first.id });
    expect(await liveClientsWithPhone(t, s.loc, '+4915111110020')).toEqual([
      { id: first.id, name: 'First' },
    ]);
  });

  it('lets another location of another chain have a client with the same phone', async () => {
    const mine = await addClient(t, s.loc, s.admin, { name: 'Twin', phone: '+4915111110021' });
    const theirs = await addClient(t, s.otherLocation.id, s.outsider, {
      name: 'Twin elsewhere',
      phone: '+4915111110021',
    });
    expect(theirs.id).not.toBe(mine.id);
  });

  it('is 401 without a user token, 403 for staff and for another chain, 404 for an unknown location', async () => {
    const body = { name: 'Nobody', phone: '+4915111110030' };
    expect((await api(t).anonymous('POST', `/clients/${s.loc}`, body)).status).toBe(401);
    expect((await api(t).post(`/clients/${s.loc}`, null, body)).status).toBe(401);
    expect((await api(t).post(`/clients/${s.loc}`, s.staff, body)).status).toBe(403);
    expect((await api(t).post(`/clients/${s.loc}`, s.outsider, body)).status).toBe(403);
    expect((await api(t).post('/clients/99999999', s.admin, body)).status).toBe(404);
    expect(await liveClientsWithPhone(t, s.loc, '+4915111110030')).toEqual([]);
  });
});

describe('GET /client/{company_id}/{id}', () => {
  it('answers the client; visits and spent come from past appointments', async () => {
    const client = await addClient(t, s.loc, s.admin, {
      name: 'Regular',
      phone: '+4915111110040',
      spent: 100,
    });
    const client0 = { phone: '+4915111110040' };
    // Now is 2026-11-28 10:00Z: two past visits (cut 40 + wash 10, cut 40), one no-show,
    // one deleted, one upcoming.
    const past1 = await book(t, s, {
      client: client0,
      datetime: '2026-11-01 10:00:00',
      services: [{ id: s.cut.id }, { id: s.wash.id }],
    });
    const past2 = await book(t, s, { client: client0, datetime: '2026-11-02 10:00:00' });
    const noShow = await book(t, s, { client: client0, datetime: '2026-11-03 10:00:00' });
    const deleted = await book(t, s, { client: client0, datetime: '2026-11-04 10:00:00' });
    const upcoming = await book(t, s, { client: client0, datetime: '2026-12-05 10:00:00' });
    for (const r of [past1, past2, noShow, deleted, upcoming]) expect(r.status).toBe(201);
    await api(t).post(`/company/${s.loc}/records/${noShow.record.id}/attendance`, s.admin, {
      attendance: -1,
    });
    await api(t).del(`/record/${s.loc}/${deleted.record.id}`, s.admin);

    const res = await api(t).get(`/client/${s.loc}/${client.id}`, s.admin);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: client.id, visits: 2, spent: 100 + 50 + 40 });
    const canonical = await api(t).get(`/locations/${s.loc}/clients/${client.id}`, s.owner);
    expect(canonical.body.data).toEqual(res.body.data);
  });

  it('is 404 for an unknown id and for another location’s client (tenant isolation)', async () => {
    const theirs = await addClient(t, s.otherLocation.id, s.outsider, {
      name: 'Theirs',
      phone: '+4915111110050',
    });
    expect((await api(t).get(`/client/${s.loc}/99999999`, s.admin)).status).toBe(404);
    const res = await api(t).get(`/client/${s.loc}/${theirs.id}`, s.admin);
    expect(res.status).toBe(404);
    expect(res.body.data).toBeNull();
    // Their owner asking through our location is refused before anything is looked up.
    expect((await api(t).get(`/client/${s.loc}/${theirs.id}`, s.outsider)).status).toBe(403);
  });

  it('is 400 for a malformed id, 401 without a user, 403 for staff', async () => {
    const client = await addClient(t, s.loc, s.admin, { name: 'Seen', phone: '+4915111110051' });
    expect((await api(t).get(`/client/${s.loc}/abc`, s.admin)).status).toBe(400);
    expect((await api(t).get(`/client/${s.loc}/9999999999`, s.admin)).status).toBe(400);
    expect((await api(t).get(`/client/9999999999/${client.id}`, s.admin)).status).toBe(400);
    expect((await api(t).get(`/client/${s.loc}/${client.id}`, null)).status).toBe(401);
    expect((await api(t).get(`/client/${s.loc}/${client.id}`, s.staff)).status).toBe(403);
  });
});

describe('PUT /client/{company_id}/{id}', () => {
  it('changes the fields sent; absent optional fields keep their value', async () => {
    const client = await addClient(t, s.loc, s.admin, { ...full, phone: '+4915111110060' });
    const res = await api(t).put(`/client/${s.loc}/${client.id}`, s.admin, {
      name: 'Vasya',
      phone: '+49 151 1111 0061',
      importance_id: 3,
      sms_not: true,
      birth_date: '',
      spent: 999999,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: client.id,
      name: 'Vasya',
      phone: '+4915111110061',
      importance: 'Gold',
      sms_not: 1,
      birth_date: '',
      surname: 'Sonov',
      discount: 15,
      spent: 1000,
      custom_fields: { 'key-1': 'value-1' },
    });
    const events = await outboxOf(t, s.loc);
    expect(events.at(-1)).toMatchObject({ type: 'client.updated', aggregate_id: client.id });
  });

  it('refuses another live client’s phone with 422 naming phone and changes nothing', async () => {
    const a = await addClient(t, s.loc, s.admin, { name: 'A', phone: '+4915111110062' });
    const b = await addClient(t, s.loc, s.admin, { name: 'B', phone: '+4915111110063' });
    const res = await api(t).put(`/client/${s.loc}/${b.id}`, s.admin, {
      name: 'B renamed',
      phone: '+4915111110062',
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('phone');
    expect(res.body.meta.details).toEqual({ client_id: a.id });
    const after = await api(t).get(`/client/${s.loc}/${b.id}`, s.admin);
    expect(after.body.data).toMatchObject({ name: 'B', phone: '+4915111110063' });
  });

  it('is 422 naming a bad field and changes nothing', async () => {
    const c = await addClient(t, s.loc, s.admin, { name: 'C', phone: '+4915111110064' });
    for (const [body, field] of [
      [{ name: 'C2', phone: '+4915111110064', discount: -1 }, 'discount'],
      [{ name: 'C2' }, 'phone'],
      [{ name: 'C2', phone: '+4915111110064', labels: [424242] }, 'categories'],
    ] as const) {
      const res = await api(t).put(`/client/${s.loc}/${c.id}`, s.admin, body);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.meta.errors)).toContain(field);
    }
    expect((await api(t).get(`/client/${s.loc}/${c.id}`, s.admin)).body.data.name).toBe('C');
  });

  it('is 404 for another location’s client, 403 for staff and another chain, 401 without a user', async () => {
    const theirs = await addClient(t, s.otherLocation.id, s.outsider, {
      name: 'Theirs',
      phone: '+4915111110065',
    });
    const body = { name: 'Hijacked', phone: '+4915111110065' };
    expect((await api(t).put(`/client/${s.loc}/${theirs.id}`, s.admin, body)).status).toBe(404);
    expect((await api(t).put(`/client/${s.loc}/99999999`, s.admin, body)).status).toBe(404);
    const mine = await addClient(t, s.loc, s.admin, { name: 'Mine', phone: '+4915111110066' });
    expect((await api(t).put(`/client/${s.loc}/${mine.id}`, s.staff, body)).status).toBe(403);
    expect((await api(t).put(`/client/${s.loc}/${mine.id}`, s.outsider, body)).status).toBe(403);
    expect((await api(t).put(`/client/${s.loc}/${mine.id}`, null, body)).status).toBe(401);
    const still = await api(t).get(`/client/${s.otherLocation.id}/${theirs.id}`, s.outsider);
    expect(still.body.data.name).toBe('Theirs');
  });
  it('re-derives has_app only when the phone really changes', async () => {
    await t.db.query(`INSERT INTO app_users(phone, name) VALUES ('+4915111110068', 'App user')`);
    const c = await addClient(t, s.loc, s.admin, { name: 'Switcher', phone: '+4915111110067' });
    expect(c.has_app).toBe(false);
    const moved = await api(t).put(`/client/${s.loc}/${c.id}`, s.admin, {
      name: 'Switcher',
      phone: '+4915111110068',
    });
    expect(moved.body.data.has_app).toBe(true);
    // Pushes became undeliverable (another module turns the flag off): an edit keeps it off.
    await t.db.query('UPDATE clients SET has_app = false WHERE id = $1', [c.id]);
    const edited = await api(t).put(`/client/${s.loc}/${c.id}`, s.admin, {
      name: 'Switcher 2',
      phone: '4915111110068',
    });
    expect(edited.body.data).toMatchObject({ name: 'Switcher 2', has_app: false });
  });
});
