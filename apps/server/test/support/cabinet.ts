import {
  makeAppUser,
  makeAppointment,
  makeLocation,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { call, type TestApp } from './test-app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the client app's API (`/api/app/v1`) with `Authorization: Bearer <client token>`. */
export function appApi(t: TestApp) {
  return (method: Method, url: string, who: { token: string } | null, payload?: unknown) =>
    call(t.app, {
      method,
      url: `/api/app/v1${url}`,
      headers: who ? { authorization: `Bearer ${who.token}` } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}

let phoneSeq = 0;
/** A distinct valid German mobile number per call. */
export const nextPhone = () => `+49151${String(10_000_000 + ++phoneSeq * 7919).slice(-8)}`;

/**
 * Two clients (Ana, Bob) and three locations of different chains. The clock of the test app is
 * 2026-11-28T10:00Z.
 * - Berlin salon: Ana has an upcoming (Dec 3, admin-made), a past (Nov 20) and a canceled one;
 *   Bob has an upcoming one there too.
 * - New York studio (another chain): Ana has a past online appointment.
 * - Paris spa: only Bob has been there.
 */
export async function makeCabinetWorld(t: TestApp) {
  const berlin = await makeLocation(t.db, { title: 'Berlin salon', timezone: 'Europe/Berlin' });
  const newYork = await makeLocation(t.db, {
    title: 'New York studio',
    timezone: 'America/New_York',
  });
  const paris = await makeLocation(t.db, { title: 'Paris spa', timezone: 'Europe/Paris' });
  const anna = await makeStaff(t.db, berlin.id, { name: 'Anna Stylist' });
  const cut = await makeService(t.db, berlin.id, {
    title: 'Cut',
    minutes: 60,
    price: 40,
    staffIds: [anna.id],
  });
  const nyStaff = await makeStaff(t.db, newYork.id, { name: 'Nora' });
  const nails = await makeService(t.db, newYork.id, {
    title: 'Nails',
    minutes: 30,
    price: 25,
    staffIds: [nyStaff.id],
  });
  const parisStaff = await makeStaff(t.db, paris.id, { name: 'Pierre' });
  const massage = await makeService(t.db, paris.id, { staffIds: [parisStaff.id] });

  const ana = await makeAppUser(t.db, { phone: nextPhone(), name: 'Ana Lopez' });
  const bob = await makeAppUser(t.db, { phone: nextPhone(), name: 'Bob' });
  const at = (locationId: number, staffId: number, serviceId: number, phone: string) => ({
    locationId,
    staffId,
    serviceIds: [serviceId],
    phone,
  });

  const anaUpcoming = await makeAppointment(t.db, {
    ...at(berlin.id, anna.id, cut.id, ana.phone),
    start: '2026-12-03T09:00:00Z',
    price: 40,
  });
  const anaPast = await makeAppointment(t.db, {
    ...at(berlin.id, anna.id, cut.id, ana.phone),
    start: '2026-11-20T09:00:00Z',
  });
  const anaCanceled = await makeAppointment(t.db, {
    ...at(berlin.id, anna.id, cut.id, ana.phone),
    start: '2026-12-05T09:00:00Z',
    deleted: true,
  });
  const anaNewYork = await makeAppointment(t.db, {
    ...at(newYork.id, nyStaff.id, nails.id, ana.phone),
    start: '2026-11-10T15:00:00Z',
    minutes: 30,
    source: 'online',
  });
  const bobBerlin = await makeAppointment(t.db, {
    ...at(berlin.id, anna.id, cut.id, bob.phone),
    start: '2026-12-04T09:00:00Z',
  });
  const bobPast = await makeAppointment(t.db, {
    ...at(berlin.id, anna.id, cut.id, bob.phone),
    start: '2026-11-21T09:00:00Z',
  });
  const bobParis = await makeAppointment(t.db, {
    ...at(paris.id, parisStaff.id, massage.id, bob.phone),
    start: '2026-11-15T09:00:00Z',
  });
  return {
    berlin,
    newYork,
    paris,
    anna,
    cut,
    nyStaff,
    nails,
    parisStaff,
    massage,
    ana,
    bob,
    anaUpcoming,
    anaPast,
    anaCanceled,
    anaNewYork,
    bobBerlin,
    bobPast,
    bobParis,
  };
}

export type CabinetWorld = Awaited<ReturnType<typeof makeCabinetWorld>>;
