import {
  makeBookingSettings,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
  makeUser,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

// Saturday 2026-11-28 10:00Z; the location is in Berlin (UTC+1 in winter).
let t: TestApp;
let loc: { id: number; chainId: number };
let anna: { id: number };
let jonas: { id: number };
let haircut: { id: number };
let coloring: { id: number };
const DAY = '2026-12-01';
const WORKDAYS = ['2026-12-01', '2026-12-02', '2026-12-03'];
const SPLIT_DAY = [
  { from: '09:00', to: '13:00' },
  { from: '14:00', to: '19:00' },
];

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T10:00:00Z' });
  loc = await makeLocation(t.db, { timezone: 'Europe/Berlin' });
  anna = await makeStaff(t.db, loc.id, { name: 'Anna' });
  jonas = await makeStaff(t.db, loc.id, { name: 'Jonas' });
  haircut = await makeService(t.db, loc.id, {
    title: 'Haircut',
    minutes: 60,
    price: 50,
    staffIds: [anna.id, jonas.id],
  });
  coloring = await makeService(t.db, loc.id, {
    title: 'Coloring',
    minutes: 90,
    price: 90,
    staffIds: [anna.id],
  });
  await makeSchedule(t.db, anna.id, WORKDAYS, SPLIT_DAY);
  await makeSchedule(t.db, jonas.id, ['2026-12-01'], [{ from: '10:00', to: '12:00' }]);
});
afterAll(() => t.close());

const get = (url: string) =>
  call(t.app, { method: 'GET', url: `/api/v1${url}`, headers: authHeader(t.partnerToken) });
const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  call(t.app, {
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...authHeader(t.partnerToken), ...headers },
    payload,
  });

const booking = (
  staffId: number,
  datetime: string,
  services = [haircut.id],
  extra: object = {},
) => ({
  phone: '+4915112345678',
  fullname: 'Erika Mustermann',
  email: 'erika@example.org',
  appointments: [{ id: 1, services, staff_id: staffId, datetime }],
  ...extra,
});

describe('book_times', () => {
  it('lists free start times of the day in the location zone, skipping the break', async () => {
    const res = await get(`/book_times/${loc.id}/${anna.id}/${DAY}?service_ids[]=${haircut.id}`);
    expect(res.status).toBe(200);
    const times = res.body.data.map((s: { time: string }) => s.time);
    expect(times[0]).toBe('09:00');
    expect(times).toContain('12:00');
    expect(times).not.toContain('12:15'); // 60 min would run into the 13:00 break
    expect(times).not.toContain('13:00');
    expect(times).toContain('14:00');
    expect(times.at(-1)).toBe('18:00');
    expect(res.body.data[0]).toEqual({
      time: '09:00',
      seance_length: 3600,
      sum_length: 3600,
      datetime: '2026-12-01T09:00:00+01:00',
    });
  });

  it('chains several services back to back', async () => {
    const res = await get(
      `/book_times/${loc.id}/${anna.id}/${DAY}?service_ids[]=${haircut.id}&service_ids[]=${coloring.id}`,
    );
    const times = res.body.data.map((s: { time: string }) => s.time);
    expect(res.body.data[0].sum_length).toBe(9000);
    expect(times).toContain('10:30'); // 10:30 + 2.5 h = 13:00
    expect(times).not.toContain('10:45');
  });

  it('staff_id 0 is the union of everyone who provides the services', async () => {
    const res = await get(`/book_times/${loc.id}/0/${DAY}?service_ids[]=${haircut.id}`);
    const anyTimes = res.body.data.map((s: { time: string }) => s.time);
    expect(anyTimes).toContain('09:00');
    const jonasOnly = await get(
      `/book_times/${loc.id}/${jonas.id}/${DAY}?service_ids[]=${haircut.id}`,
    );
    expect(jonasOnly.body.data.map((s: { time: string }) => s.time)).toEqual([
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
    ]);
  });

  it('is empty on a day off and for a member who does not provide the service', async () => {
    expect(
      (await get(`/book_times/${loc.id}/${anna.id}/2026-12-05?service_ids[]=${haircut.id}`)).body
        .data,
    ).toEqual([]);
    expect(
      (await get(`/book_times/${loc.id}/${jonas.id}/${DAY}?service_ids[]=${coloring.id}`)).body
        .data,
    ).toEqual([]);
  });

  it('400 for a bad date, 401 without token, 404 for an unknown location, 422 for an unknown service', async () => {
    expect((await get(`/book_times/${loc.id}/${anna.id}/2026-13-01`)).status).toBe(422);
    expect((await get(`/book_times/${loc.id}/${anna.id}/tomorrow`)).status).toBe(400);
    expect(
      (await call(t.app, { method: 'GET', url: `/api/v1/book_times/${loc.id}/0/${DAY}` })).status,
    ).toBe(401);
    expect((await get(`/book_times/999999/0/${DAY}`)).status).toBe(404);
    const unknown = await get(`/book_times/${loc.id}/0/${DAY}?service_ids[]=999999`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.meta.errors[0].code).toBe(438);
  });
});

