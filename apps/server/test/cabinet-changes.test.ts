import {
  APP_CONFIRM_DENIED_REASONS,
  APP_DENIED_REASONS,
  APP_PURCHASE_DENIED_REASONS,
} from '@visita/contracts';
import {
  CHANGE_DENIED_REASONS,
  CONFIRM_DENIED_REASONS,
  PURCHASE_DENIED_REASONS,
} from '@visita/core';
import {
  makeAppointment,
  makeBookingSettings,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, type CabinetWorld } from './support/cabinet';
import { outboxOf } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let http: ReturnType<typeof appApi>;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  http = appApi(t);
  // Anna works 09:00–18:00 (Berlin) in the first week of December.
  await makeSchedule(
    t.db,
    w.anna.id,
    ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'],
    [{ from: '09:00', to: '18:00' }],
  );
});
afterAll(() => t.close());

/** A fresh appointment of Ana with Anna in Berlin. */
const anaAt = (start: string, phone = w.ana.phone) =>
  makeAppointment(t.db, {
    locationId: w.berlin.id,
    staffId: w.anna.id,
    serviceIds: [w.cut.id],
    phone,
    start,
    source: 'online',
  });

const statusOf = async (id: number, who = w.ana) =>
  (await http('GET', `/appointments/${id}`, who)).body.data;

describe('the reasons of a refusal', () => {
  it('are the same words in the core and in the published contract (the app translates them)', () => {
    expect([...APP_DENIED_REASONS].sort()).toEqual([...CHANGE_DENIED_REASONS].sort());
    expect([...APP_CONFIRM_DENIED_REASONS].sort()).toEqual([...CONFIRM_DENIED_REASONS].sort());
    expect([...APP_PURCHASE_DENIED_REASONS].sort()).toEqual([...PURCHASE_DENIED_REASONS].sort());
  });
});

