import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi } from './support/cabinet';
import { api } from './support/catalog';
import {
  bookInCalendar,
  bookOnline,
  configure,
  inbox,
  makeAppClient,
  closeNotifyWorld,
  openNotifyWorld,
  typesOf,
  type TestEngine,
} from './support/notifications';
import type { Salon } from './support/records';
import type { TestApp } from './support/test-app';

let t: TestApp;
let e: TestEngine;
let s: Salon;

beforeAll(async () => ({ t, e, s } = await openNotifyWorld()));
afterAll(() => closeNotifyWorld(t, e));

describe('type 1: appointment created in the back-office calendar', () => {
  it('fires once with the date and time in the client’s format, and pushes to the device', async () => {
    const c = await makeAppClient(t, e, s);
    await t.db.query(
      `UPDATE app_users SET date_format = 'MM/DD/YYYY', time_24h = false WHERE id = $1`,
      [c.id],
    );
    const id = await bookInCalendar(t, s, c, '2026-12-01 15:30:00');
    await e.settle();
    await e.settle();
    const [n, ...rest] = await inbox(t, c);
    expect(rest).toHaveLength(0);
    expect(n).toMatchObject({
      type: 1,
      appointment_id: id,
      sender: 'Visita',
      url: `/app/appointments/${id}`,
    });
    expect(n!.body).toContain('12/01/2026');
    expect(n!.body).toContain('3:30 PM');
    expect(n!.body).toContain('Cut with Anna');
    expect(n!.actions).toEqual([{ kind: 'details', appointment_id: id }]);
    expect(e.push.countFor(c.device!.id)).toBe(1);
    const pushed = e.push.received.find((r) => r.deviceId === c.device!.id)!;
    expect(pushed.payload).toMatchObject({
      id: n!.id,
      tag: `visita-${n!.id}`,
      body: n!.body,
      title: 'Visita',
    });
    expect(pushed.topic).toBe(`n${n!.id}`);
  });

  it('does not fire when the type is off, and never for an online booking', async () => {
    const c = await makeAppClient(t, e, s);
    await configure(t, s, [{ type: 1, enabled: false }]);
    await bookInCalendar(t, s, c, '2026-12-03 10:00:00');
    await e.settle();
    expect(await typesOf(t, c)).not.toContain(1);
    await configure(t, s, [{ type: 1, enabled: true }]);
    await bookOnline(t, s, c, '2026-12-04 12:00:00');
    await e.settle();
    expect(await typesOf(t, c)).not.toContain(1);
  });
});

