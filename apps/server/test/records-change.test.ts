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

async function created(body: Record<string, unknown>) {
  const res = await book(t, s, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.record as { id: number; visit_id: number; client: { id: number } };
}

const lastEvent = async () => (await outboxOf(t, s.loc)).at(-1);

describe('GET /record/{company_id}/{record_id}', () => {
  it('reads one appointment; the staff role may read', async () => {
    const record = await created({ datetime: '2026-12-10 10:00:00' });
    for (const url of [
      `/record/${s.loc}/${record.id}`,
      `/locations/${s.loc}/appointments/${record.id}`,
    ]) {
      const res = await api(t).get(url, s.staff);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ id: record.id, date: '2026-12-10 10:00:00' });
    }
  });

  it('is 404 for an unknown id and for a record of another location', async () => {
    const mine = await created({ datetime: '2026-12-10 12:00:00' });
    expect((await api(t).get(`/record/${s.loc}/999999`, s.admin)).status).toBe(404);
    const other = await api(t).get(`/record/${s.otherLocation.id}/${mine.id}`, s.outsider);
    expect(other.status).toBe(404);
  });

  it('is 401 without a user and 403 for another chain’s user', async () => {
    const record = await created({ datetime: '2026-12-10 14:00:00' });
    expect((await api(t).get(`/record/${s.loc}/${record.id}`, null)).status).toBe(401);
    expect((await api(t).get(`/record/${s.loc}/${record.id}`, s.outsider)).status).toBe(403);
  });
});

