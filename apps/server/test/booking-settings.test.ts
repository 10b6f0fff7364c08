import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db);
});
afterAll(() => t.close());

const admin = () => authHeader(t.partnerToken, tenant.admin.token);
const url = (what: 'online' | 'timetable', id = tenant.location.id) =>
  `/api/v1/company/${id}/settings/${what}`;

function read(what: 'online' | 'timetable', headers = admin(), id?: number) {
  return call(t.app, { method: 'GET', url: url(what, id), headers });
}

function patch(what: 'online' | 'timetable', payload: object, headers = admin(), id?: number) {
  return call(t.app, { method: 'PATCH', url: url(what, id), headers, payload });
}

describe('GET|PATCH /company/{id}/settings/online', () => {
  it('reads the defaults of a location that never saved any; the staff role may read', async () => {
    const res = await read('online', authHeader(t.partnerToken, tenant.staff.token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        confirm_number: false,
        any_master: true,
        activity_online_record_clients_count_max: 1,
        seance_delay_step: 60,
        timetable_step: 900,
        booking_horizon_days: 90,
        allow_delete_record: true,
        allow_delete_record_delay_step: 7200,
        allow_change_record: true,
        allow_change_record_delay_step: 7200,
        online_record_needs_confirmation: false,
      },
      meta: [],
    });
  });

  it('changes only the fields sent and ignores contract fields it does not model', async () => {
    const res = await patch('online', {
      seance_delay_step: 90,
      allow_delete_record: false,
      allow_delete_record_delay_step: 3600,
      booking_horizon_days: 30,
      online_record_needs_confirmation: true,
      any_master: true,
    });
    expect(res.status).toBe(200);
    const after = await read('online');
    expect(after.body.data).toEqual({
      confirm_number: false,
      any_master: true,
      activity_online_record_clients_count_max: 1,
      seance_delay_step: 90,
      timetable_step: 900,
      booking_horizon_days: 30,
      allow_delete_record: false,
      allow_delete_record_delay_step: 3600,
      allow_change_record: true,
      allow_change_record_delay_step: 7200,
      online_record_needs_confirmation: true,
    });
    expect(res.body.data).toEqual(after.body.data);
  });

  const refusals: [string, Record<string, unknown>][] = [
    ['timetable_step', { timetable_step: 120 }],
    ['timetable_step', { timetable_step: 930 }],
    ['booking_horizon_days', { booking_horizon_days: 0 }],
    ['booking_horizon_days', { booking_horizon_days: 731 }],
    ['seance_delay_step', { seance_delay_step: -1 }],
    ['allow_change_record_delay_step', { allow_change_record_delay_step: 90 }],
  ];
  it.each(refusals)('refuses a bad %s with 422 naming it, writing nothing', async (field, bad) => {
    const before = await read('online');
    const res = await patch('online', { allow_change_record: false, ...bad });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty([field]);
    expect((await read('online')).body.data).toEqual(before.body.data);
  });

  it('is 401 without a user, 403 for the staff role and another chain', async () => {
    const before = await read('online');
    const body = { allow_change_record: false };
    expect((await patch('online', body, authHeader(t.partnerToken))).status).toBe(401);
    const staff = authHeader(t.partnerToken, tenant.staff.token);
    expect((await patch('online', body, staff)).status).toBe(403);
    const outsider = authHeader(t.partnerToken, tenant.outsider.token);
    expect((await patch('online', body, outsider)).status).toBe(403);
    expect((await read('online', outsider)).status).toBe(403);
    expect((await read('online', authHeader(t.partnerToken))).status).toBe(401);
    expect((await read('online')).body.data).toEqual(before.body.data);
  });

  it('is 404 for an unknown location', async () => {
    expect((await read('online', admin(), 999999)).status).toBe(404);
    expect((await patch('online', { allow_change_record: false }, admin(), 999999)).status).toBe(
      404,
    );
  });
});

describe('GET|PATCH /company/{id}/settings/timetable', () => {
  it('reads and changes the slot step in seconds, shared with the online settings', async () => {
    const res = await patch('timetable', { timetable_step: 1800 });
    expect(res.status).toBe(200);
    const step1800 = {
      record_type: 0,
      activity_record_clients_count_max: 1,
      is_show_newsletter_agreement: false,
      is_show_personal_data_processing_agreement: false,
      timetable_step: 1800,
    };
    expect(res.body.data).toEqual(step1800);
    expect((await read('timetable')).body.data).toEqual(step1800);
    expect((await read('online')).body.data.timetable_step).toBe(1800);
  });

  it('refuses a step over four hours naming the field, writing nothing', async () => {
    const before = await read('timetable');
    const res = await patch('timetable', { timetable_step: 15000 });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['timetable_step']);
    expect((await read('timetable')).body.data).toEqual(before.body.data);
  });

  it('is 401, 403 and 404 like the online settings', async () => {
    const body = { timetable_step: 600 };
    expect((await patch('timetable', body, authHeader(t.partnerToken))).status).toBe(401);
    const staff = authHeader(t.partnerToken, tenant.staff.token);
    expect((await patch('timetable', body, staff)).status).toBe(403);
    expect((await read('timetable', staff)).status).toBe(200);
    const outsider = authHeader(t.partnerToken, tenant.outsider.token);
    expect((await patch('timetable', body, outsider)).status).toBe(403);
    expect((await patch('timetable', body, admin(), 999999)).status).toBe(404);
    expect((await read('timetable', admin(), 999999)).status).toBe(404);
  });
});
