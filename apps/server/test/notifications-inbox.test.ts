import { makeLocation, makeStaff, makeService } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi } from './support/cabinet';
import { api } from './support/catalog';
import {
  bookInCalendar,
  inbox,
  makeAppClient,
  closeNotifyWorld,
  openNotifyWorld,
  type TestEngine,
} from './support/notifications';
import type { Salon } from './support/records';
import { makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let e: TestEngine;
let s: Salon;

beforeAll(async () => ({ t, e, s } = await openNotifyWorld()));
afterAll(() => closeNotifyWorld(t, e));

/** A second business the same client visits (another chain). */
async function secondBusiness() {
  const tenant = await makeTenant(t.db, 'Europe/Paris');
  const staff = await makeStaff(t.db, tenant.location.id, { name: 'Paul' });
  const service = await makeService(t.db, tenant.location.id, {
    staffIds: [staff.id],
    title: 'Massage',
  });
  return { ...tenant, staff, service };
}

describe('inbox', () => {
  it('lists newest first, counts unread in total and per location, and marks read', async () => {
    const c = await makeAppClient(t, e, s);
    const paris = await secondBusiness();
    await t.db.query(
      `INSERT INTO clients(location_id, phone, name, has_app) VALUES ($1, $2, 'Clara', true)`,
      [paris.location.id, c.phone],
    );
    await bookInCalendar(t, s, c, '2026-12-01 10:00:00');
    await bookInCalendar(t, s, c, '2026-12-02 10:00:00');
    const res = await api(t).post(`/records/${paris.location.id}`, paris.admin, {
      staff_id: paris.staff.id,
      services: [{ id: paris.service.id }],
      client: { phone: c.phone, name: 'Clara' },
      datetime: '2026-12-03 10:00:00',
    });
    expect(res.status).toBe(201);
    await e.settle();

    const http = appApi(t);
    const list = await inbox(t, c);
    expect(list.map((n) => n.type)).toEqual([1, 1, 1]);
    const count = await http('GET', '/notifications/unread-count', c);
    expect(count.body.data).toEqual({
      total: 3,
      by_location: [
        { location_id: s.loc, count: 2 },
        { location_id: paris.location.id, count: 1 },
      ].sort((a, b) => a.location_id - b.location_id),
    });
    const parisOnly = await inbox(t, c, `?location_id=${paris.location.id}`);
    expect(parisOnly).toHaveLength(1);

    const read = await http('POST', `/notifications/${parisOnly[0]!.id}/read`, c);
    expect(read.status).toBe(200);
    expect(read.body.data.read_at).not.toBeNull();
    const again = await http('POST', `/notifications/${parisOnly[0]!.id}/read`, c);
    expect(again.body.data.read_at).toBe(read.body.data.read_at);
    const after = await http('GET', '/notifications/unread-count', c);
    expect(after.body.data).toEqual({ total: 2, by_location: [{ location_id: s.loc, count: 2 }] });

    const paged = await http('GET', '/notifications?page=2&count=2', c);
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.meta).toEqual({ page: 2, total_count: 3 });
  });

  it('needs a client token; another client sees nothing of it', async () => {
    const c = await makeAppClient(t, e, s);
    const stranger = await makeAppClient(t, e, s);
    await bookInCalendar(t, s, c, '2026-12-04 10:00:00');
    await e.settle();
    expect((await appApi(t)('GET', '/notifications', null)).status).toBe(401);
    expect(await inbox(t, stranger)).toEqual([]);
    const bad = await appApi(t)('GET', '/notifications?count=5000', c);
    expect(bad.status).toBe(400);
  });
});

