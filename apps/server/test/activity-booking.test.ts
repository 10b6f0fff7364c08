import { raceTitle } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { makeSalon, outboxOf, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;

beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
});
afterAll(() => t.close());

let day = 0;
/** A fresh event on its own day (the test clock stands at 2026-11-28). */
async function event(capacity: number, staffId = s.anna.id) {
  day++;
  const res = await api(t).post(`/activity/${s.loc}`, s.admin, {
    date: `2027-02-${String(day).padStart(2, '0')} 18:00:00`,
    service_id: s.yoga.id,
    staff_id: staffId,
    capacity,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.id as number;
}

const bookUrl = (id: number) => `/activity/${s.loc}/${id}/book`;
const places = async (id: number) =>
  (await api(t).get(`/activity/${s.loc}/${id}`, s.admin)).body.data.records_count as number;

describe('POST /activity/{company_id}/{activity_id}/book', () => {
  it('books places with a partner token and answers {id, hash}', async () => {
    const id = await event(5);
    const res = await api(t).post(bookUrl(id), null, {
      fullname: 'Fiona',
      phone: '+49 151 33333333',
      email: 'fiona@example.com',
      clients_count: 2,
      comment: 'with a friend',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: { id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{32,}$/) },
      meta: [],
    });
    const record = await api(t).get(`/record/${s.loc}/${res.body.data.id}`, s.admin);
    expect(record.body.data).toMatchObject({
      activity_id: id,
      staff_id: s.anna.id,
      clients_count: 2,
      online: true,
      record_from: 'online',
      date: '2027-02-01 18:00:00',
      client: { name: 'Fiona', phone: '+4915133333333', email: 'fiona@example.com' },
    });
    expect(await places(id)).toBe(2);
    const types = (await outboxOf(t, s.loc)).slice(-2).map((e) => [e.type, e.payload.source]);
    expect(types).toEqual([
      ['appointment.created', 'online'],
      ['activity.booked', 'online'],
    ]);
  });

  it('refuses more places than are left with 422 capacity_exceeded and writes nothing', async () => {
    const id = await event(3);
    expect(
      (
        await api(t).post(bookUrl(id), null, {
          fullname: 'G',
          phone: '+49 151 44444444',
          clients_count: 2,
        })
      ).status,
    ).toBe(200);
    const events = (await outboxOf(t, s.loc)).length;
    const full = await api(t).post(bookUrl(id), null, {
      fullname: 'H',
      phone: '+49 151 55555555',
      clients_count: 2,
    });
    expect(full.status).toBe(422);
    expect(full.body.meta.message).toMatch(/not enough free places/);
    expect(full.body.meta.errors).toHaveProperty('clients_count');
    expect(await places(id)).toBe(2);
    expect(await outboxOf(t, s.loc)).toHaveLength(events);
    const listed = await api(t).get(
      `/records/${s.loc}?start_date=2027-02-02&end_date=2027-02-02`,
      s.admin,
    );
    expect(listed.body.data).toHaveLength(1);
  });

  it(
    raceTitle('never exceeds the capacity under 30 concurrent bookings of 10 places'),
    async () => {
      const id = await event(10, s.ben.id);
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          api(t).post(bookUrl(id), null, {
            fullname: `Racer ${i}`,
            phone: `+49 151 7000${String(i).padStart(4, '0')}`,
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((x) => x === 200)).toHaveLength(10);
      const refused = results.filter((r) => r.status === 422);
      expect(refused).toHaveLength(20);
      for (const r of refused) expect(r.body.meta.message).toMatch(/not enough free places/);
      expect(await places(id)).toBe(10);
      const date = `2027-02-${String(day).padStart(2, '0')}`;
      const listed = await api(t).get(
        `/records/${s.loc}?start_date=${date}&end_date=${date}&count=100`,
        s.admin,
      );
      expect(listed.body.data).toHaveLength(10);
    },
  );

  it('joins an event through POST /records with activity_id; deleting frees the places', async () => {
    const id = await event(1);
    const res = await api(t).post(`/records/${s.loc}`, s.admin, {
      activity_id: id,
      client: { phone: '+49 151 66666666', name: 'Ida' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data[0]).toMatchObject({ activity_id: id, record_from: 'api' });
    expect(await places(id)).toBe(1);
    expect(
      (await api(t).post(bookUrl(id), null, { fullname: 'J', phone: '+49 151 12121212' })).status,
    ).toBe(422);
    expect((await api(t).del(`/record/${s.loc}/${res.body.data[0].id}`, s.admin)).status).toBe(204);
    expect(await places(id)).toBe(0);
    expect(
      (await api(t).post(bookUrl(id), null, { fullname: 'J', phone: '+49 151 12121212' })).status,
    ).toBe(200);
    const unknown = await api(t).post(`/records/${s.loc}`, s.admin, {
      activity_id: 999999,
      client: { phone: '+49 151 66666666' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.meta.errors).toHaveProperty('activity_id');
  });

  it('names the bad field: phone (431), fullname, clients_count', async () => {
    const id = await event(5);
    const phone = await api(t).post(bookUrl(id), null, { fullname: 'K', phone: '12' });
    expect(phone.status).toBe(422);
    expect(phone.body.meta.errors[0].code).toBe(431);
    const name = await api(t).post(bookUrl(id), null, {
      fullname: '   ',
      phone: '+49 151 13131313',
    });
    expect(name.status).toBe(422);
    expect(name.body.meta.errors[0].code).toBe(435);
    const missing = await api(t).post(bookUrl(id), null, { phone: '+49 151 13131313' });
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors).toHaveProperty('fullname');
    const count = await api(t).post(bookUrl(id), null, {
      fullname: 'K',
      phone: '+49 151 13131313',
      clients_count: 0,
    });
    expect(count.status).toBe(422);
    expect(count.body.meta.errors).toHaveProperty('clients_count');
    expect(await places(id)).toBe(0);
  });

  it('is 404 for an unknown or another location’s event, 401 without a partner token', async () => {
    const id = await event(5);
    const body = { fullname: 'L', phone: '+49 151 14141414' };
    expect((await api(t).post(bookUrl(999999), null, body)).status).toBe(404);
    expect(
      (await api(t).post(`/activity/${s.otherLocation.id}/${id}/book`, null, body)).status,
    ).toBe(404);
    expect((await api(t).anonymous('POST', bookUrl(id), body)).status).toBe(401);
  });

  it('refuses an event that has started and a location that demands a confirmed phone', async () => {
    const id = await event(5);
    t.clock.set('2027-06-01T00:00:00Z');
    try {
      const late = await api(t).post(bookUrl(id), null, {
        fullname: 'M',
        phone: '+49 151 15151515',
      });
      expect(late.status).toBe(422);
      expect(late.body.meta.errors).toHaveProperty('activity_id');
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [s.loc]);
    try {
      const unconfirmed = await api(t).post(bookUrl(id), null, {
        fullname: 'M',
        phone: '+49 151 15151515',
      });
      expect(unconfirmed.status).toBe(422);
      expect(unconfirmed.body.meta.errors[0].code).toBe(432);
    } finally {
      await t.db.query('UPDATE locations SET phone_confirmation = false WHERE id = $1', [s.loc]);
    }
    expect(await places(id)).toBe(0);
  });
});
