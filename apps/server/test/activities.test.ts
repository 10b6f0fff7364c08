import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { book, makeSalon, outboxOf, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;

beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
});
afterAll(() => t.close());

async function createEvent(body: Record<string, unknown> = {}) {
  const res = await api(t).post(`/activity/${s.loc}`, s.admin, {
    date: '2026-12-05 18:00:00',
    service_id: s.yoga.id,
    staff_id: s.anna.id,
    capacity: 10,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as { id: number; [key: string]: unknown };
}

const search = (query: string) => api(t).get(`/activity/${s.loc}/search?${query}`, null);

describe('POST /activity/{company_id}', () => {
  it('creates an event holding its team member’s time', async () => {
    const event = await createEvent({ comment: 'bring a mat' });
    expect(event).toMatchObject({
      company_id: s.loc,
      service_id: s.yoga.id,
      staff_id: s.anna.id,
      date: '2026-12-05 18:00:00',
      timestamp: Date.UTC(2026, 11, 5, 17) / 1000,
      length: 5400,
      capacity: 10,
      records_count: 0,
      comment: 'bring a mat',
      service: { id: s.yoga.id, title: 'Yoga class' },
      staff: { id: s.anna.id, name: 'Anna' },
    });
    expect((await outboxOf(t, s.loc)).at(-1)).toMatchObject({
      type: 'activity.created',
      aggregate_id: event.id,
    });
    // Anna cannot be booked into her class time, nor can a second class overlap it.
    expect((await book(t, s, { datetime: '2026-12-05 19:00:00' })).status).toBe(422);
    const clash = await api(t).post(`/activity/${s.loc}`, s.admin, {
      date: '2026-12-05 17:00:00',
      service_id: s.yoga.id,
      staff_id: s.anna.id,
      capacity: 5,
    });
    expect(clash.status).toBe(422);
    expect(clash.body.meta.errors[0].code).toBe(433);
  });

  it.each([
    [{ capacity: 0 }, 'capacity'],
    [{ date: 'soon' }, 'date'],
    [{ service_id: 'x' }, 'service_id'],
    [{ length: 10 }, 'length'],
  ])('is 422 naming the field for %j', async (patch, field) => {
    const res = await api(t).post(`/activity/${s.loc}`, s.admin, {
      date: '2026-12-06 18:00:00',
      service_id: s.yoga.id,
      staff_id: s.ben.id,
      capacity: 10,
      ...patch,
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty([field]);
    expect((await search('from=2026-12-06&till=2026-12-06')).body.data).toEqual([]);
  });

  it('refuses another location’s service or team member (422), 403 staff role, 401, 404', async () => {
    const body = {
      date: '2026-12-06 18:00:00',
      service_id: s.otherService.id,
      staff_id: s.ben.id,
      capacity: 3,
    };
    const other = await api(t).post(`/activity/${s.loc}`, s.admin, body);
    expect(other.status).toBe(422);
    expect(other.body.meta.errors).toHaveProperty('service_id');
    const mine = { ...body, service_id: s.yoga.id };
    expect(
      (await api(t).post(`/activity/${s.loc}`, s.admin, { ...mine, staff_id: s.otherStaff.id }))
        .status,
    ).toBe(422);
    expect((await api(t).post(`/activity/${s.loc}`, s.staff, mine)).status).toBe(403);
    expect((await api(t).post(`/activity/${s.loc}`, s.outsider, mine)).status).toBe(403);
    expect((await api(t).post(`/activity/${s.loc}`, null, mine)).status).toBe(401);
    expect((await api(t).post('/activity/999999', s.owner, mine)).status).toBe(404);
  });
});

describe('GET /activity/{company_id}/search and /{id}', () => {
  it('finds events by local dates, team member and service', async () => {
    const ben = await createEvent({ date: '2026-12-08 10:00:00', staff_id: s.ben.id });
    const anna = await createEvent({ date: '2026-12-09 00:15:00' });
    const both = await search('from=2026-12-08&till=2026-12-09');
    expect(both.status).toBe(200);
    expect(both.body.data.map((e: { id: number }) => e.id)).toEqual([ben.id, anna.id]);
    expect(both.body.meta).toEqual({ count: 2 });
    const byStaff = await search(`from=2026-12-08&till=2026-12-09&staff_ids[]=${s.ben.id}`);
    expect(byStaff.body.data.map((e: { id: number }) => e.id)).toEqual([ben.id]);
    const byService = await search(`from=2026-12-08&till=2026-12-09&service_ids=${s.cut.id}`);
    expect(byService.body.data).toEqual([]);
    expect((await search('from=2026-12-09&till=2026-12-09')).body.data).toHaveLength(1);
    const one = await api(t).get(`/activity/${s.loc}/${anna.id}`, s.staff);
    expect(one.body.data).toMatchObject({ id: anna.id, date: '2026-12-09 00:15:00' });
  });

  it('defaults from to today at the location and till to from; an empty range finds nothing', async () => {
    // The test clock is 2026-11-28 11:00 in Berlin.
    const today = await createEvent({ date: '2026-11-28 16:00:00' });
    const byDefault = await search('');
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.data.map((e: { id: number }) => e.id)).toEqual([today.id]);
    const fromOnly = await search('from=2026-11-28');
    expect(fromOnly.body.data.map((e: { id: number }) => e.id)).toEqual([today.id]);
    const empty = await search('from=2026-11-29&till=2026-11-27');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ success: true, data: [], meta: { count: 0 } });
  });

  it('is 400 for a malformed date, 401 without a partner, 404 for an unknown event', async () => {
    const malformed = await search('from=tomorrow');
    expect(malformed.status).toBe(400);
    expect(malformed.body.meta.errors).toHaveProperty('from');
    expect(
      (await api(t).anonymous('GET', `/activity/${s.loc}/search?from=2026-12-01&till=2026-12-02`))
        .status,
    ).toBe(401);
    expect((await api(t).get(`/activity/${s.loc}/999999`, s.admin)).status).toBe(404);
    expect((await api(t).get(`/activity/${s.loc}/1`, s.outsider)).status).toBe(403);
  });
});

describe('PUT /activity/{company_id}/{id}', () => {
  it('moves the event with its appointments, each with appointment.moved', async () => {
    const event = await createEvent({
      date: '2026-12-10 18:00:00',
      staff_id: s.ben.id,
      capacity: 3,
    });
    const booked = await api(t).post(`/activity/${s.loc}/${event.id}/book`, null, {
      fullname: 'Dora',
      phone: '+49 151 11111111',
      clients_count: 2,
    });
    expect(booked.status).toBe(200);
    const res = await api(t).put(`/activity/${s.loc}/${event.id}`, s.admin, {
      date: '2026-12-10 19:00:00',
      service_id: s.yoga.id,
      staff_id: s.ben.id,
      capacity: 3,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ date: '2026-12-10 19:00:00', records_count: 2 });
    const record = await api(t).get(`/record/${s.loc}/${booked.body.data.id}`, s.admin);
    expect(record.body.data.date).toBe('2026-12-10 19:00:00');
    const events = (await outboxOf(t, s.loc)).slice(-2);
    expect(events.map((e) => e.type)).toEqual(['appointment.moved', 'activity.updated']);

    const tooSmall = await api(t).put(`/activity/${s.loc}/${event.id}`, s.admin, {
      date: '2026-12-10 19:00:00',
      service_id: s.yoga.id,
      staff_id: s.ben.id,
      capacity: 1,
    });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.body.meta.errors).toHaveProperty('capacity');
    expect(
      (
        await api(t).put(`/activity/${s.loc}/${event.id}`, s.staff, {
          date: '2026-12-10 19:00:00',
          service_id: s.yoga.id,
          staff_id: s.ben.id,
          capacity: 3,
        })
      ).status,
    ).toBe(403);
  });
});

