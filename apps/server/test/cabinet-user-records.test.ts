import { makeAppUser, makeAppointment, makeBookingSettings, makeUser } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCabinetWorld, nextPhone, type CabinetWorld } from './support/cabinet';
import { outboxOf } from './support/records';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
});
afterAll(() => t.close());

const send = (
  method: 'GET' | 'DELETE',
  id: number,
  hash: string,
  userToken?: string | null,
  partner = true,
) =>
  call(t.app, {
    method,
    url: `/api/v1/user/records/${id}/${hash}`,
    headers: partner ? authHeader(t.partnerToken, userToken ?? undefined) : {},
  });

let day = 10;
/** An upcoming online appointment, each on its own day. */
const upcoming = (phone = w.ana.phone) =>
  makeAppointment(t.db, {
    locationId: w.berlin.id,
    staffId: w.anna.id,
    serviceIds: [w.cut.id],
    phone,
    start: `2026-12-${++day}T09:00:00Z`,
    source: 'online',
  });

describe('GET /api/v1/user/records/{record_id}/{record_hash}', () => {
  it('shows the record in the contract shape to its logged-in owner, whatever the hash', async () => {
    const res = await send('GET', w.anaUpcoming.id, 'any', w.ana.token);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      id: w.anaUpcoming.id,
      services: [{ id: w.cut.id, title: 'Cut', cost: 40, price_min: 40, seance_length: 3600 }],
      company: {
        id: w.berlin.id,
        title: 'Berlin salon',
        timezone: 1,
        allow_delete_record: true,
        allow_change_record: true,
        allow_delete_record_delay_step: 7200,
      },
      staff: { id: w.anna.id, name: 'Anna Stylist', position: [] },
      date: '2026-12-03 10:00:00',
      datetime: '2026-12-03T10:00:00+0100',
      deleted: false,
      length: 3600,
      online: false,
    });
  });

  it('shows it to anyone holding the record hash (partner token only)', async () => {
    const res = await send('GET', w.bobBerlin.id, w.bobBerlin.hash);
    expect(res.status).toBe(200);
    expect(res.body.data[0].id).toBe(w.bobBerlin.id);
  });

  it('is 404 for another client’s record without its hash, and for a wrong hash', async () => {
    expect((await send('GET', w.bobBerlin.id, 'guess', w.ana.token)).status).toBe(404);
    expect((await send('GET', w.bobBerlin.id, 'guess')).status).toBe(404);
    expect((await send('GET', 99999999, 'guess', w.ana.token)).status).toBe(404);
  });

  it('is 403 consent_required for an owner who has not accepted the terms (the hash still works)', async () => {
    const phone = nextPhone();
    const newcomer = await makeAppUser(t.db, { phone, consented: false });
    const visit = await upcoming(phone);
    const res = await send('GET', visit.id, 'x', newcomer.token);
    expect(res.status).toBe(403);
    expect(res.body.meta.error_code).toBe('consent_required');
    expect((await send('GET', visit.id, visit.hash, newcomer.token)).status).toBe(200);
  });

  it('is 401 without the partner token or with an unknown user token and no hash', async () => {
    expect((await send('GET', w.anaUpcoming.id, 'x', w.ana.token, false)).status).toBe(401);
    expect((await send('GET', w.anaUpcoming.id, 'x', 'not-a-token')).status).toBe(401);
    const backOffice = await makeUser(t.db);
    expect((await send('GET', w.anaUpcoming.id, w.anaUpcoming.hash, backOffice.token)).status).toBe(
      200,
    );
  });
});

describe('DELETE /api/v1/user/records/{record_id}/{record_hash}', () => {
  it('cancels the owner’s appointment by id and emits appointment.deleted', async () => {
    const a = await upcoming();
    const res = await send('DELETE', a.id, '0', w.ana.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: null, meta: [] });
    expect((await send('GET', a.id, '0', w.ana.token)).body.data[0].deleted).toBe(true);
    expect((await outboxOf(t, w.berlin.id)).at(-1)).toMatchObject({
      type: 'appointment.deleted',
      aggregate_id: a.id,
    });
  });

  it('cancels with the hash alone', async () => {
    const a = await upcoming(w.bob.phone);
    expect((await send('DELETE', a.id, a.hash)).status).toBe(200);
  });

  it('is 422 not_allowed when the location does not let clients cancel; nothing changes', async () => {
    const a = await makeAppointment(t.db, {
      locationId: w.newYork.id,
      staffId: w.nyStaff.id,
      serviceIds: [w.nails.id],
      phone: w.ana.phone,
      start: '2026-12-15T15:00:00Z',
    });
    await makeBookingSettings(t.db, w.newYork.id, { allow_client_cancel: false });
    const res = await send('DELETE', a.id, a.hash, w.ana.token);
    expect(res.status).toBe(422);
    expect(res.body.meta.details).toEqual({ reason: 'location_forbids' });
    expect((await send('GET', a.id, a.hash)).body.data[0].deleted).toBe(false);
  });

  it('is 404 for another client’s record (which stays) and 401 without a partner token', async () => {
    expect((await send('DELETE', w.bobBerlin.id, 'guess', w.ana.token)).status).toBe(404);
    expect((await send('GET', w.bobBerlin.id, w.bobBerlin.hash)).body.data[0].deleted).toBe(false);
    expect((await send('DELETE', w.anaUpcoming.id, 'x', w.ana.token, false)).status).toBe(401);
  });
});
