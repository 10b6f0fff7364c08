import { createRepos } from '@visita/db';
import { makeService, makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let anna: { id: number };
let boris: { id: number };
let elsewhere: { id: number };

beforeAll(async () => {
  // The test clock is 2026-11-28T10:00Z: 11:00 on 28 November in Berlin.
  t = await createTestApp();
  tenant = await makeTenant(t.db, 'Europe/Berlin');
  anna = await makeStaff(t.db, tenant.location.id, { name: 'Anna' });
  boris = await makeStaff(t.db, tenant.location.id, { name: 'Boris' });
  elsewhere = await makeStaff(t.db, tenant.otherLocation.id, { name: 'Elsewhere' });
});
afterAll(() => t.close());

const base = () => `/api/v1/company/${tenant.location.id}/staff/schedule`;
const admin = () => authHeader(t.partnerToken, tenant.admin.token);

function put(payload: object, headers = admin(), url = base()) {
  return call(t.app, { method: 'PUT', url, headers, payload });
}

function get(query: string, headers = admin(), url = base()) {
  return call(t.app, { method: 'GET', url: `${url}?${query}`, headers });
}

async function scheduleOf(staffId: number, from: string, to = from) {
  const res = await get(`staff_ids[]=${staffId}&start_date=${from}&end_date=${to}`);
  expect(res.status).toBe(200);
  return res.body.data as { staff_id: number; date: string; slots: unknown[] }[];
}

const day = { from: '10:00', to: '13:00' };
const evening = { from: '14:00', to: '19:00' };

describe('PUT /company/{id}/staff/schedule', () => {
  it('sets and removes days and answers with the touched schedules', async () => {
    await put({ schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-03'], slots: [day] }] });
    const res = await put({
      schedules_to_set: [
        { staff_id: anna.id, dates: ['2026-12-02', '2026-12-01'], slots: [day, evening] },
        {
          team_member_id: boris.id,
          dates: ['2026-12-01'],
          slots: [{ from: '09:00', to: '24:00' }],
        },
      ],
      schedules_to_delete: [{ staff_id: anna.id, dates: ['2026-12-03'] }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { staff_id: anna.id, date: '2026-12-01', slots: [day, evening], off_day_type: null },
      { staff_id: anna.id, date: '2026-12-02', slots: [day, evening], off_day_type: null },
      {
        staff_id: boris.id,
        date: '2026-12-01',
        slots: [{ from: '09:00', to: '24:00' }],
        off_day_type: null,
      },
    ]);
    expect(res.body.meta).toEqual({ count: 3 });
    expect((await scheduleOf(anna.id, '2026-12-03')).length).toBe(0);
  });

  it('replaces a day that is set again, and stores an empty slot list as a day off', async () => {
    await put({ schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-05'], slots: [day] }] });
    await put({ schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-05'], slots: [] }] });
    expect(await scheduleOf(anna.id, '2026-12-05')).toMatchObject([{ slots: [] }]);
  });

  it('answers on the canonical /locations/{id}/team_members/schedule path', async () => {
    const url = `/api/v1/locations/${tenant.location.id}/team_members/schedule`;
    const res = await put(
      { schedules_to_set: [{ team_member_id: boris.id, dates: ['2026-12-07'], slots: [day] }] },
      admin(),
      url,
    );
    expect(res.status).toBe(200);
    const read = await get(`team_member_ids[]=${boris.id}&start_date=2026-12-07`, admin(), url);
    expect(read.body.data).toMatchObject([{ staff_id: boris.id, date: '2026-12-07' }]);
  });

  const refusals: [string, unknown, string][] = [
    [
      'overlapping slots',
      [
        { from: '10:00', to: '13:00' },
        { from: '12:00', to: '15:00' },
      ],
      'schedules_to_set.1.slots.1.from',
    ],
    [
      'slots out of order',
      [
        { from: '14:00', to: '15:00' },
        { from: '10:00', to: '11:00' },
      ],
      'schedules_to_set.1.slots.1.from',
    ],
    [
      'an end before its start',
      [day, { from: '18:00', to: '17:00' }],
      'schedules_to_set.1.slots.1.to',
    ],
    ['an hour past 24:00', [{ from: '10:00', to: '25:00' }], 'schedules_to_set.1.slots.0.to'],
    ['a start at 24:00', [{ from: '24:00', to: '24:00' }], 'schedules_to_set.1.slots.0.from'],
    [
      'a time that is not HH:MM',
      [{ from: '9:00', to: '12:00' }],
      'schedules_to_set.1.slots.0.from',
    ],
  ];
  it.each(refusals)(
    'refuses %s with 422 naming the field, writing nothing',
    async (_, slots, field) => {
      const res = await put({
        schedules_to_set: [
          { staff_id: anna.id, dates: ['2026-12-10'], slots: [day] },
          { staff_id: boris.id, dates: ['2026-12-10'], slots },
        ],
      });
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty([field]);
      expect(await scheduleOf(anna.id, '2026-12-10')).toEqual([]);
    },
  );

  it('refuses impossible and malformed dates naming the date', async () => {
    for (const [date, field] of [
      ['2026-02-30', 'schedules_to_set.0.dates.1'],
      ['2026-1-1', 'schedules_to_set.0.dates.1'],
    ] as const) {
      const res = await put({
        schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-11', date], slots: [day] }],
      });
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty([field]);
    }
    expect(await scheduleOf(anna.id, '2026-12-11')).toEqual([]);
  });

  it('refuses a member’s date that is both set and deleted', async () => {
    const res = await put({
      schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-12'], slots: [day] }],
      schedules_to_delete: [{ staff_id: anna.id, dates: ['2026-12-12'] }],
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['schedules_to_delete.0.dates.0']);
    expect(await scheduleOf(anna.id, '2026-12-12')).toEqual([]);
  });

  it('refuses more than 366 dates in one request', async () => {
    const dates = (year: number) =>
      Array.from({ length: 200 }, (_, i) =>
        new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10),
      );
    const res = await put({
      schedules_to_set: [
        { staff_id: anna.id, dates: dates(2027), slots: [day] },
        { staff_id: boris.id, dates: dates(2027), slots: [day] },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['schedules_to_set.1.dates']);
    expect(await scheduleOf(anna.id, '2027-01-01')).toEqual([]);
  });

  it('refuses a member of another location with 422 on staff_id, writing nothing', async () => {
    const res = await put({
      schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-13'], slots: [day] }],
      schedules_to_delete: [{ staff_id: elsewhere.id, dates: ['2026-12-13'] }],
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['schedules_to_delete.0.staff_id']);
    expect(await scheduleOf(anna.id, '2026-12-13')).toEqual([]);
  });

  it('refuses an entry without staff_id naming it', async () => {
    const res = await put({ schedules_to_set: [{ dates: ['2026-12-14'], slots: [day] }] });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['schedules_to_set.0.staff_id']);
  });

  it('is 401 without a user, 403 for the staff role and another chain, 404 for an unknown location', async () => {
    const body = { schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-15'], slots: [day] }] };
    expect((await put(body, authHeader(t.partnerToken))).status).toBe(401);
    expect((await put(body, authHeader(t.partnerToken, tenant.staff.token))).status).toBe(403);
    expect((await put(body, authHeader(t.partnerToken, tenant.outsider.token))).status).toBe(403);
    const unknown = await put(body, admin(), '/api/v1/company/999999/staff/schedule');
    expect(unknown.status).toBe(404);
    expect(await scheduleOf(anna.id, '2026-12-15')).toEqual([]);
  });
});

describe('GET /company/{id}/staff/schedule', () => {
  it('defaults to today at the location and lists every member not fired', async () => {
    await put({
      schedules_to_set: [{ staff_id: boris.id, dates: ['2026-11-28'], slots: [day] }],
    });
    const res = await get('');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { staff_id: boris.id, date: '2026-11-28', slots: [day], off_day_type: null },
    ]);
    expect(res.body.meta).toEqual({ count: 1 });
  });

  it('filters by staff_ids and reads a range; the staff role may read', async () => {
    await put({
      schedules_to_set: [
        { staff_id: anna.id, dates: ['2026-12-20', '2026-12-22'], slots: [day] },
        { staff_id: boris.id, dates: ['2026-12-21'], slots: [day] },
      ],
    });
    const res = await get(
      `staff_ids[]=${anna.id}&start_date=2026-12-20&end_date=2026-12-22`,
      authHeader(t.partnerToken, tenant.staff.token),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: { date: string }) => d.date)).toEqual([
      '2026-12-20',
      '2026-12-22',
    ]);
  });

  it('adds the busy intervals of appointments in local time', async () => {
    const service = await makeService(t.db, tenant.location.id, { staffIds: [anna.id] });
    await put({ schedules_to_set: [{ staff_id: anna.id, dates: ['2026-12-23'], slots: [day] }] });
    const start = Date.parse('2026-12-23T10:30:00Z'); // 11:30 in Berlin
    const end = start + 45 * 60_000;
    await createRepos(t.db).appointments.insertAppointment({
      locationId: tenant.location.id,
      staffId: anna.id,
      clientId: null,
      visitId: null,
      activityId: null,
      start,
      end,
      steps: [{ serviceId: service.id, start, end, firstCost: 0, discount: 0, cost: 0, amount: 1 }],
      resourceInstances: [],
      source: 'back_office',
      attendance: 0,
      confirmed: true,
      clientsCount: 1,
      comment: '',
      apiId: null,
      hashDigest: 'test',
      notifyBySms: 0,
      notifyByEmail: 0,
      masterRequested: true,
      customColor: '',
      createdUserId: null,
    });
    const res = await get(
      `staff_ids[]=${anna.id}&start_date=2026-12-23&include[]=busy_intervals&include[]=off_day_type`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject([
      { date: '2026-12-23', slots: [day], busy_intervals: [{ from: '11:30', to: '12:15' }] },
    ]);
    const without = await get(`staff_ids[]=${anna.id}&start_date=2026-12-23`);
    expect(without.body.data[0]).not.toHaveProperty('busy_intervals');
  });

  it('is 404 for a member of another location', async () => {
    const res = await get(`staff_ids[]=${elsewhere.id}&start_date=2026-12-01`);
    expect(res.status).toBe(404);
  });

  it('names the field of a bad range or date', async () => {
    const backwards = await get('start_date=2026-12-10&end_date=2026-12-01');
    expect(backwards.status).toBe(422);
    expect(backwards.body.meta.errors).toHaveProperty(['end_date']);
    const tooLong = await get('start_date=2026-01-01&end_date=2027-12-31');
    expect(tooLong.body.meta.errors).toHaveProperty(['end_date']);
    const malformed = await get('start_date=01.12.2026');
    expect(malformed.status).toBe(400);
    expect(malformed.body.meta.errors).toHaveProperty(['start_date']);
  });

  it('is 401 without a user, 403 for another chain, 404 for an unknown location', async () => {
    expect((await get('', authHeader(t.partnerToken))).status).toBe(401);
    expect((await get('', authHeader(t.partnerToken, tenant.outsider.token))).status).toBe(403);
    expect((await get('', admin(), '/api/v1/company/999999/staff/schedule')).status).toBe(404);
  });
});