describe('book_dates, book_staff, book_services, book_staff_seances', () => {
  it('book_dates lists the working dates with free slots in the month', async () => {
    const res = await get(`/book_dates/${loc.id}?service_ids[]=${haircut.id}&date=${DAY}`);
    expect(res.status).toBe(200);
    expect(res.body.data.booking_dates).toEqual(WORKDAYS);
    expect(res.body.data.booking_days).toEqual({ '12': ['1', '2', '3'] });
    const ranged = await get(
      `/book_dates/${loc.id}?staff_id=${jonas.id}&date_from=2026-12-01&date_to=2026-12-31`,
    );
    expect(ranged.body.data.booking_dates).toEqual(['2026-12-01']);
  });

  it('book_staff lists who provides the services with their nearest free day', async () => {
    const res = await get(`/book_staff/${loc.id}?service_ids[]=${coloring.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: { id: number }) => s.id)).toEqual([anna.id]);
    expect(res.body.data[0].seance_date).toBe(DAY);
    expect(res.body.data[0].seances[0]).toMatchObject({ time: '09:00', seance_length: 5400 });
  });

  it('book_services lists online services with their categories key', async () => {
    const res = await get(`/book_services/${loc.id}?staff_id=${jonas.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.services.map((s: { id: number }) => s.id)).toEqual([haircut.id]);
    expect(res.body.data).toHaveProperty('category');
  });

  it('book_staff_seances gives the first free day of one member', async () => {
    const res = await get(`/book_staff_seances/${loc.id}/${jonas.id}/?service_ids[]=${haircut.id}`);
    expect(res.body.data.seance_date).toBe(DAY);
    expect(res.body.data.seances).toHaveLength(5);
  });
});

describe('book_check and book_record', () => {
  it('book_check answers 201 Created for a free slot, writing nothing', async () => {
    const res = await post(`/book_check/${loc.id}`, {
      appointments: [
        { id: 1, services: [haircut.id], staff_id: anna.id, datetime: '2026-12-02T09:00:00+01:00' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, meta: { message: 'Created' } });
    const times = await get(
      `/book_times/${loc.id}/${anna.id}/2026-12-02?service_ids[]=${haircut.id}`,
    );
    expect(times.body.data[0].time).toBe('09:00');
  });

  it('books, hides the slot, and the same slot again is 433', async () => {
    const res = await post(`/book_record/${loc.id}`, booking(anna.id, '2026-12-02 11:00:00'));
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual([
      {
        id: 1,
        record_id: expect.any(Number),
        record_hash: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
    const times = (
      await get(`/book_times/${loc.id}/${anna.id}/2026-12-02?service_ids[]=${haircut.id}`)
    ).body.data.map((s: { time: string }) => s.time);
    expect(times).toContain('10:00');
    expect(times).not.toContain('10:15');
    expect(times).not.toContain('11:00');
    expect(times).toContain('12:00');
    const again = await post(
      `/book_record/${loc.id}`,
      booking(anna.id, '2026-12-02T11:30:00+01:00'),
    );
    expect(again.status).toBe(422);
    expect(again.body.meta.errors[0]).toMatchObject({ code: 433, id: 1 });
    const check = await post(`/book_check/${loc.id}`, {
      appointments: [
        { id: 7, services: [haircut.id], staff_id: anna.id, datetime: '2026-12-02T11:00:00+01:00' },
      ],
    });
    expect(check.body.meta.errors[0]).toMatchObject({ code: 433, id: 7 });
  });

  it('with staff_id 0 picks a free member, and 436 when nobody is free', async () => {
    const first = await post(`/book_record/${loc.id}`, booking(0, '2026-12-01T10:00:00+01:00'));
    const second = await post(
      `/book_record/${loc.id}`,
      booking(0, '2026-12-01T10:00:00+01:00', [haircut.id], { phone: '+4915112345679' }),
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    const third = await post(
      `/book_record/${loc.id}`,
      booking(0, '2026-12-01T10:00:00+01:00', [haircut.id], { phone: '+4915112345670' }),
    );
    expect(third.status).toBe(422);
    expect(third.body.meta.errors[0].code).toBe(436);
  });

  it('refuses overlapping appointments in one request (437), bad phone (431), no name (435), writing nothing', async () => {
    const overlap = await post(`/book_record/${loc.id}`, {
      ...booking(anna.id, '2026-12-03T09:00:00+01:00'),
      appointments: [
        { id: 1, services: [haircut.id], staff_id: anna.id, datetime: '2026-12-03T09:00:00+01:00' },
        {
          id: 2,
          services: [haircut.id],
          staff_id: jonas.id,
          datetime: '2026-12-03T09:30:00+01:00',
        },
      ],
    });
    expect(overlap.status).toBe(422);
    expect([433, 437]).toContain(overlap.body.meta.errors[0].code);
    const phone = await post(
      `/book_record/${loc.id}`,
      booking(anna.id, '2026-12-03T09:00:00+01:00', [haircut.id], { phone: '12' }),
    );
    expect(phone.body.meta.errors[0].code).toBe(431);
    const name = await post(
      `/book_record/${loc.id}`,
      booking(anna.id, '2026-12-03T09:00:00+01:00', [haircut.id], { fullname: '  ' }),
    );
    expect(name.body.meta.errors[0].code).toBe(435);
    const times = (
      await get(`/book_times/${loc.id}/${anna.id}/2026-12-03?service_ids[]=${haircut.id}`)
    ).body.data;
    expect(times[0].time).toBe('09:00');
  });

  it('two non-overlapping appointments in one request are booked together (437 when they overlap)', async () => {
    const res = await post(`/book_record/${loc.id}`, {
      ...booking(anna.id, ''),
      appointments: [
        { id: 1, services: [haircut.id], staff_id: anna.id, datetime: '2026-12-03T15:00:00+01:00' },
        {
          id: 2,
          services: [coloring.id],
          staff_id: anna.id,
          datetime: '2026-12-03T16:00:00+01:00',
        },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.data.map((d: { id: number }) => d.id)).toEqual([1, 2]);
    const overlap = await post(`/book_check/${loc.id}`, {
      appointments: [
        { id: 1, services: [haircut.id], staff_id: anna.id, datetime: '2026-12-03T09:00:00+01:00' },
        { id: 2, services: [haircut.id], staff_id: 0, datetime: '2026-12-03T09:30:00+01:00' },
      ],
    });
    expect(overlap.body.meta.errors[0].code).toBe(437);
  });

  it('a blacklisted phone gets 403 with code 434 and nothing is booked', async () => {
    await t.db.query(
      `INSERT INTO clients(location_id, phone, name, blacklisted) VALUES ($1, '+4915112349999', 'Blocked', true)`,
      [loc.id],
    );
    const res = await post(
      `/book_record/${loc.id}`,
      booking(anna.id, '2026-12-03T14:00:00+01:00', [haircut.id], { phone: '+4915112349999' }),
    );
    expect(res.status).toBe(403);
    expect(res.body.meta.errors[0].code).toBe(434);
    const live = await t.db.query(
      'SELECT 1 FROM records r JOIN clients c ON c.id = r.client_id WHERE c.phone = $1',
      ['+4915112349999'],
    );
    expect(live).toHaveLength(0);
  });

  it('422 naming the field for a malformed body; 401 without a token', async () => {
    const res = await post(`/book_record/${loc.id}`, { phone: '+4915112345678', fullname: 'X' });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('appointments');
    const noAuth = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_record/${loc.id}`,
      payload: booking(anna.id, '2026-12-03T12:00:00+01:00'),
    });
    expect(noAuth.status).toBe(401);
  });

  it('the same Idempotency-Key returns the same appointment, never a second one', async () => {
    const body = booking(anna.id, '2026-12-03T12:00:00+01:00', [haircut.id], {
      phone: '+4915112340000',
    });
    const headers = { 'idempotency-key': 'retry-abc-1' };
    const first = await post(`/book_record/${loc.id}`, body, headers);
    const second = await post(`/book_record/${loc.id}`, body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.data).toEqual(first.body.data);
    const other = await post(`/book_record/${loc.id}`, body, { 'idempotency-key': 'retry-abc-2' });
    expect(other.body.meta.errors[0].code).toBe(433);
  });
});

describe('viewing and rescheduling', () => {
  it('GET book_record with the hash shows the appointment; a wrong hash is 404', async () => {
    const made = await post(
      `/book_record/${loc.id}`,
      booking(anna.id, '2026-12-02T14:00:00+01:00', [haircut.id], { phone: '+4915112341111' }),
    );
    const { record_id, record_hash } = made.body.data[0];
    const view = await get(`/book_record/${loc.id}/${record_id}/${record_hash}`);
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({
      id: record_id,
      staff: { id: anna.id },
      date: '2026-12-02 14:00:00',
      datetime: '2026-12-02T14:00:00+01:00',
      online: true,
      length: 3600,
    });
    expect(view.body.data.services[0]).toMatchObject({
      id: haircut.id,
      title: 'Haircut',
      cost: 50,
    });
    expect((await get(`/book_record/${loc.id}/${record_id}/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('PUT book_record moves the appointment with the hash; the old time is free again', async () => {
    const made = await post(
      `/book_record/${loc.id}`,
      booking(anna.id, '2026-12-02T15:00:00+01:00', [haircut.id], { phone: '+4915112342222' }),
    );
    const { record_id, record_hash } = made.body.data[0];
    const moved = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${loc.id}/${record_id}`,
      headers: authHeader(t.partnerToken),
      payload: { datetime: '2026-12-02T17:00:00+01:00', record_hash },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data.datetime).toBe('2026-12-02T17:00:00+01:00');
    const times = (
      await get(`/book_times/${loc.id}/${anna.id}/2026-12-02?service_ids[]=${haircut.id}`)
    ).body.data.map((s: { time: string }) => s.time);
    expect(times).toContain('15:00');
    expect(times).not.toContain('17:00');
    const wrongHash = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${loc.id}/${record_id}`,
      headers: authHeader(t.partnerToken),
      payload: { datetime: '2026-12-02T18:00:00+01:00', record_hash: 'nope' },
    });
    expect(wrongHash.status).toBe(404);
    const onBusy = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${loc.id}/${record_id}`,
      headers: authHeader(t.partnerToken),
      payload: { datetime: '2026-12-02T11:00:00+01:00', record_hash },
    });
    expect(onBusy.body.meta.errors[0].code).toBe(433);
  });

  it('clients may not reschedule when the location forbids it; a back-office user still may', async () => {
    const other = await makeLocation(t.db, { timezone: 'Asia/Kolkata' });
    const member = await makeStaff(t.db, other.id);
    const service = await makeService(t.db, other.id, { minutes: 30, staffIds: [member.id] });
    await makeSchedule(t.db, member.id, ['2026-12-01'], [{ from: '09:00', to: '18:00' }]);
    await makeBookingSettings(t.db, other.id, { allow_client_reschedule: false });
    const made = await post(
      `/book_record/${other.id}`,
      booking(member.id, '2026-12-01T09:00:00+05:30', [service.id]),
    );
    expect(made.status).toBe(201);
    const { record_id, record_hash } = made.body.data[0];
    const client = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${other.id}/${record_id}`,
      headers: authHeader(t.partnerToken),
      payload: { datetime: '2026-12-01T10:00:00+05:30', record_hash },
    });
    expect(client.status).toBe(422);
    const admin = await makeUser(t.db, { role: 'administrator', locationId: other.id });
    const byAdmin = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${other.id}/${record_id}`,
      headers: authHeader(t.partnerToken, admin.token),
      payload: { datetime: '2026-12-01T10:00:00+05:30' },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.data.date).toBe('2026-12-01 10:00:00');
  });
});