describe('POST /api/app/v1/appointments/{id}/cancel', () => {
  it('cancels, emits appointment.deleted from the client and frees the time', async () => {
    const a = await anaAt('2026-12-08T09:00:00Z');
    const res = await http('POST', `/appointments/${a.id}/cancel`, w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: a.id,
      status: 'canceled',
      can_cancel: false,
      cannot_cancel_reason: { code: 'canceled' },
    });
    const canceled = await http('GET', '/appointments?status=canceled', w.ana);
    expect(canceled.body.data.map((x: { id: number }) => x.id)).toContain(a.id);
    expect((await outboxOf(t, w.berlin.id)).at(-1)).toMatchObject({
      type: 'appointment.deleted',
      aggregate_id: a.id,
      payload: { source: 'online', userId: null },
    });
    // The team member's time is free again: the same slot can be booked.
    await expect(anaAt('2026-12-08T09:00:00Z')).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it('is 422 not_allowed (too_late) inside the location’s cancel window; nothing changes', async () => {
    const soon = await anaAt('2026-11-28T11:00:00Z'); // an hour from now; the window is 2 h
    const res = await http('POST', `/appointments/${soon.id}/cancel`, w.ana);
    expect(res.status).toBe(422);
    expect(res.body.meta).toMatchObject({
      message: 'Appointments can be canceled online until 120 minutes before they start',
      details: { action: 'cancel', reason: 'too_late' },
    });
    expect((await statusOf(soon.id)).status).toBe('upcoming');
  });

  it('is 422 not_allowed (location_forbids) when the location does not let clients cancel', async () => {
    const munich = await makeLocation(t.db, { timezone: 'Europe/Berlin' });
    const staff = await makeStaff(t.db, munich.id);
    const service = await makeService(t.db, munich.id, { staffIds: [staff.id] });
    await makeBookingSettings(t.db, munich.id, { allow_client_cancel: false });
    const a = await makeAppointment(t.db, {
      locationId: munich.id,
      staffId: staff.id,
      serviceIds: [service.id],
      phone: w.ana.phone,
      start: '2026-12-20T09:00:00Z',
    });
    const before = await statusOf(a.id);
    expect(before).toMatchObject({
      can_cancel: false,
      cancel_until: null,
      cannot_cancel_reason: { code: 'location_forbids' },
    });
    const res = await http('POST', `/appointments/${a.id}/cancel`, w.ana);
    expect(res.status).toBe(422);
    expect(res.body.meta.details).toEqual({ action: 'cancel', reason: 'location_forbids' });
    expect((await statusOf(a.id)).status).toBe('upcoming');
  });

  it('is 422 for a past or an already canceled appointment', async () => {
    const past = await http('POST', `/appointments/${w.anaPast.id}/cancel`, w.ana);
    expect(past.status).toBe(422);
    expect(past.body.meta.details).toEqual({ action: 'cancel', reason: 'started' });
    const again = await http('POST', `/appointments/${w.anaCanceled.id}/cancel`, w.ana);
    expect(again.status).toBe(422);
    expect(again.body.meta.details).toEqual({ action: 'cancel', reason: 'canceled' });
  });

  it('is 404 for another client’s appointment, which stays booked; 401 without a token', async () => {
    const res = await http('POST', `/appointments/${w.bobBerlin.id}/cancel`, w.ana);
    expect(res.status).toBe(404);
    expect((await statusOf(w.bobBerlin.id, w.bob)).status).toBe('upcoming');
    expect((await http('POST', `/appointments/${w.anaUpcoming.id}/cancel`, null)).status).toBe(401);
    expect((await statusOf(w.anaUpcoming.id)).status).toBe('upcoming');
  });
});

describe('POST /api/app/v1/appointments/{id}/reschedule', () => {
  it('moves the appointment to a free time and emits appointment.moved by the client', async () => {
    const a = await anaAt('2026-12-09T09:00:00Z'); // 10:00 in Berlin
    const res = await http('POST', `/appointments/${a.id}/reschedule`, w.ana, {
      datetime: '2026-12-09 15:00:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      id: a.id,
      status: 'upcoming',
      date: '2026-12-09',
      time: '15:00',
      datetime: '2026-12-09T15:00:00+01:00',
    });
    expect((await outboxOf(t, w.berlin.id)).at(-1)).toMatchObject({
      type: 'appointment.moved',
      aggregate_id: a.id,
      payload: { moved_by: 'client', from: '2026-12-09T09:00:00.000Z' },
    });
    // The old time is free again.
    await expect(anaAt('2026-12-09T09:00:00Z')).resolves.toBeTruthy();
  });

  it('is 422 slot_taken for a busy or non-working time; the appointment stays', async () => {
    const a = await anaAt('2026-12-10T09:00:00Z');
    await anaAt('2026-12-10T12:00:00Z', w.bob.phone); // 13:00 Berlin is Bob's
    for (const datetime of ['2026-12-10 13:00:00', '2026-12-10 20:00:00']) {
      const res = await http('POST', `/appointments/${a.id}/reschedule`, w.ana, { datetime });
      expect(res.status).toBe(422);
      expect(res.body.meta.errors[0]).toMatchObject({ code: 433 });
    }
    expect((await statusOf(a.id)).time).toBe('10:00');
  });

  it('is 422 naming datetime for a missing, unreadable or extra field; nothing changes', async () => {
    const a = await anaAt('2026-12-10T14:00:00Z');
    const missing = await http('POST', `/appointments/${a.id}/reschedule`, w.ana, {});
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.meta.errors)).toEqual(['datetime']);
    const unreadable = await http('POST', `/appointments/${a.id}/reschedule`, w.ana, {
      datetime: 'next friday',
    });
    expect(unreadable.status).toBe(422);
    expect(Object.keys(unreadable.body.meta.errors)).toEqual(['datetime']);
    const extra = await http('POST', `/appointments/${a.id}/reschedule`, w.ana, {
      datetime: '2026-12-10 16:00:00',
      staff_id: 1,
    });
    expect(extra.status).toBe(422);
    expect(Object.keys(extra.body.meta.errors)).toEqual(['staff_id']);
    expect((await statusOf(a.id)).time).toBe('15:00');
  });

  it('is 422 not_allowed when the location does not let clients reschedule', async () => {
    const a = await anaAt('2026-12-07T09:00:00Z');
    await makeBookingSettings(t.db, w.berlin.id, { allow_client_reschedule: false });
    try {
      const res = await http('POST', `/appointments/${a.id}/reschedule`, w.ana, {
        datetime: '2026-12-07 15:00:00',
      });
      expect(res.status).toBe(422);
      expect(res.body.meta).toMatchObject({
        errors: { datetime: ['This location does not let clients reschedule appointments online'] },
        details: { action: 'reschedule', reason: 'location_forbids' },
      });
      expect((await statusOf(a.id)).time).toBe('10:00');
    } finally {
      await makeBookingSettings(t.db, w.berlin.id, { allow_client_reschedule: true });
    }
  });

  it('is 422 for past appointments and 404 for another client’s', async () => {
    const past = await http('POST', `/appointments/${w.anaPast.id}/reschedule`, w.ana, {
      datetime: '2026-12-07 15:00:00',
    });
    expect(past.status).toBe(422);
    expect(past.body.meta.details).toEqual({ action: 'reschedule', reason: 'started' });
    const foreign = await http('POST', `/appointments/${w.bobBerlin.id}/reschedule`, w.ana, {
      datetime: '2026-12-07 16:00:00',
    });
    expect(foreign.status).toBe(404);
    expect((await statusOf(w.bobBerlin.id, w.bob)).date).toBe('2026-12-04');
  });
});

describe('GET /api/app/v1/appointments/{id}/book-again', () => {
  it('pre-fills location, services and team member', async () => {
    const res = await http('GET', `/appointments/${w.anaPast.id}/book-again`, w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      location_id: w.berlin.id,
      service_ids: [w.cut.id],
      staff_id: w.anna.id,
    });
  });

  it('leaves out a team member who left and services no longer offered', async () => {
    const ny = await makeStaff(t.db, w.newYork.id);
    const gone = await makeService(t.db, w.newYork.id, { staffIds: [ny.id] });
    const kept = await makeService(t.db, w.newYork.id, { staffIds: [ny.id] });
    const a = await makeAppointment(t.db, {
      locationId: w.newYork.id,
      staffId: ny.id,
      serviceIds: [gone.id, kept.id],
      phone: w.ana.phone,
      start: '2026-11-01T15:00:00Z',
    });
    await t.db.query('UPDATE staff SET fired = true WHERE id = $1', [ny.id]);
    await t.db.query('UPDATE services SET deleted_at = now() WHERE id = $1', [gone.id]);
    const res = await http('GET', `/appointments/${a.id}/book-again`, w.ana);
    expect(res.body.data).toEqual({
      location_id: w.newYork.id,
      service_ids: [kept.id],
      staff_id: null,
    });
  });

  it('is 404 for another client’s appointment and 401 without a token', async () => {
    expect((await http('GET', `/appointments/${w.bobPast.id}/book-again`, w.ana)).status).toBe(404);
    expect((await http('GET', `/appointments/${w.anaPast.id}/book-again`, null)).status).toBe(401);
  });
});
