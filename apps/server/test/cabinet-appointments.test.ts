import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, type CabinetWorld } from './support/cabinet';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let http: ReturnType<typeof appApi>;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  http = appApi(t);
});
afterAll(() => t.close());

const ids = (body: { data: { id: number }[] }) => body.data.map((a) => a.id);

describe('GET /api/app/v1/appointments', () => {
  it('lists upcoming appointments by default, soonest first', async () => {
    const res = await http('GET', '/appointments', w.ana);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([w.anaUpcoming.id]);
    expect(res.body.meta).toEqual({ page: 1, total_count: 1 });
  });

  it('lists past appointments across locations and chains, latest first', async () => {
    const res = await http('GET', '/appointments?status=past', w.ana);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([w.anaPast.id, w.anaNewYork.id]);
    const [berlin, newYork] = res.body.data;
    expect(berlin.location).toMatchObject({ id: w.berlin.id, title: 'Berlin salon' });
    expect(newYork).toMatchObject({
      status: 'past',
      online: true,
      location: { id: w.newYork.id, timezone: 'America/New_York' },
      // 15:00Z is 10:00 in New York in November.
      date: '2026-11-10',
      time: '10:00',
      datetime: '2026-11-10T10:00:00-05:00',
    });
  });

  it('lists canceled appointments', async () => {
    const res = await http('GET', '/appointments?status=canceled', w.ana);
    expect(ids(res.body)).toEqual([w.anaCanceled.id]);
    expect(res.body.data[0]).toMatchObject({
      status: 'canceled',
      can_cancel: false,
      cannot_cancel_reason: { code: 'canceled' },
    });
  });

  it('pages with page and count', async () => {
    const first = await http('GET', '/appointments?status=past&count=1&page=1', w.ana);
    const second = await http('GET', '/appointments?status=past&count=1&page=2', w.ana);
    expect(ids(first.body)).toEqual([w.anaPast.id]);
    expect(ids(second.body)).toEqual([w.anaNewYork.id]);
    expect(second.body.meta).toEqual({ page: 2, total_count: 2 });
  });

  it('never lists another client’s appointments', async () => {
    const res = await http('GET', '/appointments?status=upcoming', w.bob);
    expect(ids(res.body)).toEqual([w.bobBerlin.id]);
    for (const status of ['upcoming', 'past', 'canceled']) {
      const mine = await http('GET', `/appointments?status=${status}&count=100`, w.ana);
      expect(ids(mine.body)).not.toContain(w.bobBerlin.id);
      expect(ids(mine.body)).not.toContain(w.bobParis.id);
    }
  });

  it('is 400 naming the parameter for an unknown status or a bad page', async () => {
    const status = await http('GET', '/appointments?status=soon', w.ana);
    expect(status.status).toBe(400);
    expect(Object.keys(status.body.meta.errors)).toContain('status');
    const page = await http('GET', '/appointments?page=0', w.ana);
    expect(page.status).toBe(400);
    expect(Object.keys(page.body.meta.errors)).toContain('page');
  });

  it('is 401 without a token or with a wrong one', async () => {
    expect((await http('GET', '/appointments', null)).status).toBe(401);
    expect((await http('GET', '/appointments', { token: 'nope' })).status).toBe(401);
  });
});

describe('GET /api/app/v1/appointments/{id}', () => {
  it('shows the details: location, team member, services, prices, local and ISO time, rights', async () => {
    const res = await http('GET', `/appointments/${w.anaUpcoming.id}`, w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: w.anaUpcoming.id,
      status: 'upcoming',
      location: {
        id: w.berlin.id,
        title: 'Berlin salon',
        address: '',
        city: '',
        timezone: 'Europe/Berlin',
        phone: '',
      },
      staff: expect.objectContaining({ id: w.anna.id, name: 'Anna Stylist' }),
      services: [{ id: w.cut.id, title: 'Cut', cost: 40, first_cost: 40, discount: 0, amount: 1 }],
      total_cost: 40,
      currency: 'EUR',
      date: '2026-12-03',
      time: '10:00',
      datetime: '2026-12-03T10:00:00+01:00',
      end_datetime: '2026-12-03T11:00:00+01:00',
      length: 3600,
      online: false,
      confirmed: true,
      attendance: 0,
      comment: '',
      can_cancel: true,
      // The default settings: until 120 minutes before the start.
      cancel_until: '2026-12-03T08:00:00+01:00',
      cannot_cancel_reason: null,
      can_reschedule: true,
      reschedule_until: '2026-12-03T08:00:00+01:00',
      cannot_reschedule_reason: null,
      can_review_staff: false,
      can_review_location: false,
      reviewed: { staff: false, location: false },
    });
  });

  it('a past appointment can be reviewed but no longer changed', async () => {
    const res = await http('GET', `/appointments/${w.anaNewYork.id}`, w.ana);
    expect(res.body.data).toMatchObject({
      can_cancel: false,
      cannot_cancel_reason: { code: 'started' },
      can_reschedule: false,
      cannot_reschedule_reason: { code: 'started' },
      can_review_staff: true,
      can_review_location: true,
    });
  });

  it('is 404 for another client’s appointment and for an unknown id', async () => {
    expect((await http('GET', `/appointments/${w.bobBerlin.id}`, w.ana)).status).toBe(404);
    expect((await http('GET', `/appointments/${w.anaUpcoming.id}`, w.bob)).status).toBe(404);
    expect((await http('GET', '/appointments/99999999', w.ana)).status).toBe(404);
  });

  it('is 400 for a non-numeric id and 401 without a token', async () => {
    expect((await http('GET', '/appointments/abc', w.ana)).status).toBe(400);
    expect((await http('GET', `/appointments/${w.anaUpcoming.id}`, null)).status).toBe(401);
  });
});