describe('type 2: appointment created by online booking', () => {
  it('fires for book_record, with the brand name as sender', async () => {
    const c = await makeAppClient(t, e, s);
    await configure(t, s, [], 'Salon Clara');
    const id = await bookOnline(t, s, c, '2026-12-02 09:00:00');
    await e.settle();
    const list = await inbox(t, c);
    expect(list.map((n) => n.type)).toEqual([2]);
    expect(list[0]).toMatchObject({ sender: 'Salon Clara', appointment_id: id });
    await configure(t, s, [], '');
  });

  it('does not fire for a calendar appointment or when off', async () => {
    const c = await makeAppClient(t, e, s);
    await bookInCalendar(t, s, c, '2026-12-02 16:00:00');
    await configure(t, s, [{ type: 2, enabled: false }]);
    await bookOnline(t, s, c, '2026-12-03 14:00:00');
    await e.settle();
    expect(await typesOf(t, c)).toEqual([1]);
    await configure(t, s, [{ type: 2, enabled: true }]);
  });

  it('nothing is written for a client without the app', async () => {
    const before = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE location_id = $1',
      [s.loc],
    );
    await bookOnline(t, s, { phone: '+4915199887766' }, '2026-12-04 09:00:00');
    await e.settle();
    const after = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE location_id = $1',
      [s.loc],
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('type 3: online appointment confirmed by the business', () => {
  it('fires when staff confirm an online appointment, not for a calendar one', async () => {
    const c = await makeAppClient(t, e, s);
    const online = await bookOnline(t, s, c, '2026-12-03 09:00:00');
    const calendar = await bookInCalendar(t, s, c, '2026-12-03 15:00:00');
    for (const id of [online, calendar]) {
      const res = await api(t).post(`/company/${s.loc}/records/${id}/attendance`, s.admin, {
        attendance: 2,
      });
      expect(res.status).toBe(200);
    }
    await e.settle();
    const list = await inbox(t, c);
    const confirmed = list.filter((n) => n.type === 3);
    expect(confirmed.map((n) => n.appointment_id)).toEqual([online]);
  });
});

describe('type 4: confirmation requested from the client', () => {
  it('is off by default; on, it asks with a Confirm button that confirms once', async () => {
    const quiet = await makeAppClient(t, e, s);
    await bookInCalendar(t, s, quiet, '2026-12-04 10:00:00');
    await e.settle();
    expect(await typesOf(t, quiet)).toEqual([1]);

    await configure(t, s, [{ type: 4, enabled: true }]);
    const c = await makeAppClient(t, e, s);
    const id = await bookInCalendar(t, s, c, '2026-12-04 15:00:00');
    await e.settle();
    const request = (await inbox(t, c)).find((n) => n.type === 4)!;
    expect(request.actions).toEqual([
      { kind: 'details', appointment_id: id },
      { kind: 'confirm', appointment_id: id, done: false },
    ]);
    const first = await appApi(t)('POST', `/notifications/${request.id}/confirm`, c);
    expect(first.status).toBe(200);
    expect(first.body.data.confirmed_now).toBe(true);
    expect(first.body.data.notification.actions[1]).toMatchObject({ kind: 'confirm', done: true });
    const again = await appApi(t)('POST', `/notifications/${request.id}/confirm`, c);
    expect(again.body.data.confirmed_now).toBe(false);
    const record = await api(t).get(`/record/${s.loc}/${id}`, s.admin);
    expect(record.body.data).toMatchObject({ attendance: 2, confirmed: 1 });
    const events = await t.db.query(
      'SELECT id FROM outbox_events WHERE type = $1 AND aggregate_id = $2',
      ['appointment.confirmed', id],
    );
    expect(events).toHaveLength(1);
    // The client's own confirmation is not reported back to them as type 3.
    await e.settle();
    expect(await typesOf(t, c)).not.toContain(3);
    await configure(t, s, [{ type: 4, enabled: false }]);
  });

  it('Confirm is refused for other notifications and for someone else’s', async () => {
    const c = await makeAppClient(t, e, s);
    const other = await makeAppClient(t, e, s);
    await bookInCalendar(t, s, c, '2026-12-01 17:00:00');
    await e.settle();
    const [n] = await inbox(t, c);
    const nothing = await appApi(t)('POST', `/notifications/${n!.id}/confirm`, c);
    expect(nothing.status).toBe(422);
    expect(nothing.body.meta).toMatchObject({
      error_code: 'not_allowed',
      details: { action: 'confirm', reason: 'nothing_to_confirm' },
    });
    expect((await appApi(t)('POST', `/notifications/${n!.id}/confirm`, other)).status).toBe(404);
    expect((await appApi(t)('POST', `/notifications/${n!.id}/read`, other)).status).toBe(404);
  });

  it('Confirm of an appointment the place deleted meanwhile says so (confirm, canceled); nothing confirmed', async () => {
    await configure(t, s, [{ type: 4, enabled: true }]);
    try {
      const c = await makeAppClient(t, e, s);
      const id = await bookInCalendar(t, s, c, '2026-12-05 11:00:00');
      await e.settle();
      const request = (await inbox(t, c)).find((n) => n.type === 4)!;
      expect((await api(t).del(`/record/${s.loc}/${id}`, s.admin)).status).toBe(204);
      const refused = await appApi(t)('POST', `/notifications/${request.id}/confirm`, c);
      expect(refused.status).toBe(422);
      expect(refused.body.meta.details).toEqual({ action: 'confirm', reason: 'canceled' });
      const after = (await inbox(t, c)).find((n) => n.id === request.id)!;
      expect(after.actions[1]).toMatchObject({ kind: 'confirm', done: false });
    } finally {
      await configure(t, s, [{ type: 4, enabled: false }]);
    }
  });
});

describe('type 7: online appointment deleted', () => {
  it('fires when the business deletes an online appointment; not for a calendar one or the client’s own cancel', async () => {
    const c = await makeAppClient(t, e, s);
    const online = await bookOnline(t, s, c, '2026-12-01 09:00:00');
    const calendar = await bookInCalendar(t, s, c, '2026-12-01 12:00:00');
    const own = await bookOnline(t, s, c, '2026-12-02 14:00:00');
    for (const id of [online, calendar])
      expect((await api(t).del(`/record/${s.loc}/${id}`, s.admin)).status).toBe(204);
    expect((await appApi(t)('POST', `/appointments/${own}/cancel`, c)).status).toBeLessThan(300);
    await e.settle();
    const deleted = (await inbox(t, c)).filter((n) => n.type === 7);
    expect(deleted.map((n) => n.appointment_id)).toEqual([online]);
  });
});

describe('idempotency', () => {
  it('an event handled twice (a retry) writes and pushes one notification', async () => {
    const c = await makeAppClient(t, e, s);
    const id = await bookInCalendar(t, s, c, '2026-12-02 13:00:00');
    await e.settle();
    await t.db.query(
      `UPDATE outbox_events SET processed_at = NULL WHERE aggregate_id = $1 AND type = 'appointment.created'`,
      [id],
    );
    await e.settle();
    expect(await typesOf(t, c)).toEqual([1]);
    expect(e.push.countFor(c.device!.id)).toBe(1);
  });
});
