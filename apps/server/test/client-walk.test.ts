import {
  makeAppointment,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smsLog } from './support/sms-log';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/**
 * The client's first session, end to end through the public APIs: code by SMS (read from the
 * `log` provider) → login → consent → appointments at two businesses of different chains →
 * cancel one → review one → favourite a place.
 */
const PHONE = '+4915112000999';
let t: TestApp;
const log = smsLog();
let berlin: { id: number };
let newYork: { id: number };
let pastAtBerlin: number;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T10:00:00Z', loggerInstance: log.logger });
  berlin = await makeLocation(t.db, { timezone: 'Europe/Berlin', title: 'Salon Berlin' });
  newYork = await makeLocation(t.db, { timezone: 'America/New_York', title: 'Studio New York' });
  const anna = await makeStaff(t.db, berlin.id, { name: 'Anna' });
  const haircut = await makeService(t.db, berlin.id, {
    title: 'Haircut',
    minutes: 60,
    staffIds: [anna.id],
  });
  await makeSchedule(t.db, anna.id, ['2026-12-02'], [{ from: '09:00', to: '18:00' }]);
  const emily = await makeStaff(t.db, newYork.id, { name: 'Emily' });
  const yoga = await makeService(t.db, newYork.id, {
    title: 'Yoga',
    minutes: 60,
    staffIds: [emily.id],
  });
  // A past visit in Berlin made by an administrator, and an upcoming one in New York.
  pastAtBerlin = (
    await makeAppointment(t.db, {
      locationId: berlin.id,
      staffId: anna.id,
      serviceIds: [haircut.id],
      phone: PHONE,
      start: '2026-11-20T09:00:00Z',
      source: 'back_office',
    })
  ).id;
  await makeAppointment(t.db, {
    locationId: newYork.id,
    staffId: emily.id,
    serviceIds: [yoga.id],
    phone: PHONE,
    start: '2026-12-05T15:00:00Z',
  });
  // And one the client books online in Berlin through the widget API.
  const booked = await call(t.app, {
    method: 'POST',
    url: `/api/v1/book_record/${berlin.id}`,
    headers: authHeader(t.partnerToken),
    payload: {
      phone: PHONE,
      fullname: 'Erika',
      appointments: [
        { id: 1, services: [haircut.id], staff_id: anna.id, datetime: '2026-12-02T10:00:00+01:00' },
      ],
    },
  });
  expect(booked.status).toBe(201);
});
afterAll(() => t.close());

it('walks from SMS code to review and favourite', async () => {
  const app = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
    call(t.app, {
      method,
      url: `/api/app/v1${url}`,
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      ...(payload ? { payload } : {}),
    });

  expect((await app('POST', '/auth/code', undefined, { phone: PHONE })).status).toBe(202);
  const code = log.lastCode(PHONE);
  const login = await app('POST', '/auth/token', undefined, { phone: PHONE, code });
  expect(login.status).toBe(201);
  const token: string = login.body.data.token;
  expect(login.body.data.user.phone).toBe(PHONE);

  const beforeConsent = await app('GET', '/appointments', token);
  expect(beforeConsent.status).toBe(403);
  expect(beforeConsent.body.meta.error_code).toBe('consent_required');
  const terms = (await app('GET', '/consents', token)).body.data;
  expect(terms.consent_required).toBe(true);
  const consent = await app('POST', '/consents', token, {
    user_agreement_version: terms.current.user_agreement,
    data_processing_version: terms.current.data_processing,
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);

  const upcoming = await app('GET', '/appointments?status=upcoming', token);
  expect(upcoming.status).toBe(200);
  const titles = upcoming.body.data
    .map((a: { location: { title: string } }) => a.location.title)
    .sort();
  expect(titles).toEqual(['Salon Berlin', 'Studio New York']);

  const inNewYork = upcoming.body.data.find(
    (a: { location: { id: number } }) => a.location.id === newYork.id,
  );
  const cancel = await app('POST', `/appointments/${inNewYork.id}/cancel`, token);
  expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
  const canceled = await app('GET', '/appointments?status=canceled', token);
  expect(canceled.body.data.map((a: { id: number }) => a.id)).toEqual([inNewYork.id]);

  const review = await app('POST', `/appointments/${pastAtBerlin}/reviews`, token, {
    target: 'staff',
    rating: 5,
    text: 'Great cut',
  });
  expect(review.status, JSON.stringify(review.body)).toBe(201);
  const staffRating = await t.db.query<{ rating: number; votes_count: number }>(
    'SELECT rating, votes_count FROM staff s JOIN records r ON r.staff_id = s.id WHERE r.id = $1',
    [pastAtBerlin],
  );
  expect(staffRating[0]).toMatchObject({ rating: 5, votes_count: 1 });

  expect((await app('PUT', `/places/${berlin.id}/favourite`, token)).status).toBeLessThan(300);
  const favourites = await app('GET', '/favourites', token);
  expect(favourites.body.data.map((p: { id: number }) => p.id)).toEqual([berlin.id]);
});