describe('mark all read', () => {
  it("marks only this client's unread notifications (one location, then all); the bell goes to 0", async () => {
    const c = await makeAppClient(t, e, s);
    const other = await makeAppClient(t, e, s);
    const paris = await secondBusiness();
    await t.db.query(
      `INSERT INTO clients(location_id, phone, name, has_app) VALUES ($1, $2, 'Clara', true)`,
      [paris.location.id, c.phone],
    );
    await bookInCalendar(t, s, c, '2026-12-05 10:00:00');
    await bookInCalendar(t, s, c, '2026-12-05 12:00:00');
    await bookInCalendar(t, s, other, '2026-12-05 14:00:00');
    const booked = await api(t).post(`/records/${paris.location.id}`, paris.admin, {
      staff_id: paris.staff.id,
      services: [{ id: paris.service.id }],
      client: { phone: c.phone, name: 'Clara' },
      datetime: '2026-12-05 10:00:00',
    });
    expect(booked.status).toBe(201);
    await e.settle();
    const http = appApi(t);
    // One read already: its read time stays.
    const [first] = await inbox(t, c, `?location_id=${s.loc}`);
    const readBefore = (await http('POST', `/notifications/${first!.id}/read`, c)).body.data
      .read_at as string;
    t.clock.set('2026-11-28T12:00:00Z');
    try {
      const one = await http('POST', '/notifications/read-all', c, {
        location_id: paris.location.id,
      });
      expect(one.status, JSON.stringify(one.body)).toBe(200);
      expect(one.body.data).toEqual({ marked: 1, unread: 1 });
      const count = await http('GET', '/notifications/unread-count', c);
      expect(count.body.data).toEqual({
        total: 1,
        by_location: [{ location_id: s.loc, count: 1 }],
      });

      const all = await http('POST', '/notifications/read-all', c, {});
      expect(all.body.data).toEqual({ marked: 1, unread: 0 });
      expect((await http('GET', '/notifications/unread-count', c)).body.data).toEqual({
        total: 0,
        by_location: [],
      });
      const list = await inbox(t, c);
      expect(list.map((n) => n.read_at)).not.toContain(null);
      expect(list.find((n) => n.id === first!.id)?.read_at).toBe(readBefore);
      expect(list.filter((n) => n.read_at === '2026-11-28T12:00:00.000Z')).toHaveLength(2);
      // Again: nothing left to mark.
      expect((await http('POST', '/notifications/read-all', c, {})).body.data).toEqual({
        marked: 0,
        unread: 0,
      });
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    // The other client's notification is still unread.
    expect((await http('GET', '/notifications/unread-count', other)).body.data.total).toBe(1);
    expect((await inbox(t, other)).map((n) => n.read_at)).toEqual([null]);
  });

  it('needs a client token; a bad location id is refused, naming it, marking nothing', async () => {
    const c = await makeAppClient(t, e, s);
    await bookInCalendar(t, s, c, '2026-12-06 10:00:00');
    await e.settle();
    const http = appApi(t);
    expect((await http('POST', '/notifications/read-all', null, {})).status).toBe(401);
    const bad = await http('POST', '/notifications/read-all', c, { location_id: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors).toHaveProperty('location_id');
    expect((await http('GET', '/notifications/unread-count', c)).body.data.total).toBe(1);
  });
});

describe('push only when the client wants it', () => {
  it('notifications off in the profile: in the inbox, not pushed', async () => {
    const c = await makeAppClient(t, e, s);
    const off = await appApi(t)('PATCH', '/profile', c, { notifications_enabled: false });
    expect(off.status).toBe(200);
    await bookInCalendar(t, s, c, '2026-12-01 15:00:00');
    await e.settle();
    expect(await inbox(t, c)).toHaveLength(1);
    expect(e.push.countFor(c.device!.id)).toBe(0);
  });

  it('a muted place: in the inbox, not pushed; unmuted, pushed again', async () => {
    const c = await makeAppClient(t, e, s);
    await bookInCalendar(t, s, c, '2026-12-02 12:00:00');
    await e.settle();
    const http = appApi(t);
    const muted = await http('PUT', `/places/${s.loc}/mute`, c, { muted: true });
    expect(muted.status, JSON.stringify(muted.body)).toBe(200);
    expect(muted.body.data).toEqual({ location_id: s.loc, muted: true });
    // The stored state is what the places list and the place page show (the inbox gear).
    const place = async () => {
      const list = (await http('GET', '/places', c)).body.data as { id: number; muted: boolean }[];
      const one = (await http('GET', `/places/${s.loc}`, c)).body.data as { muted: boolean };
      return [list.find((p) => p.id === s.loc)?.muted, one.muted];
    };
    expect(await place()).toEqual([true, true]);
    await bookInCalendar(t, s, c, '2026-12-02 14:00:00');
    await e.settle();
    expect(await inbox(t, c)).toHaveLength(2);
    expect(e.push.countFor(c.device!.id)).toBe(1);
    await http('PUT', `/places/${s.loc}/mute`, c, { muted: false });
    expect(await place()).toEqual([false, false]);
    await bookInCalendar(t, s, c, '2026-12-02 16:00:00');
    await e.settle();
    expect(e.push.countFor(c.device!.id)).toBe(2);
  });

  it('a place the client never visited cannot be muted (404)', async () => {
    const c = await makeAppClient(t, e, s);
    const elsewhere = await makeLocation(t.db);
    expect(
      (await appApi(t)('PUT', `/places/${elsewhere.id}/mute`, c, { muted: true })).status,
    ).toBe(404);
  });
});
