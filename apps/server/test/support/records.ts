import { makeResource, makeService, makeStaff } from '@visita/db/testing';
import { api } from './catalog';
import { makeTenant, type TestApp } from './test-app';

/**
 * A salon in Europe/Berlin (UTC+1 in December): two team members, a 60-minute cut both do,
 * a 30-minute wash that needs the one basin, and a class service for group events.
 * Nobody has a schedule: back-office appointments ignore working hours.
 */
export async function makeSalon(t: TestApp) {
  const tenant = await makeTenant(t.db, 'Europe/Berlin');
  const loc = tenant.location.id;
  const anna = await makeStaff(t.db, loc, { name: 'Anna' });
  const ben = await makeStaff(t.db, loc, { name: 'Ben' });
  const cut = await makeService(t.db, loc, {
    title: 'Cut',
    minutes: 60,
    price: 40,
    staffIds: [anna.id, ben.id],
  });
  const wash = await makeService(t.db, loc, {
    title: 'Wash',
    minutes: 30,
    price: 10,
    staffIds: [anna.id, ben.id],
  });
  const basin = await makeResource(t.db, loc, 1, [wash.id]);
  const yoga = await makeService(t.db, loc, {
    title: 'Yoga class',
    minutes: 90,
    price: 15,
    staffIds: [anna.id, ben.id],
  });
  const otherStaff = await makeStaff(t.db, tenant.otherLocation.id, { name: 'Elsewhere' });
  const otherService = await makeService(t.db, tenant.otherLocation.id, {
    staffIds: [otherStaff.id],
  });
  return { ...tenant, loc, anna, ben, cut, wash, basin, yoga, otherStaff, otherService };
}

export type Salon = Awaited<ReturnType<typeof makeSalon>>;

/** Outbox events of one location, oldest first (tests never count other locations' rows). */
export async function outboxOf(t: TestApp, locationId: number) {
  return t.db.query<{ type: string; aggregate_id: number; payload: Record<string, unknown> }>(
    'SELECT type, aggregate_id, payload FROM outbox_events WHERE location_id = $1 ORDER BY id',
    [locationId],
  );
}

/** Creates an appointment as the location's administrator; returns the Record. */
export async function book(
  t: TestApp,
  s: Salon,
  body: Record<string, unknown>,
): Promise<{ status: number; record: any; body: any }> {
  const res = await api(t).post(`/records/${s.loc}`, s.admin, {
    staff_id: s.anna.id,
    services: [{ id: s.cut.id }],
    client: { phone: '+49 151 23456789', name: 'Clara' },
    datetime: '2026-12-01 10:00:00',
    ...body,
  });
  return { status: res.status, record: res.body?.data?.[0], body: res.body };
}
