import {
  makeAppUser,
  makeAppointment,
  makeResource,
  makeSchedule,
  makeService,
  makeStaff,
  makeUser,
} from '@visita/db/testing';
import { createECDH, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { signPayload } from '../../src/adapters/payments/signature';
import { certificateTypeBody, membershipTypeBody } from './loyalty';
import { call, makeTenant, type TestApp } from './test-app';

/**
 * The table of write routes for input-validation.test.ts: for each one, who may call it and a
 * body it would accept, so that a bad value in one field is the only reason for a refusal.
 */

export async function makeFixture(app: TestApp) {
  const tenant = await makeTenant(app.db);
  const loc = tenant.location.id;
  const staff = await makeStaff(app.db, loc, { name: 'Anna' });
  const staff2 = await makeStaff(app.db, loc, { name: 'Ben' });
  const service = await makeService(app.db, loc, { minutes: 60, staffIds: [staff.id] });
  const resource = await makeResource(app.db, loc, 1);
  const days = ['2026-12-01', '2026-12-02', '2026-12-09', '2026-12-10', '2026-12-11'];
  await makeSchedule(app.db, staff.id, days, [{ from: '08:00', to: '20:00' }]);
  const phone = '+4915112345678';
  const record = await makeAppointment(app.db, {
    locationId: loc,
    staffId: staff.id,
    serviceIds: [service.id],
    phone,
    start: '2026-12-03T09:00:00Z',
  });
  const appUser = await makeAppUser(app.db, { phone, name: 'Ana' });
  const owner = { authorization: `Bearer ${app.partnerToken}, User ${tenant.owner.token}` };
  const created = async (url: string, payload: object) => {
    const res = await call(app.app, { method: 'POST', url, headers: owner, payload });
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
    // Loyalty programs answer without the envelope, as Altegio's do.
    return ((res.body.data ?? res.body) as { id: number }).id;
  };
  const categoryId = await created(`/api/v1/service_categories/${loc}`, { title: 'Hair' });
  const clientId = await created(`/api/v1/clients/${loc}`, {
    name: 'Clara',
    phone: '+4915199990000',
  });
  const activityId = await created(`/api/v1/activity/${loc}`, {
    date: '2026-12-10 10:00:00',
    service_id: service.id,
    staff_id: staff.id,
    capacity: 5,
  });
  const chain = `/api/v1/chain/${tenant.location.chainId}/loyalty`;
  const certificateTypeId = await created(`${chain}/certificate_types`, certificateTypeBody());
  const membershipTypeId = await created(`${chain}/abonement_types`, membershipTypeBody());
  const cardTypeId = await created(`${chain}/card_types`, { title: 'Club' });
  const programId = await created(`${chain}/programs`, program(loc, cardTypeId));
  const membershipId = await created(`/api/v1/company/${loc}/loyalty/abonements`, {
    type_id: membershipTypeId,
    phone,
  });
  const cardId = await created(`/api/v1/loyalty/cards/${loc}`, {
    loyalty_card_number: 'CLUB-001',
    loyalty_card_type_id: cardTypeId,
    phone,
  });
  // No factory makes notifications: the engine writes them; a confirmation request as it would.
  const [notification] = await app.db.query<{ id: number }>(
    `INSERT INTO notifications(idempotency_key, app_user_id, location_id, type, sender, title, body, appointment_id)
     VALUES ('input-validation', $1, $2, 4, 'Salon', 'Please confirm', 'Your visit tomorrow', $3)
     RETURNING id`,
    [appUser.id, loc, record.id],
  );
  const backOffice = await makeUser(
    app.db,
    { role: 'owner', chainId: tenant.location.chainId },
    { passwordHash: `plain:${BACK_OFFICE_PASSWORD}` },
  );
  return {
    tenant,
    loc,
    staff,
    staff2,
    service,
    resource,
    record,
    appUser,
    phone,
    categoryId,
    clientId,
    activityId,
    certificateTypeId,
    membershipTypeId,
    cardTypeId,
    programId,
    membershipId,
    cardId,
    notificationId: Number(notification!.id),
    backOffice,
  };
}

/** The back-office user's password (the test app hashes passwords as `plain:<password>`). */
const BACK_OFFICE_PASSWORD = 'pw-input-validation';

const program = (loc: number, cardTypeId: number) => ({
  title: 'Club discount',
  type: 'discount_accumulative_paid',
  service_item_type: 'any_allowed',
  good_item_type: 'not_allowed',
  value_unit: 'percent',
  company_ids: [loc],
  loyalty_card_type_ids: [cardTypeId],
  rules: [{ parameter: 50, value: 5 }],
});

/** A browser's `PushSubscription.toJSON()`: a P-256 public key and a 16-byte auth secret. */
const pushSubscription = () => ({
  endpoint: 'https://push.visita.test/send/device-1',
  expirationTime: null,
  keys: {
    p256dh: createECDH('prime256v1').generateKeys('base64url'),
    auth: randomBytes(16).toString('base64url'),
  },
});

export type Fixture = Awaited<ReturnType<typeof makeFixture>>;
export type Who = 'owner' | 'partner+client' | 'client' | 'none';

export interface RouteEntry {
  who: Who;
  /** A body that would be accepted; each case spoils one field of it. */
  body?: (f: Fixture) => unknown;
  /** Path ids other than the default ones (company_id, staff_id, ...). */
  params?: (f: Fixture) => Record<string, string | number>;
  /** Headers a request needs besides the caller's (a webhook's signature of the sent text). */
  headers?: (payload: string, now: Date) => Record<string, string>;
}

/** The test acquirer's webhook secret the test app is started with. */
export const WEBHOOK_SECRET = 'input-validation-webhook-secret';

const appointment = (f: Fixture) => ({
  id: 1,
  services: [f.service.id],
  staff_id: f.staff.id,
  datetime: '2026-12-01 10:00:00',
});
const recordBody = (f: Fixture) => ({
  staff_id: f.staff.id,
  services: [{ id: f.service.id }],
  client: { phone: '+4915155550000', name: 'Clara' },
  datetime: '2026-12-01 12:00:00',
  comment: 'ok',
});
const location = { who: 'owner', body: () => ({ title: 'Renamed' }) } as const;
const noBody = { who: 'owner' } as const;
const staffWrite = { who: 'owner', body: () => ({ name: 'Ben B.' }) } as const;
const serviceWrite = { who: 'owner', body: () => ({ title: 'Cut' }) } as const;
const categoryWrite = {
  who: 'owner',
  body: () => ({ title: 'Hair' }),
  params: (f: Fixture) => ({ id: f.categoryId }),
} as const;
const resourceWrite = {
  who: 'owner',
  body: () => ({ title: 'Room' }),
  params: (f: Fixture) => ({ id: f.resource.id }),
} as const;
const resourceDelete = { who: 'owner', params: (f: Fixture) => ({ id: f.resource.id }) } as const;
const categoryDelete = { who: 'owner', params: (f: Fixture) => ({ id: f.categoryId }) } as const;
const schedule = (f: Fixture) => ({
  schedules_to_set: [
    { staff_id: f.staff.id, dates: ['2026-12-01'], slots: [{ from: '09:00', to: '17:00' }] },
  ],
});
const record = { who: 'owner', body: recordBody } as const;
const attendance = { who: 'owner', body: () => ({ attendance: 1 }) } as const;
const clientWrite = { who: 'owner', body: () => ({ name: 'Clara', phone: '+4915199990000' }) };
const clientCreate = { who: 'owner', body: () => ({ name: 'Cleo', phone: '+4915199990001' }) };
const search = { who: 'owner', body: () => ({ page: 1, page_size: 10 }) } as const;
const activity = (f: Fixture) => ({
  date: '2026-12-11 10:00:00',
  service_id: f.service.id,
  staff_id: f.staff.id,
  capacity: 5,
});
const duplicate = { who: 'owner', body: () => ({ dates: ['2026-12-12 10:00:00'] }) } as const;
const link = { who: 'owner', body: () => ({ seance_length: 3600 }) } as const;
const linkCreate = {
  who: 'owner',
  body: (f: Fixture) => ({ staff_id: f.staff2.id, seance_length: 3600 }),
} as const;
const appointmentId = (f: Fixture) => ({ id: f.record.id });
const notificationId = (f: Fixture) => ({ id: f.notificationId });
const certificateType = {
  who: 'owner',
  body: () => certificateTypeBody(),
  params: (f: Fixture) => ({ type_id: f.certificateTypeId }),
} as const;
const membershipType = {
  who: 'owner',
  body: () => membershipTypeBody(),
  params: (f: Fixture) => ({ type_id: f.membershipTypeId }),
} as const;
const certificateTypeOnly = { who: 'owner', params: certificateType.params } as const;
const membershipTypeOnly = { who: 'owner', params: membershipType.params } as const;
const membership = { who: 'owner', params: (f: Fixture) => ({ item_id: f.membershipId }) } as const;
const manualTransaction = {
  who: 'owner',
  body: () => ({ amount: 10, title: 'gift' }),
  params: (f: Fixture) => ({ card_id: f.cardId }),
} as const;
const bulkPushFilters = { operation: 'AND', filters: [] };

/**
 * One entry per write route. A route missing here fails the test below: its cases need an
 * accepted body and the right caller, so that only the spoiled field can be the reason of a 4xx.
 */
export const ROUTES: Record<string, RouteEntry> = {
  'POST /api/v1/auth': {
    who: 'partner+client',
    body: (f) => ({ login: f.tenant.owner.login, password: 'x' }),
  },
  'POST /api/v1/companies': { who: 'owner', body: () => ({ title: 'New', timezone: 'UTC' }) },
  'POST /api/v1/locations': { who: 'owner', body: () => ({ title: 'New', timezone: 'UTC' }) },
  'PUT /api/v1/company/{company_id}': location,
  'PUT /api/v1/locations/{company_id}': location,
  'DELETE /api/v1/company/{company_id}': noBody,
  'DELETE /api/v1/locations/{company_id}': noBody,
  'POST /api/v1/book_check/{company_id}': {
    who: 'owner',
    body: (f) => ({ appointments: [appointment(f)] }),
  },
  'POST /api/v1/book_record/{company_id}': {
    who: 'owner',
    body: (f) => ({
      phone: '+4915112340000',
      fullname: 'Erika',
      comment: 'hi',
      appointments: [appointment(f)],
    }),
  },
  'PUT /api/v1/book_record/{company_id}/{record_id}': {
    who: 'owner',
    body: (f) => ({ datetime: '2026-12-02 10:00:00', record_hash: f.record.hash }),
  },
  'PUT /api/v1/company/{company_id}/staff/schedule': { who: 'owner', body: schedule },
  'PUT /api/v1/locations/{company_id}/team_members/schedule': { who: 'owner', body: schedule },
  'PUT /api/v1/schedule/{company_id}/{staff_id}': {
    who: 'owner',
    body: () => [{ date: '2026-12-01', is_working: 1, slots: [{ from: '09:00', to: '17:00' }] }],
  },
  'PATCH /api/v1/company/{company_id}/settings/online': {
    who: 'owner',
    body: () => ({ seance_delay_step: 60, timetable_step: 900 }),
  },
  'PATCH /api/v1/company/{company_id}/settings/timetable': {
    who: 'owner',
    body: () => ({ timetable_step: 900 }),
  },
  'POST /api/v1/company/{company_id}/staff/quick': staffWrite,
  'POST /api/v1/locations/{company_id}/team_members/quick': staffWrite,
  'POST /api/v1/staff/{company_id}': staffWrite,
  'PUT /api/v1/staff/{company_id}/{staff_id}': staffWrite,
  'PUT /api/v1/locations/{company_id}/team_members/{staff_id}': staffWrite,
  'DELETE /api/v1/staff/{company_id}/{staff_id}': noBody,
  'DELETE /api/v1/locations/{company_id}/team_members/{staff_id}': noBody,
  'POST /api/v1/records/{company_id}': record,
  'POST /api/v1/locations/{company_id}/appointments': record,
  'PUT /api/v1/record/{company_id}/{record_id}': record,
  'PUT /api/v1/locations/{company_id}/appointments/{record_id}': record,
  'DELETE /api/v1/record/{company_id}/{record_id}': noBody,
  'DELETE /api/v1/locations/{company_id}/appointments/{record_id}': noBody,
  'POST /api/v1/company/{company_id}/records/{record_id}/attendance': attendance,
  'POST /api/v1/locations/{company_id}/appointments/{record_id}/attendance': attendance,
  'POST /api/v1/company/{company_id}/clients/search': search,
  'POST /api/v1/locations/{company_id}/clients/search': search,
  'POST /api/v1/clients/{company_id}': { who: 'owner', body: () => clientCreate.body() },
  'POST /api/v1/locations/{company_id}/clients': { who: 'owner', body: () => clientCreate.body() },
  'PUT /api/v1/client/{company_id}/{client_id}': { who: 'owner', body: () => clientWrite.body() },
  'PUT /api/v1/locations/{company_id}/clients/{client_id}': {
    who: 'owner',
    body: () => clientWrite.body(),
  },
  'DELETE /api/v1/client/{company_id}/{client_id}': noBody,
  'DELETE /api/v1/locations/{company_id}/clients/{client_id}': noBody,
  'POST /api/v1/labels/{company_id}/clients/create': {
    who: 'owner',
    body: () => ({ title: 'VIP' }),
  },
  'POST /api/v1/activity/{company_id}': { who: 'owner', body: activity },
  'PUT /api/v1/activity/{company_id}/{activity_id}': { who: 'owner', body: activity },
  'DELETE /api/v1/activity/{company_id}/{activity_id}': noBody,
  'POST /api/v1/activity/{company_id}/{activity_id}/duplicate': duplicate,
  'POST /api/v1/activity/{company_id}/{activity_id}/book': {
    who: 'owner',
    body: () => ({ fullname: 'Erika', phone: '+4915112340001', comment: 'hi' }),
  },
  'DELETE /api/v1/user/records/{record_id}/{record_hash}': {
    who: 'partner+client',
    params: (f) => ({ record_hash: f.record.hash }),
  },
  'POST /api/v1/book_code/{company_id}': {
    who: 'owner',
    body: () => ({ phone: '+4915112340002', fullname: 'Erika' }),
  },
  'POST /api/v1/user/auth': {
    who: 'owner',
    body: () => ({ phone: '+4915112340003', code: '123456' }),
  },
  'PUT /api/v1/booking/user': { who: 'partner+client', body: () => ({ name: 'Ana L.' }) },
  'POST /api/v1/company/{company_id}/positions/quick': {
    who: 'owner',
    body: () => ({ title: 'P' }),
  },
  'PATCH /api/v1/company/{company_id}/services/{service_id}': serviceWrite,
  'DELETE /api/v1/company/{company_id}/services/{service_id}': noBody,
  'POST /api/v1/locations/{company_id}/services': serviceWrite,
  'PATCH /api/v1/locations/{company_id}/services/{service_id}': serviceWrite,
  'PUT /api/v1/locations/{company_id}/services/{service_id}': serviceWrite,
  'DELETE /api/v1/locations/{company_id}/services/{service_id}': noBody,
  'POST /api/v1/services/{company_id}': serviceWrite,
  'PATCH /api/v1/services/{company_id}/{service_id}': serviceWrite,
  'PUT /api/v1/services/{company_id}/{service_id}': serviceWrite,
  'DELETE /api/v1/services/{company_id}/{service_id}': noBody,
  'POST /api/v1/company/{company_id}/services/{service_id}/staff': linkCreate,
  'PUT /api/v1/company/{company_id}/services/{service_id}/staff/{staff_id}': link,
  'DELETE /api/v1/company/{company_id}/services/{service_id}/staff/{staff_id}': noBody,
  'POST /api/v1/locations/{company_id}/services/{service_id}/team_members': linkCreate,
  'PUT /api/v1/locations/{company_id}/services/{service_id}/team_members/{staff_id}': link,
  'DELETE /api/v1/locations/{company_id}/services/{service_id}/team_members/{staff_id}': noBody,
  'POST /api/v1/locations/{company_id}/service_categories': categoryWrite,
  'PUT /api/v1/locations/{company_id}/service_categories/{id}': categoryWrite,
  'PATCH /api/v1/locations/{company_id}/service_categories/{id}': categoryWrite,
  'DELETE /api/v1/locations/{company_id}/service_categories/{id}': categoryDelete,
  'POST /api/v1/service_categories/{company_id}': categoryWrite,
  'PUT /api/v1/service_category/{company_id}/{id}': categoryWrite,
  'DELETE /api/v1/service_category/{company_id}/{id}': categoryDelete,
  'POST /api/v1/resources/{company_id}': resourceWrite,
  'POST /api/v1/locations/{company_id}/resources': resourceWrite,
  'PUT /api/v1/resource/{company_id}/{id}': resourceWrite,
  'PUT /api/v1/locations/{company_id}/resources/{id}': resourceWrite,
  'PATCH /api/v1/locations/{company_id}/resources/{id}': resourceWrite,
  'DELETE /api/v1/resource/{company_id}/{id}': resourceDelete,
  'DELETE /api/v1/locations/{company_id}/resources/{id}': resourceDelete,
  'POST /api/app/v1/auth/code': { who: 'none', body: () => ({ phone: '+4915112340004' }) },
  'POST /api/app/v1/auth/token': {
    who: 'none',
    body: () => ({ phone: '+4915112340005', code: '123456', device: 'phone' }),
  },
  'POST /api/app/v1/auth/logout': { who: 'client' },
  'POST /api/app/v1/auth/logout-all': { who: 'client' },
  'POST /api/app/v1/consents': {
    who: 'client',
    body: () => ({ user_agreement_version: 'v0', data_processing_version: 'v0' }),
  },
  'POST /api/app/v1/appointments/{id}/cancel': { who: 'client', params: appointmentId },
  'POST /api/app/v1/appointments/{id}/reschedule': {
    who: 'client',
    params: appointmentId,
    body: () => ({ datetime: '2026-12-09 10:00:00' }),
  },
  'POST /api/app/v1/appointments/{id}/reviews': {
    who: 'client',
    params: appointmentId,
    body: () => ({ target: 'staff', rating: 5, text: 'great' }),
  },
  'PUT /api/app/v1/places/{location_id}/favourite': { who: 'client' },
  'DELETE /api/app/v1/places/{location_id}/favourite': { who: 'client' },
  'PATCH /api/app/v1/profile': { who: 'client', body: () => ({ name: 'Ana L.' }) },
  'DELETE /api/app/v1/profile': { who: 'client' },
  'DELETE /api/app/v1/profile/photo': { who: 'client' },
  'PUT /api/app/v1/profile/photo': { who: 'client' },
  'POST /api/v1/chain/{group_id}/loyalty/certificate_types': certificateType,
  'PUT /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}': certificateType,
  'DELETE /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}': certificateTypeOnly,
  'POST /api/v1/chain/{group_id}/loyalty/abonement_types': membershipType,
  'PUT /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}': membershipType,
  'DELETE /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}': membershipTypeOnly,
  'POST /api/v1/chain/{group_id}/loyalty/card_types': {
    who: 'owner',
    body: (f) => ({ title: 'Gold', salon_ids: [f.loc] }),
  },
  'PUT /api/v1/chain/{group_id}/loyalty/card_types/{type_id}': {
    who: 'owner',
    params: (f) => ({ type_id: f.cardTypeId }),
    body: (f) => ({ title: 'Gold', salon_ids: [f.loc] }),
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/card_types/{type_id}': {
    who: 'owner',
    params: (f) => ({ type_id: f.cardTypeId }),
  },
  'POST /api/v1/chain/{group_id}/loyalty/programs': {
    who: 'owner',
    body: (f) => program(f.loc, f.cardTypeId),
  },
  // Multipart uploads (like the profile photo): no JSON body to spoil, the path ids still count.
  'PUT /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}/image': certificateTypeOnly,
  'DELETE /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}/image': certificateTypeOnly,
  'PUT /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}/image': membershipTypeOnly,
  'DELETE /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}/image': membershipTypeOnly,
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/freeze': {
    ...membership,
    body: () => ({ freeze_days: 7 }),
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/unfreeze': membership,
  'POST /api/v1/company/{company_id}/loyalty/abonements': {
    who: 'owner',
    body: (f) => ({ type_id: f.membershipTypeId, phone: '+4915112340010' }),
  },
  'POST /api/v1/company/{company_id}/loyalty/certificates': {
    who: 'owner',
    body: (f) => ({ type_id: f.certificateTypeId, phone: '+4915112340011' }),
  },
  'POST /api/v1/loyalty/cards/{company_id}': {
    who: 'owner',
    body: (f) => ({
      loyalty_card_number: 'CLUB-002',
      loyalty_card_type_id: f.cardTypeId,
      phone: '+4915112340012',
    }),
  },
  'DELETE /api/v1/loyalty/cards/{company_id}/{card_id}': {
    who: 'owner',
    params: (f) => ({ card_id: f.cardId }),
  },
  'POST /api/v1/company/{company_id}/loyalty/cards/{card_id}/manual_transaction': manualTransaction,
  'POST /api/v1/chain/{group_id}/loyalty/cards/{card_id}/manual_transaction': manualTransaction,
  'POST /api/v1/company/{company_id}/records/{record_id}/loyalty_payment': {
    who: 'owner',
    body: (f) => ({ loyalty_card_id: f.cardId, loyalty_card_withdrawal: 5 }),
  },
  'DELETE /api/v1/company/{company_id}/records/{record_id}/loyalty_payment': { who: 'owner' },
  'PUT /api/v1/chain/{group_id}/loyalty/programs/{program_id}': {
    who: 'owner',
    body: (f) => program(f.loc, f.cardTypeId),
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/programs/{program_id}': { who: 'owner' },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/set_period': {
    ...membership,
    body: () => ({ period: 2, period_unit_id: 3 }),
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/set_balance': {
    ...membership,
    body: () => ({ united_balance_services_count: 4 }),
  },
  'POST /api/v1/book_loyalty_purchase/{company_id}': {
    who: 'owner',
    body: (f) => ({ kind: 'certificate', type_id: f.certificateTypeId, phone: '+4915112340013' }),
  },
  'POST /api/app/v1/purchases': {
    who: 'client',
    body: (f) => ({ kind: 'certificate', type_id: f.certificateTypeId, location_id: f.loc }),
  },
  'POST /api/app/v1/push/subscriptions': { who: 'client', body: pushSubscription },
  'DELETE /api/app/v1/push/subscriptions': {
    who: 'client',
    body: () => ({ endpoint: pushSubscription().endpoint }),
  },
  'POST /api/app/v1/notifications/read-all': {
    who: 'client',
    body: (f) => ({ location_id: f.loc }),
  },
  'POST /api/app/v1/notifications/{id}/read': { who: 'client', params: notificationId },
  'POST /api/app/v1/notifications/{id}/confirm': { who: 'client', params: notificationId },
  'PUT /api/app/v1/places/{location_id}/mute': { who: 'client', body: () => ({ muted: true }) },
  'POST /api/app/v1/places/{location_id}/appointments': {
    who: 'client',
    body: (f) => ({ fullname: 'Ana', comment: 'hi', appointments: [appointment(f)] }),
  },
  // The acquirer's raw body has no JSON schema: signed, so that what is judged is its content.
  'POST /api/payments/webhooks/{provider}': {
    who: 'none',
    params: () => ({ provider: 'test' }),
    headers: (payload, now) => ({
      'visita-signature': signPayload(WEBHOOK_SECRET, payload, now.getTime()),
    }),
  },
  'PATCH /api/admin/v1/locations/{company_id}/notification-settings': {
    who: 'owner',
    body: () => ({ brand_name: 'Salon', types: [{ type: 5, enabled: true, timing: 120 }] }),
  },
  'POST /api/admin/v1/locations/{company_id}/bulk-pushes/preview': {
    who: 'owner',
    body: () => bulkPushFilters,
  },
  'POST /api/admin/v1/locations/{company_id}/bulk-pushes': {
    who: 'owner',
    body: () => ({ ...bulkPushFilters, text: 'We are open on Sunday' }),
  },
  'POST /api/admin/v1/session': {
    who: 'none',
    body: (f) => ({ login: f.backOffice.login, password: BACK_OFFICE_PASSWORD }),
  },
  'DELETE /api/admin/v1/session': { who: 'owner' },
  'PUT /api/admin/v1/locations/{company_id}/promo': {
    who: 'owner',
    body: () => ({ title: 'Winter offer', text: '20 % off', link_url: 'https://salon.example' }),
  },
  'DELETE /api/admin/v1/locations/{company_id}/promo': noBody,
  'PUT /api/admin/v1/locations/{company_id}/resources/{id}/instances': {
    ...resourceDelete,
    body: (f) => ({
      instances: [{ id: f.resource.instanceIds[0], title: 'Room A' }, { title: 'Room B' }],
    }),
  },
};