describe('POST /activity/{company_id}/{id}/duplicate', () => {
  it('copies the event to the given times, or nothing with 409 when one overlaps', async () => {
    const event = await createEvent({ date: '2026-12-15 18:00:00', staff_id: s.ben.id });
    const url = `/activity/${s.loc}/${event.id}/duplicate`;
    const res = await api(t).post(url, s.admin, {
      dates: ['2026-12-16 18:00:00', '2026-12-17 18:00:00'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.map((e: { date: string }) => e.date)).toEqual([
      '2026-12-16 18:00:00',
      '2026-12-17 18:00:00',
    ]);
    expect(res.body.data[0]).toMatchObject({ capacity: 10, length: 5400, records_count: 0 });
    const clash = await api(t).post(url, s.admin, {
      dates: ['2026-12-18 18:00:00', '2026-12-16 18:30:00'],
    });
    expect(clash.status).toBe(409);
    expect(clash.body.meta).toMatchObject({
      conflict: true,
      errors: { 'dates.1': [expect.any(String)] },
    });
    expect((await search('from=2026-12-18&till=2026-12-18')).body.data).toEqual([]);
    const empty = await api(t).post(url, s.admin, { dates: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.meta.errors).toHaveProperty('dates');
  });
});

describe('DELETE /activity/{company_id}/{id}', () => {
  it('deletes the event and its appointments (202) and frees the time', async () => {
    const event = await createEvent({ date: '2026-12-20 18:00:00' });
    const booked = await api(t).post(`/activity/${s.loc}/${event.id}/book`, null, {
      fullname: 'Eve',
      phone: '+49 151 22222222',
    });
    expect((await api(t).del(`/activity/${s.loc}/${event.id}`, s.staff)).status).toBe(403);
    const res = await api(t).del(`/activity/${s.loc}/${event.id}`, s.admin);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ success: true, meta: { message: 'Accepted' } });
    expect((await api(t).get(`/activity/${s.loc}/${event.id}`, s.admin)).status).toBe(404);
    expect((await api(t).get(`/record/${s.loc}/${booked.body.data.id}`, s.admin)).status).toBe(404);
    const types = (await outboxOf(t, s.loc)).slice(-2).map((e) => e.type);
    expect(types).toEqual(['appointment.deleted', 'activity.deleted']);
    expect((await book(t, s, { datetime: '2026-12-20 18:00:00' })).status).toBe(201);
    expect((await api(t).del(`/activity/${s.loc}/${event.id}`, s.admin)).status).toBe(404);
  });
});
