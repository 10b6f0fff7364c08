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

/** Appointments of Anna's and Ben's on one local day, as the API lists them. */
async function dayOf(date: string, staffId: number) {
  const res = await api(t).get(
    `/records/${s.loc}?staff_id=${staffId}&start_date=${date}&end_date=${date}`,
    s.admin,
  );
  expect(res.status).toBe(200);
  return res.body.data as { id: number }[];
}

describe('POST /records/{company_id}', () => {
  it('creates the appointment with client, visit and the contract’s Record (201)', async () => {
    const before = (await outboxOf(t, s.loc)).length;
    const res = await book(t, s, {
      services: [{ id: s.cut.id, first_cost: 50, discount: 10 }],
      comment: 'first time',
      api_id: 'ext-1',
      custom_color: 'f44336',
      sms_remain_hours: 6,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.meta).toEqual([]);
    expect(res.record).toMatchObject({
      company_id: s.loc,
      staff_id: s.anna.id,
      services: [{ id: s.cut.id, title: 'Cut', first_cost: 50, discount: 10, cost: 45, amount: 1 }],
      staff: { id: s.anna.id, name: 'Anna' },
      client: { name: 'Clara', phone: '+4915123456789' },
      clients_count: 1,
      date: '2026-12-01 10:00:00',
      datetime: '2026-12-01T10:00:00+01:00',
      create_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/),
      comment: 'first time',
      online: false,
      record_from: 'api',
      attendance: 0,
      confirmed: 1,
      seance_length: 3600,
      length: 3600,
      api_id: 'ext-1',
      custom_color: 'f44336',
      sms_remain_hours: 6,
      created_user_id: s.admin.id,
      deleted: false,
      activity_id: 0,
      visit_id: expect.any(Number),
    });
    const events = (await outboxOf(t, s.loc)).slice(before);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'appointment.created',
        aggregate_id: res.record.id,
        payload: expect.objectContaining({
          source: 'api',
          userId: s.admin.id,
          staffId: s.anna.id,
          start: '2026-12-01T09:00:00.000Z',
        }),
      }),
    ]);
  });

  it('answers on the canonical path, takes ISO input and the team member’s own duration', async () => {
    await t.db.query(
      'UPDATE service_staff SET duration_seconds = 2700 WHERE service_id = $1 AND staff_id = $2',
      [s.cut.id, s.ben.id],
    );
    const res = await api(t).post(`/locations/${s.loc}/appointments`, s.admin, {
      staff_id: s.ben.id,
      services: [{ id: s.cut.id }, { id: s.wash.id }],
      client: { phone: '4915123456789' },
      datetime: '2026-12-01T08:00:00Z',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const record = res.body.data[0];
    expect(record.datetime).toBe('2026-12-01T09:00:00+01:00');
    expect(record.seance_length).toBe(2700 + 1800);
    expect(record.resource_instance_ids).toEqual(s.basin.instanceIds);
    // The same phone in another spelling is the same client.
    const first = await api(t).get(`/records/${s.loc}?staff_id=${s.anna.id}`, s.admin);
    expect(record.client.id).toBe(first.body.data[0].client.id);
  });

  it('uses seance_length when given and books outside any working hours', async () => {
    const res = await book(t, s, { datetime: '2026-12-06 23:00:00', seance_length: 5400 });
    expect(res.status).toBe(201);
    expect(res.record.seance_length).toBe(5400);
    expect(res.record.services[0].cost).toBe(40);
  });

  it('cuts the services to a shorter seance_length; a service cut away takes no room', async () => {
    const res = await book(t, s, {
      staff_id: s.ben.id,
      services: [{ id: s.cut.id }, { id: s.wash.id }],
      datetime: '2026-12-07 10:00:00',
      seance_length: 2700,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.record.seance_length).toBe(2700);
    expect(res.record.services.map((x: { id: number }) => x.id)).toEqual([s.cut.id, s.wash.id]);
    expect(res.record.resource_instance_ids).toEqual([]);
  });

  it('refuses an overlap for the team member with 422/433 and writes nothing', async () => {
    const events = (await outboxOf(t, s.loc)).length;
    const res = await book(t, s, { datetime: '2026-12-01 10:30:00' });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toEqual([expect.objectContaining({ code: 433 })]);
    expect(await dayOf('2026-12-01', s.anna.id)).toHaveLength(1);
    expect(await outboxOf(t, s.loc)).toHaveLength(events);
  });

  it('refuses a second use of the only basin at the same time', async () => {
    const res = await book(t, s, {
      staff_id: s.anna.id,
      services: [{ id: s.wash.id }],
      datetime: '2026-12-01 09:30:00',
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors[0].code).toBe(433);
  });

  it.each([
    [{ staff_id: undefined }, 'staff_id'],
    [{ staff_id: 'abc' }, 'staff_id'],
    [{ staff_id: 999999 }, 'staff_id'],
    [{ datetime: 'tomorrow' }, 'datetime'],
    [{ datetime: undefined }, 'datetime'],
    [{ services: [] }, 'services'],
    [{ services: [{ id: 999999 }] }, 'services.0.id'],
    [{ client: { phone: '12' } }, 'client.phone'],
    [{ client: { name: 'No phone' } }, 'client.phone'],
    [{ attendance: 5 }, 'attendance'],
    [{ seance_length: -60 }, 'seance_length'],
  ])('is 422 naming the field for %j and writes nothing', async (patch, field) => {
    const events = (await outboxOf(t, s.loc)).length;
    const res = await book(t, s, { datetime: '2026-12-02 10:00:00', ...patch });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(Object.keys(res.body.meta.errors)).toContain(field);
    expect(await dayOf('2026-12-02', s.anna.id)).toHaveLength(0);
    expect(await outboxOf(t, s.loc)).toHaveLength(events);
  });

  it('refuses a team member or service of another location (422)', async () => {
    const staff = await book(t, s, { staff_id: s.otherStaff.id, datetime: '2026-12-03 10:00:00' });
    expect(staff.status).toBe(422);
    expect(staff.body.meta.errors).toHaveProperty('staff_id');
    const service = await book(t, s, {
      services: [{ id: s.otherService.id }],
      datetime: '2026-12-03 10:00:00',
    });
    expect(service.status).toBe(422);
    expect(service.body.meta.errors).toHaveProperty(['services.0.id']);
  });

  it('is 401 without a user token, 403 for the staff role and other chains, 404 for no location', async () => {
    const body = {
      staff_id: s.anna.id,
      services: [{ id: s.cut.id }],
      datetime: '2026-12-04 10:00',
    };
    expect((await api(t).anonymous('POST', `/records/${s.loc}`, body)).status).toBe(401);
    expect((await api(t).post(`/records/${s.loc}`, null, body)).status).toBe(401);
    expect((await api(t).post(`/records/${s.loc}`, s.staff, body)).status).toBe(403);
    expect((await api(t).post(`/records/${s.loc}`, s.outsider, body)).status).toBe(403);
    expect((await api(t).post('/records/999999', s.owner, body)).status).toBe(404);
    expect(await dayOf('2026-12-04', s.anna.id)).toHaveLength(0);
  });
});