describe('PUT /record/{company_id}/{record_id}', () => {
  it('moves the appointment (201), emits appointment.moved and frees the old time', async () => {
    const record = await created({ datetime: '2026-12-11 10:00:00', comment: 'keep?' });
    const res = await api(t).put(`/record/${s.loc}/${record.id}`, s.admin, {
      staff_id: s.anna.id,
      services: [{ id: s.cut.id }],
      client: { phone: '+49 151 23456789' },
      datetime: '2026-12-11 12:00:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // A full replacement: the omitted comment is gone.
    expect(res.body.data).toMatchObject({
      id: record.id,
      date: '2026-12-11 12:00:00',
      comment: '',
    });
    expect(res.body.data.visit_id).toBe(record.visit_id);
    expect(await lastEvent()).toMatchObject({
      type: 'appointment.moved',
      aggregate_id: record.id,
      payload: { source: 'api', from: { start: '2026-12-11T09:00:00.000Z' } },
    });
    expect((await book(t, s, { datetime: '2026-12-11 10:00:00' })).status).toBe(201);
  });

  it('can shift within its own basin time and emits appointment.updated when only fields change', async () => {
    const body = { services: [{ id: s.wash.id }], datetime: '2026-12-12 10:00:00' };
    const record = await created(body);
    const res = await api(t).put(`/record/${s.loc}/${record.id}`, s.admin, {
      staff_id: s.anna.id,
      ...body,
      datetime: '2026-12-12 10:15:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const same = await api(t).put(`/record/${s.loc}/${record.id}`, s.admin, {
      staff_id: s.anna.id,
      ...body,
      datetime: '2026-12-12 10:15:00',
      comment: 'now with a note',
    });
    expect(same.status).toBe(201);
    expect(await lastEvent()).toMatchObject({
      type: 'appointment.updated',
      aggregate_id: record.id,
    });
  });

  it('refuses a move onto another appointment with 433 and changes nothing', async () => {
    const a = await created({ datetime: '2026-12-13 10:00:00' });
    await created({ datetime: '2026-12-13 12:00:00' });
    const events = (await outboxOf(t, s.loc)).length;
    const res = await api(t).put(`/record/${s.loc}/${a.id}`, s.admin, {
      staff_id: s.anna.id,
      services: [{ id: s.cut.id }],
      datetime: '2026-12-13 12:30:00',
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors[0].code).toBe(433);
    const still = await api(t).get(`/record/${s.loc}/${a.id}`, s.admin);
    expect(still.body.data.date).toBe('2026-12-13 10:00:00');
    expect(await outboxOf(t, s.loc)).toHaveLength(events);
  });

  it('is 422 naming the field for bad input and leaves the record as it was', async () => {
    const a = await created({ datetime: '2026-12-14 10:00:00', comment: 'original' });
    const res = await api(t).put(`/record/${s.loc}/${a.id}`, s.admin, {
      staff_id: s.anna.id,
      services: [{ id: s.cut.id }],
      datetime: 'not a time',
      comment: 'changed',
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('datetime');
    const still = await api(t).get(`/record/${s.loc}/${a.id}`, s.admin);
    expect(still.body.data.comment).toBe('original');
  });

  it('confirms through the attendance field with appointment.confirmed', async () => {
    const a = await created({ datetime: '2026-12-15 10:00:00' });
    const res = await api(t).put(`/record/${s.loc}/${a.id}`, s.admin, {
      staff_id: s.anna.id,
      services: [{ id: s.cut.id }],
      datetime: '2026-12-15 10:00:00',
      attendance: 2,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ attendance: 2, confirmed: 1 });
    expect(await lastEvent()).toMatchObject({ type: 'appointment.confirmed', aggregate_id: a.id });
  });

  it('is 404 for another location’s record and 403 for the staff role', async () => {
    const a = await created({ datetime: '2026-12-16 10:00:00' });
    const body = {
      staff_id: s.anna.id,
      services: [{ id: s.cut.id }],
      datetime: '2026-12-16 11:00',
    };
    expect((await api(t).put(`/record/${s.loc}/999999`, s.admin, body)).status).toBe(404);
    expect(
      (await api(t).put(`/record/${s.otherLocation.id}/${a.id}`, s.outsider, body)).status,
    ).toBe(404);
    expect((await api(t).put(`/record/${s.loc}/${a.id}`, s.staff, body)).status).toBe(403);
    expect((await api(t).put(`/record/${s.loc}/${a.id}`, null, body)).status).toBe(401);
  });
});

describe('DELETE /record/{company_id}/{record_id}', () => {
  it('deletes (204), emits appointment.deleted and frees the time', async () => {
    const a = await created({ datetime: '2026-12-17 10:00:00' });
    const res = await api(t).del(`/record/${s.loc}/${a.id}`, s.admin);
    expect(res.status).toBe(204);
    expect(await lastEvent()).toMatchObject({ type: 'appointment.deleted', aggregate_id: a.id });
    expect((await api(t).get(`/record/${s.loc}/${a.id}`, s.admin)).status).toBe(404);
    expect((await api(t).del(`/record/${s.loc}/${a.id}`, s.admin)).status).toBe(404);
    expect((await book(t, s, { datetime: '2026-12-17 10:00:00' })).status).toBe(201);
    const listed = await api(t).get(
      `/records/${s.loc}?start_date=2026-12-17&with_deleted=1`,
      s.admin,
    );
    expect(listed.body.data.find((r: { id: number }) => r.id === a.id)).toMatchObject({
      deleted: true,
    });
  });

  it('is 403 for the staff role, 404 for another location’s id, 401 without a user', async () => {
    const a = await created({ datetime: '2026-12-18 10:00:00' });
    expect((await api(t).del(`/locations/${s.loc}/appointments/${a.id}`, s.staff)).status).toBe(
      403,
    );
    expect((await api(t).del(`/record/${s.otherLocation.id}/${a.id}`, s.outsider)).status).toBe(
      404,
    );
    expect((await api(t).del(`/record/${s.loc}/${a.id}`, null)).status).toBe(401);
    expect((await api(t).get(`/record/${s.loc}/${a.id}`, s.admin)).status).toBe(200);
  });
});

describe('POST /company/{company_id}/records/{record_id}/attendance', () => {
  it('changes attendance with its event; the same value again changes nothing', async () => {
    const a = await created({ datetime: '2026-12-19 10:00:00' });
    const url = `/company/${s.loc}/records/${a.id}/attendance`;
    const res = await api(t).post(url, s.admin, { attendance: 1 });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ attendance: 1, records: [] });
    expect(await lastEvent()).toMatchObject({
      type: 'appointment.attendance_changed',
      payload: { attendance: 1, previousAttendance: 0 },
    });
    const events = (await outboxOf(t, s.loc)).length;
    await api(t).post(url, s.admin, { attendance: 1 });
    expect(await outboxOf(t, s.loc)).toHaveLength(events);
    await api(t).post(`/locations/${s.loc}/appointments/${a.id}/attendance`, s.admin, {
      attendance: -1,
    });
    const read = await api(t).get(`/record/${s.loc}/${a.id}`, s.admin);
    expect(read.body.data.attendance).toBe(-1);
  });

  it('is 422 naming attendance, 404 unknown, 403 staff role', async () => {
    const a = await created({ datetime: '2026-12-20 10:00:00' });
    const url = `/company/${s.loc}/records/${a.id}/attendance`;
    const bad = await api(t).post(url, s.admin, { attendance: 3 });
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors).toHaveProperty('attendance');
    expect(
      (await api(t).post(`/company/${s.loc}/records/999999/attendance`, s.admin, { attendance: 1 }))
        .status,
    ).toBe(404);
    expect((await api(t).post(url, s.staff, { attendance: 1 })).status).toBe(403);
    expect((await api(t).get(`/record/${s.loc}/${a.id}`, s.admin)).body.data.attendance).toBe(0);
  });
});

describe('GET /visits/{visit_id}', () => {
  it('lists the visit’s appointments for users of the location only', async () => {
    const a = await created({ datetime: '2026-12-21 10:00:00' });
    const res = await api(t).get(`/visits/${a.visit_id}`, s.staff);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: a.visit_id, records: [{ id: a.id }] });
    expect((await api(t).get(`/visits/${a.visit_id}`, s.outsider)).status).toBe(404);
    expect((await api(t).get(`/visits/${a.visit_id}`, null)).status).toBe(401);
    expect((await api(t).get('/visits/999999', s.admin)).status).toBe(404);
  });
});
