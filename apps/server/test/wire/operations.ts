import { createECDH, randomBytes } from 'node:crypto';
import { DEFAULT_TERMS_VERSIONS } from '@visita/core';
import { makeAppUser, makeAppointment, makeService, makeStaff } from '@visita/db/testing';
import sharp from 'sharp';
import { signPayload } from '../../src/adapters/payments/signature';
import { certificateTypeBody, membershipTypeBody } from '../support/loyalty';
import type { TestApp } from '../support/test-app';
import type { WireWorld } from '../support/wire-world';
import type { Shape } from './shape';

/**
 * What the conformance test expects of every operation Visita implements, keyed
 * `METHOD openapi-path`. `data` names the documented object (shapes/<name>.json): a name is one
 * object, `[name]` a list of them; `own` means Visita's own API (no Altegio counterpart): the
 * answer is checked against the operation's published response schema instead; `image` is a
 * picture, not JSON. `envelope`
 * checks the whole body (write acks without `data`). `meta` is the documented meta.
 */
export interface Operation {
  status: number;
  /** An object name, `[name]`, or `'own'` / `'image'` (see above). */
  data?: string | [string];
  envelope?: string;
  meta?: 'empty' | 'total_count' | 'page_total_count' | 'count' | 'object';
  query?: string;
  body?: (w: WireWorld, fresh: Fresh) => unknown;
  /** Makes what a destructive or one-shot operation consumes; its values override path ids. */
  setup?: (t: TestApp, w: WireWorld, ctx: SetupContext) => Promise<Fresh>;
  multipart?: boolean;
  /** A raw body with its own headers (a signed webhook). */
  raw?: (w: WireWorld, now: number) => { body: string; headers: Record<string, string> };
  /** The answer is not enveloped (as Altegio's loyalty programs): the whole body is checked
   * against the operation's published schema. */
  bare?: boolean;
  /** The multipart field and picture size (default: a 64×64 `photo`). */
  upload?: { field: string; width: number; height: number };
}

/**
 * Visita's deliberate differences from a documented object: fields the docs do not have (or have
 * with another type), by object and path. Each is named in docs/api.md ("Wire conformance"),
 * which the conformance test checks.
 */
const ids: Shape = { type: 'array', items: { type: 'number' } };
const image: Shape = { type: 'object', nullable: true };
export const EXTENSIONS: Record<string, Record<string, Shape>> = {
  service: {
    'staff[].price': { type: 'number', nullable: true },
    'resources[]': { type: 'number' },
  },
  service_staff_link: { price: { type: 'number', nullable: true } },
  resource: { description: { type: 'string' } },
  settings_online: {
    timetable_step: { type: 'number' },
    booking_horizon_days: { type: 'number' },
    allow_delete_record: { type: 'boolean' },
    allow_delete_record_delay_step: { type: 'number' },
    allow_change_record: { type: 'boolean' },
    allow_change_record_delay_step: { type: 'number' },
    online_record_needs_confirmation: { type: 'boolean' },
  },
  settings_timetable: { timetable_step: { type: 'number' } },
  record: { 'client.phone': { type: 'string' } },
  client: { phone: { type: 'string' }, has_app: { type: 'boolean' } },
  company: {
    coordinate_lat: { type: 'number', nullable: true },
    coordinate_lon: { type: 'number', nullable: true },
    last_change_date: { type: 'string' },
  },
  booked_record: {
    'company.coordinate_lat': { type: 'number', nullable: true },
    'company.coordinate_lon': { type: 'number', nullable: true },
  },
  book_time: { sum_length: { type: 'number' } },
  book_services: { 'category[].api_id': { type: 'string' } },
  schedule_day: { off_day_type: { type: 'number', nullable: true } },
  visit: {
    id: { type: 'number' },
    comment: { type: 'string' },
    'records[].client.phone': { type: 'string' },
  },
  // Loyalty (contract §3.h; docs/api.md "Wire conformance" names each)
  abonement: {
    balance: { type: 'number', nullable: true },
    united_balance_services_count: { type: 'number', nullable: true },
    is_united_balance_unlimited: { type: 'boolean' },
    created_date: { type: 'string' },
    expiration_date: { type: 'string' },
    frozen_until: { type: 'string', nullable: true },
    salon_ids: ids,
    'type.cost': { type: 'number' },
    'type.is_online_sale_enabled': { type: 'boolean' },
    'type.online_sale_price': { type: 'number' },
    'type.online_sale_image': { type: 'string', nullable: true },
    'type.image': image,
    'type.services': ids,
    'type.service_categories': ids,
  },
  certificate: {
    salon_ids: ids,
    'type.service_ids': ids,
    'type.online_sale_image': { type: 'string', nullable: true },
    'type.image': image,
  },
  loyalty_card: {
    discount: { type: 'number' },
    max_discount_percent: { type: 'number' },
    max_discount_amount: { type: 'number' },
  },
  loyalty_card_balance: {
    discount: { type: 'number' },
    type: { type: 'object' },
    salon_group: { type: 'object' },
    programs: { type: 'array' },
  },
  card_type: { salon_group_id: { type: 'number' }, salon_ids: ids },
  loyalty_transaction: {
    record_id: { type: 'number', nullable: true },
    company_id: { type: 'number' },
    title: { type: 'string' },
    created_date: { type: 'string' },
  },
  certificate_type: { image },
  abonement_type: {
    image,
    services: ids,
    service_categories: ids,
    released_total: { type: 'number' },
  },
  program: {
    expiration_timeout_unit: { type: 'string', nullable: true },
    history_start_date: { type: 'string', nullable: true },
    on_changed_notification_template_id: { type: 'number', nullable: true },
    on_expiration_notification_template_id: { type: 'number', nullable: true },
    company_ids: ids,
    allowed_good_ids: ids,
    allowed_good_category_ids: ids,
  },
};

export type Fresh = Record<string, string | number>;
export interface SetupContext {
  /** The last SMS code sent to a phone (the log SMS provider's lines). */
  lastCode(phone: string): string;
  post(url: string, body: unknown, token?: string): Promise<any>;
}

let phoneSeq = 0;
export const freshPhone = () => `+49152${String(20_000_000 + ++phoneSeq * 7919).slice(-8)}`;
const at = (day: number, hour: number) =>
  `2026-12-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00`;

const newLocation = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const created = await ctx.post('/api/v1/companies', {
    title: 'Branch',
    timezone: 'Europe/Berlin',
    group_id: w.chainId,
  });
  return { company_id: created.data.id as number };
};
const newStaff = async (t: TestApp, w: WireWorld) => ({
  staff_id: (await makeStaff(t.db, w.loc, { name: 'Temp' })).id,
});
const newService = async (t: TestApp, w: WireWorld) => ({
  service_id: (await makeService(t.db, w.loc, { title: 'Temp', staffIds: [w.member.id] })).id,
});
const newCategory = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  id: (await ctx.post(`/api/v1/service_categories/${w.loc}`, { title: 'Temp' })).data.id as number,
});
const newResource = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  id: (await ctx.post(`/api/v1/resources/${w.loc}`, { title: 'Temp' })).data.id as number,
});
const newClient = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  client_id: (await ctx.post(`/api/v1/clients/${w.loc}`, { name: 'Temp', phone: freshPhone() }))
    .data.id as number,
});
let hour = 8;
/** A back-office appointment of the member at a time no other operation uses. */
const newRecord = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const created = await ctx.post(`/api/v1/records/${w.loc}`, {
    staff_id: w.member.id,
    services: [{ id: w.service.id }],
    client: { phone: w.phone },
    datetime: at(10, hour++),
  });
  return { record_id: created.data[0].id as number };
};
const newEvent = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const created = await ctx.post(`/api/v1/activity/${w.loc}`, {
    date: at(11, hour++),
    service_id: w.service.id,
    staff_id: w.colleague.id,
    capacity: 4,
  });
  return { activity_id: created.data.id as number };
};
let onlineHour = 9;
/** An online booking inside the member's working hours (09–18 on Nov 30 – Dec 4). */
const newOnlineBooking = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const created = await ctx.post(`/api/v1/book_record/${w.loc}`, {
    phone: w.phone,
    fullname: 'Erika',
    appointments: [
      { id: 1, services: [w.service.id], staff_id: w.member.id, datetime: at(3, onlineHour++) },
    ],
  });
  return {
    record_id: created.data[0].record_id as number,
    record_hash: created.data[0].record_hash as string,
  };
};
/** A fresh client-app user (its token is used for the call) with an upcoming appointment. */
const newAppUser = async (t: TestApp, w: WireWorld) => {
  const phone = freshPhone();
  const user = await makeAppUser(t.db, { phone });
  const appointment = await makeAppointment(t.db, {
    locationId: w.loc,
    staffId: w.member.id,
    serviceIds: [w.service.id],
    phone,
    start: `2026-12-04T${String(hour++).padStart(2, '0')}:00:00Z`,
  });
  return { token: user.token, id: appointment.id };
};
const pastAppointment = async (t: TestApp, w: WireWorld) => {
  const appointment = await makeAppointment(t.db, {
    locationId: w.loc,
    staffId: w.colleague.id,
    serviceIds: [w.service.id],
    phone: w.phone,
    start: `2026-11-0${(hour++ % 9) + 1}T09:00:00Z`,
  });
  return { id: appointment.id };
};
const loginCode = async (_t: TestApp, _w: WireWorld, ctx: SetupContext) => {
  const phone = freshPhone();
  await ctx.post('/api/app/v1/auth/code', { phone });
  return { phone, code: ctx.lastCode(phone) };
};

const typeImage = { field: 'image', width: 600, height: 400 };
const newCertificateType = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  type_id: (
    await ctx.post(
      `/api/v1/chain/${w.chainId}/loyalty/certificate_types`,
      certificateTypeBody({ title: 'Temp' }),
    )
  ).data.id as number,
});
const newCardType = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  type_id: (await ctx.post(`/api/v1/chain/${w.chainId}/loyalty/card_types`, { title: 'Temp' })).data
    .id as number,
});
const newMembershipType = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  type_id: (
    await ctx.post(
      `/api/v1/chain/${w.chainId}/loyalty/abonement_types`,
      membershipTypeBody({ title: 'Temp' }),
    )
  ).data.id as number,
});
const newMembership = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  item_id: (
    await ctx.post(`/api/v1/company/${w.loc}/loyalty/abonements`, {
      type_id: w.membershipType.id,
      phone: freshPhone(),
    })
  ).data.id as number,
});
const frozenMembership = async (t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const { item_id } = await newMembership(t, w, ctx);
  await ctx.post(`/api/v1/chain/${w.chainId}/loyalty/abonements/${item_id}/freeze`, {
    freeze_days: 3,
  });
  return { item_id };
};
const newCard = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  card_id: (
    await ctx.post(`/api/v1/loyalty/cards/${w.loc}`, {
      loyalty_card_number: `TEMP-${freshPhone().slice(-6)}`,
      loyalty_card_type_id: w.cardType.id,
      phone: freshPhone(),
    })
  ).data.id as number,
});
const programBodyOf = (w: WireWorld, title = 'Autumn') => ({
  title,
  type: 'discount_static',
  service_item_type: 'any_allowed',
  good_item_type: 'not_allowed',
  value_unit: 'percent',
  company_ids: [w.loc],
  loyalty_card_type_ids: [w.cardType.id],
  rules: [{ value: 10 }],
});
const newProgram = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => ({
  program_id: (await ctx.post(`/api/v1/chain/${w.chainId}/loyalty/programs`, programBodyOf(w)))
    .id as number,
});
/** An appointment paid with the world's loyalty card (to be refunded). */
let paidHour = 6;
const paidRecord = async (t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const record_id = (
    await makeAppointment(t.db, {
      locationId: w.loc,
      staffId: w.colleague.id,
      serviceIds: [w.service.id],
      phone: w.phone,
      start: `2026-11-20T${String(paidHour++).padStart(2, '0')}:00:00Z`,
    })
  ).id;
  await ctx.post(`/api/v1/company/${w.loc}/records/${record_id}/loyalty_payment`, {
    loyalty_card_id: w.card.id,
  });
  return { record_id };
};
const newBackOfficeSession = async (_t: TestApp, w: WireWorld, ctx: SetupContext) => {
  const session = await ctx.post('/api/admin/v1/session', {
    login: w.owner.login,
    password: 'secret',
  });
  return {
    token: session.data.user_token as string,
    partner: session.data.partner_token as string,
  };
};
/** The test acquirer's signed "paid" webhook for the world's pending purchase. */
export const WIRE_PAYMENT_SECRET = 'wire-conformance-webhook-secret';
const paidWebhook = (w: WireWorld, now: number) => {
  const reference = new URL(w.purchase.checkout_url).pathname.split('/').pop()!;
  const body = JSON.stringify({
    id: 'evt_wire',
    type: 'checkout.succeeded',
    reference,
    amount: 5000,
    currency: 'EUR',
  });
  return {
    body,
    headers: { 'visita-signature': signPayload(WIRE_PAYMENT_SECRET, body, now) },
  };
};
const newPushSubscription = async (_t: TestApp, _w: WireWorld, ctx: SetupContext) => {
  const subscription = pushSubscription();
  await ctx.post('/api/app/v1/push/subscriptions', subscription);
  return { endpoint: subscription.endpoint };
};
/** A browser's `PushSubscription.toJSON()`: a P-256 public key and a 16-byte auth secret. */
const pushSubscription = () => ({
  endpoint: `https://push.visita.test/send/${freshPhone().slice(-6)}`,
  expirationTime: null,
  keys: {
    p256dh: createECDH('prime256v1').generateKeys('base64url'),
    auth: randomBytes(16).toString('base64url'),
  },
});

const company: Operation = { status: 200, data: 'company', meta: 'empty' };
const companies: Operation = { status: 200, data: ['company'], meta: 'page_total_count' };
const staffList: Operation = { status: 200, data: ['team_member'], meta: 'total_count' };
const staffOne: Operation = { status: 200, data: 'team_member', meta: 'empty' };
const services: Operation = { status: 200, data: ['service'], meta: 'total_count' };
const serviceOne: Operation = { status: 200, data: 'service', meta: 'empty' };
const categories: Operation = { status: 200, data: ['service_category'], meta: 'total_count' };
const categoryOne: Operation = { status: 200, data: 'service_category', meta: 'empty' };
const records: Operation = { status: 200, data: ['record'], meta: 'page_total_count' };
const recordOne: Operation = { status: 200, data: 'record', meta: 'empty' };
const clients: Operation = { status: 200, data: ['client'], meta: 'page_total_count' };
const clientOne: Operation = { status: 200, data: 'client', meta: 'empty' };
const resources: Operation = { status: 200, data: ['resource'], meta: 'count' };
const resourceOne: Operation = { status: 200, data: 'resource', meta: 'empty' };
const positions: Operation = { status: 200, data: ['position'], meta: 'total_count' };
const noContent: Operation = { status: 204 };
const own = (status = 200): Operation => ({ status, data: 'own' });

const staffSchedule: Operation = {
  status: 200,
  data: ['schedule_day'],
  meta: 'count',
  query: 'start_date=2026-12-01&end_date=2026-12-02&include[]=busy_intervals',
};
const putSchedule: Operation = {
  status: 200,
  data: ['schedule_day'],
  meta: 'count',
  body: (w) => ({
    schedules_to_set: [
      { staff_id: w.member.id, dates: ['2026-12-07'], slots: [{ from: '10:00', to: '16:00' }] },
    ],
  }),
};
const newAppointment =
  (day: number): Operation['body'] =>
  (w) => ({
    staff_id: w.member.id,
    services: [{ id: w.service.id }],
    client: { phone: w.phone, name: 'Erika' },
    datetime: at(day, 12),
  });
const replaceAppointment: Operation = {
  status: 201,
  data: 'record',
  meta: 'empty',
  setup: newRecord,
  body: (w) => ({
    staff_id: w.member.id,
    services: [{ id: w.service.id }],
    client: { phone: w.phone },
    datetime: at(12, hour++),
  }),
};
const attendance: Operation = {
  status: 200,
  data: 'attendance',
  meta: 'empty',
  body: () => ({ attendance: 2 }),
};
const clientSearch: Operation = {
  status: 200,
  data: ['client_search_hit'],
  meta: 'total_count',
  body: () => ({ fields: ['id', 'name'] }),
};
const createClient: Operation = {
  status: 201,
  data: 'client',
  meta: 'empty',
  body: () => ({ name: 'New', phone: freshPhone() }),
};
const updateClient: Operation = {
  status: 200,
  data: 'client',
  meta: 'empty',
  setup: newClient,
  body: () => ({ name: 'Renamed', phone: freshPhone() }),
};
const visits: Operation = { status: 200, data: ['record'], meta: 'page_total_count' };
const chainClients: Operation = {
  status: 200,
  data: 'chain_clients',
  meta: 'empty',
  query: 'phone=%2B4915112345678',
};
const quickStaff: Operation = {
  status: 201,
  data: 'team_member_quick',
  meta: 'object',
  body: () => ({ name: 'Quick' }),
};
const writtenStaff: Operation = {
  status: 200,
  data: 'team_member_written',
  meta: 'empty',
  setup: newStaff,
  body: () => ({ name: 'Renamed' }),
};
const patchService: Operation = {
  status: 200,
  data: 'service',
  meta: 'empty',
  setup: newService,
  body: () => ({ title: 'Renamed' }),
};
const createService: Operation = {
  status: 201,
  data: 'service',
  meta: 'empty',
  body: (w) => ({ title: 'New service', staff: [{ id: w.member.id }] }),
};
const linkStaff: Operation = {
  status: 201,
  data: 'service_staff_link',
  meta: 'object',
  setup: newService,
  body: (w) => ({ staff_id: w.colleague.id, seance_length: 1800 }),
};
const updateLink: Operation = {
  status: 200,
  data: 'service_staff_link',
  meta: 'object',
  body: () => ({ seance_length: 3600 }),
};
const createCategory: Operation = {
  status: 201,
  data: 'service_category',
  meta: 'empty',
  body: () => ({ title: 'New category' }),
};
const updateCategory: Operation = {
  status: 200,
  data: 'service_category',
  meta: 'empty',
  setup: newCategory,
  body: () => ({ title: 'Renamed' }),
};
const createResource: Operation = {
  status: 201,
  data: 'resource',
  meta: 'empty',
  body: () => ({ title: 'Chair', count: 2 }),
};
const updateResource: Operation = {
  status: 200,
  data: 'resource',
  meta: 'empty',
  setup: newResource,
  body: () => ({ title: 'Renamed' }),
};

export const OPERATIONS: Record<string, Operation> = {
  // Auth
  'POST /api/v1/auth': {
    status: 201,
    data: 'auth_user',
    meta: 'empty',
    body: (w) => ({ login: w.owner.login, password: 'secret' }),
  },
  // Locations and chains
  'GET /api/v1/companies': companies,
  'GET /api/v1/locations': companies,
  'POST /api/v1/companies': {
    status: 201,
    data: 'company',
    meta: 'empty',
    body: (w) => ({ title: 'New', timezone: 'Europe/Berlin', group_id: w.chainId }),
  },
  'POST /api/v1/locations': {
    status: 201,
    data: 'company',
    meta: 'empty',
    body: (w) => ({ title: 'New', timezone: 'Europe/Berlin', group_id: w.chainId }),
  },
  'GET /api/v1/company/{company_id}': company,
  'GET /api/v1/locations/{company_id}': company,
  'PUT /api/v1/company/{company_id}': { ...company, body: () => ({ title: 'Salon' }) },
  'PUT /api/v1/locations/{company_id}': { ...company, body: () => ({ title: 'Salon' }) },
  'DELETE /api/v1/company/{company_id}': { ...noContent, setup: newLocation },
  'DELETE /api/v1/locations/{company_id}': { ...noContent, setup: newLocation },
  // The docs' sample answers the chains without a meta.
  'GET /api/v1/groups': { status: 200, data: ['chain'] },
  'GET /api/v1/chains': { status: 200, data: ['chain'] },
  // Online booking
  'GET /api/v1/book_services/{company_id}': { status: 200, data: 'book_services', meta: 'empty' },
  'GET /api/v1/book_staff/{company_id}': {
    status: 200,
    data: ['book_staff'],
    meta: 'empty',
    query: `datetime=2026-12-01`,
  },
  'GET /api/v1/book_staff_seances/{company_id}/{staff_id}/': {
    status: 200,
    data: 'book_staff_seances',
    meta: 'empty',
  },
  'GET /api/v1/book_dates/{company_id}': { status: 200, data: 'book_dates', meta: 'empty' },
  'GET /api/v1/book_times/{company_id}/{staff_id}/{date}': {
    status: 200,
    data: ['book_time'],
    meta: 'empty',
  },
  'POST /api/v1/book_check/{company_id}': {
    status: 201,
    envelope: 'ack_created',
    body: (w) => ({
      appointments: [
        { id: 1, services: [w.service.id], staff_id: w.member.id, datetime: at(4, 9) },
      ],
    }),
  },
  'POST /api/v1/book_record/{company_id}': {
    status: 201,
    data: ['book_record_created'],
    meta: 'empty',
    body: (w) => ({
      phone: w.phone,
      fullname: 'Erika',
      appointments: [
        { id: 1, services: [w.service.id], staff_id: w.member.id, datetime: at(4, 10) },
      ],
    }),
  },
  'PUT /api/v1/book_record/{company_id}/{record_id}': {
    status: 200,
    data: 'booked_record',
    meta: 'empty',
    setup: newOnlineBooking,
    body: (_w, fresh) => ({ datetime: at(4, 15), record_hash: fresh.record_hash }),
  },
  'GET /api/v1/book_record/{company_id}/{record_id}/{record_hash}': {
    status: 200,
    data: 'booked_record',
    meta: 'empty',
  },
  // Schedules
  'GET /api/v1/company/{company_id}/staff/schedule': staffSchedule,
  'GET /api/v1/locations/{company_id}/team_members/schedule': staffSchedule,
  'PUT /api/v1/company/{company_id}/staff/schedule': putSchedule,
  'PUT /api/v1/locations/{company_id}/team_members/schedule': putSchedule,
  'GET /api/v1/schedule/{company_id}/{staff_id}/{start_date}/{end_date}': {
    status: 200,
    data: ['schedule_day_deprecated'],
    meta: 'empty',
  },
  'PUT /api/v1/schedule/{company_id}/{staff_id}': {
    status: 201,
    data: ['schedule_day_deprecated'],
    meta: 'empty',
    body: () => [{ date: '2026-12-08', is_working: 1, slots: [{ from: '10:00', to: '14:00' }] }],
  },
  // Settings
  'GET /api/v1/company/{company_id}/settings/online': {
    status: 200,
    data: 'settings_online',
    meta: 'empty',
  },
  'PATCH /api/v1/company/{company_id}/settings/online': {
    status: 200,
    data: 'settings_online',
    meta: 'empty',
    body: () => ({ seance_delay_step: 60 }),
  },
  'GET /api/v1/company/{company_id}/booking_forms': {
    status: 200,
    data: ['booking_form'],
    meta: 'empty',
  },
  'GET /api/v1/company/{company_id}/settings/timetable': {
    status: 200,
    data: 'settings_timetable',
    meta: 'empty',
  },
  'PATCH /api/v1/company/{company_id}/settings/timetable': {
    status: 200,
    data: 'settings_timetable',
    meta: 'empty',
    body: () => ({ timetable_step: 900 }),
  },
  // Team members
  'GET /api/v1/company/{company_id}/staff': staffList,
  'GET /api/v1/locations/{company_id}/team_members': staffList,
  'GET /api/v1/company/{company_id}/staff/{staff_id}': staffOne,
  'GET /api/v1/locations/{company_id}/team_members/{staff_id}': staffOne,
  'POST /api/v1/company/{company_id}/staff/quick': quickStaff,
  'POST /api/v1/locations/{company_id}/team_members/quick': quickStaff,
  'POST /api/v1/staff/{company_id}': {
    status: 201,
    data: 'team_member_written',
    meta: 'empty',
    body: () => ({ name: 'Created' }),
  },
  'PUT /api/v1/staff/{company_id}/{staff_id}': writtenStaff,
  'PUT /api/v1/locations/{company_id}/team_members/{staff_id}': writtenStaff,
  'DELETE /api/v1/staff/{company_id}/{staff_id}': { ...noContent, setup: newStaff },
  'DELETE /api/v1/locations/{company_id}/team_members/{staff_id}': {
    ...noContent,
    setup: newStaff,
  },
  'GET /api/v1/staff/{company_id}': { status: 200, data: ['team_member_public'], meta: 'empty' },
  'GET /api/v1/staff/{company_id}/{staff_id}': {
    status: 200,
    data: 'team_member_public',
    meta: 'empty',
  },
  'GET /api/v1/company/{company_id}/staff/positions': positions,
  'GET /api/v1/positions/{company_id}': positions,
  'GET /api/v1/locations/{company_id}/positions': positions,
  'POST /api/v1/company/{company_id}/positions/quick': {
    status: 201,
    data: 'position',
    meta: 'object',
    body: () => ({ title: 'Assistant' }),
  },
  // Appointments and visits
  'GET /api/v1/records/{company_id}': records,
  'GET /api/v1/locations/{company_id}/appointments': records,
  'POST /api/v1/records/{company_id}': {
    status: 201,
    data: ['record'],
    meta: 'empty',
    body: newAppointment(5),
  },
  'POST /api/v1/locations/{company_id}/appointments': {
    status: 201,
    data: ['record'],
    meta: 'empty',
    body: newAppointment(6),
  },
  'GET /api/v1/record/{company_id}/{record_id}': recordOne,
  'GET /api/v1/locations/{company_id}/appointments/{record_id}': recordOne,
  'PUT /api/v1/record/{company_id}/{record_id}': replaceAppointment,
  'PUT /api/v1/locations/{company_id}/appointments/{record_id}': replaceAppointment,
  'DELETE /api/v1/record/{company_id}/{record_id}': { ...noContent, setup: newRecord },
  'DELETE /api/v1/locations/{company_id}/appointments/{record_id}': {
    ...noContent,
    setup: newRecord,
  },
  'POST /api/v1/company/{company_id}/records/{record_id}/attendance': attendance,
  'POST /api/v1/locations/{company_id}/appointments/{record_id}/attendance': attendance,
  'GET /api/v1/visits/{visit_id}': { status: 200, data: 'visit', meta: 'empty' },
  // Clients
  'POST /api/v1/company/{company_id}/clients/search': clientSearch,
  'POST /api/v1/locations/{company_id}/clients/search': clientSearch,
  'GET /api/v1/clients/{company_id}': clients,
  'GET /api/v1/locations/{company_id}/clients': clients,
  'POST /api/v1/clients/{company_id}': createClient,
  'POST /api/v1/locations/{company_id}/clients': createClient,
  'GET /api/v1/client/{company_id}/{client_id}': clientOne,
  'GET /api/v1/locations/{company_id}/clients/{client_id}': clientOne,
  'PUT /api/v1/client/{company_id}/{client_id}': updateClient,
  'PUT /api/v1/locations/{company_id}/clients/{client_id}': updateClient,
  'DELETE /api/v1/client/{company_id}/{client_id}': { ...noContent, setup: newClient },
  'DELETE /api/v1/locations/{company_id}/clients/{client_id}': { ...noContent, setup: newClient },
  'GET /api/v1/client/{company_id}/{client_id}/visits': visits,
  'GET /api/v1/locations/{company_id}/clients/{client_id}/visits': visits,
  'GET /api/v1/group/{group_id}/clients': chainClients,
  'GET /api/v1/chains/{group_id}/clients': chainClients,
  'GET /api/v1/labels/{company_id}/clients': {
    status: 200,
    data: ['client_label'],
    meta: 'page_total_count',
  },
  'POST /api/v1/labels/{company_id}/clients/create': {
    status: 200,
    data: 'client_label',
    meta: 'empty',
    body: () => ({ title: 'VIP', color: '#00aa00' }),
  },
  // Group events
  'GET /api/v1/activity/{company_id}/search': {
    status: 200,
    data: ['activity'],
    meta: 'count',
    query: 'from=2026-12-01&till=2026-12-31',
  },
  'POST /api/v1/activity/{company_id}': {
    status: 200,
    data: 'activity',
    meta: 'empty',
    body: (w) => ({
      date: at(14, 10),
      service_id: w.service.id,
      staff_id: w.member.id,
      capacity: 5,
    }),
  },
  'GET /api/v1/activity/{company_id}/{activity_id}': {
    status: 200,
    data: 'activity',
    meta: 'empty',
  },
  'PUT /api/v1/activity/{company_id}/{activity_id}': {
    status: 200,
    data: 'activity',
    meta: 'empty',
    setup: newEvent,
    body: (w) => ({
      date: at(15, hour++),
      service_id: w.service.id,
      staff_id: w.colleague.id,
      capacity: 6,
    }),
  },
  'DELETE /api/v1/activity/{company_id}/{activity_id}': {
    status: 202,
    envelope: 'ack_accepted',
    setup: newEvent,
  },
  'POST /api/v1/activity/{company_id}/{activity_id}/duplicate': {
    status: 200,
    data: ['activity'],
    meta: 'count',
    body: () => ({ dates: [at(16, 15)] }),
  },
  'POST /api/v1/activity/{company_id}/{activity_id}/book': {
    status: 200,
    data: 'activity_booked',
    meta: 'empty',
    body: () => ({ fullname: 'Guest', phone: freshPhone() }),
  },
  // Client identity (B2C)
  'GET /api/v1/user/records/{record_id}/{record_hash}': {
    status: 200,
    data: ['booked_record'],
    meta: 'empty',
  },
  'DELETE /api/v1/user/records/{record_id}/{record_hash}': {
    status: 200,
    data: 'own',
    setup: newOnlineBooking,
  },
  'POST /api/v1/book_code/{company_id}': {
    status: 201,
    envelope: 'ack_created',
    body: () => ({ phone: freshPhone() }),
  },
  'POST /api/v1/user/auth': {
    status: 201,
    data: 'user_auth',
    meta: 'empty',
    setup: async (_t, w, ctx) => {
      const phone = freshPhone();
      await ctx.post(`/api/v1/book_code/${w.loc}`, { phone });
      return { phone, code: ctx.lastCode(phone) };
    },
    body: (_w, fresh) => ({ phone: fresh.phone, code: fresh.code }),
  },
  'GET /api/v1/booking/user/data': { status: 200, data: 'client_user', meta: 'empty' },
  'PUT /api/v1/booking/user': {
    status: 202,
    envelope: 'ack_accepted',
    body: () => ({ name: 'Erika M.' }),
  },
  // Services
  'GET /api/v1/company/{company_id}/services': services,
  'GET /api/v1/locations/{company_id}/services': services,
  'GET /api/v1/services/{company_id}': { ...services, meta: 'empty' },
  'GET /api/v1/company/{company_id}/services/{service_id}': serviceOne,
  'GET /api/v1/locations/{company_id}/services/{service_id}': serviceOne,
  'GET /api/v1/services/{company_id}/{service_id}': serviceOne,
  'PATCH /api/v1/company/{company_id}/services/{service_id}': patchService,
  'PATCH /api/v1/locations/{company_id}/services/{service_id}': patchService,
  'PATCH /api/v1/services/{company_id}/{service_id}': patchService,
  'PUT /api/v1/locations/{company_id}/services/{service_id}': patchService,
  'PUT /api/v1/services/{company_id}/{service_id}': patchService,
  'POST /api/v1/services/{company_id}': createService,
  'POST /api/v1/locations/{company_id}/services': createService,
  'DELETE /api/v1/company/{company_id}/services/{service_id}': { ...noContent, setup: newService },
  'DELETE /api/v1/locations/{company_id}/services/{service_id}': {
    ...noContent,
    setup: newService,
  },
  'DELETE /api/v1/services/{company_id}/{service_id}': { ...noContent, setup: newService },
  'POST /api/v1/company/{company_id}/services/{service_id}/staff': linkStaff,
  'POST /api/v1/locations/{company_id}/services/{service_id}/team_members': linkStaff,
  'PUT /api/v1/company/{company_id}/services/{service_id}/staff/{staff_id}': updateLink,
  'PUT /api/v1/locations/{company_id}/services/{service_id}/team_members/{staff_id}': updateLink,
  'DELETE /api/v1/company/{company_id}/services/{service_id}/staff/{staff_id}': {
    ...noContent,
    setup: async (t, w) => ({
      service_id: (await makeService(t.db, w.loc, { staffIds: [w.member.id] })).id,
    }),
  },
  'DELETE /api/v1/locations/{company_id}/services/{service_id}/team_members/{staff_id}': {
    ...noContent,
    setup: async (t, w) => ({
      service_id: (await makeService(t.db, w.loc, { staffIds: [w.member.id] })).id,
    }),
  },
  // Service categories
  'GET /api/v1/company/{company_id}/service_categories': categories,
  'GET /api/v1/locations/{company_id}/service_categories': categories,
  'GET /api/v1/service_categories/{company_id}': { ...categories, meta: 'empty' },
  'GET /api/v1/company/{company_id}/service_categories/0': categories,
  'GET /api/v1/locations/{company_id}/service_categories/0': categories,
  'GET /api/v1/service_categories/{company_id}/0': { ...categories, meta: 'empty' },
  'GET /api/v1/company/{company_id}/service_categories/{id}': categoryOne,
  'GET /api/v1/locations/{company_id}/service_categories/{id}': categoryOne,
  'GET /api/v1/service_category/{company_id}/{id}': categoryOne,
  'GET /api/v1/service_categories/{company_id}/{id}': categoryOne,
  'POST /api/v1/service_categories/{company_id}': createCategory,
  'POST /api/v1/locations/{company_id}/service_categories': createCategory,
  'PUT /api/v1/service_category/{company_id}/{id}': updateCategory,
  'PUT /api/v1/locations/{company_id}/service_categories/{id}': updateCategory,
  'PATCH /api/v1/locations/{company_id}/service_categories/{id}': updateCategory,
  'DELETE /api/v1/service_category/{company_id}/{id}': { ...noContent, setup: newCategory },
  'DELETE /api/v1/locations/{company_id}/service_categories/{id}': {
    ...noContent,
    setup: newCategory,
  },
  // Resources
  'GET /api/v1/resources/{company_id}': resources,
  'GET /api/v1/locations/{company_id}/resources': resources,
  'POST /api/v1/resources/{company_id}': createResource,
  'POST /api/v1/locations/{company_id}/resources': createResource,
  'GET /api/v1/resource/{company_id}/{id}': resourceOne,
  'GET /api/v1/locations/{company_id}/resources/{id}': resourceOne,
  'PUT /api/v1/resource/{company_id}/{id}': updateResource,
  'PUT /api/v1/locations/{company_id}/resources/{id}': updateResource,
  'PATCH /api/v1/locations/{company_id}/resources/{id}': updateResource,
  'DELETE /api/v1/resource/{company_id}/{id}': { ...noContent, setup: newResource },
  'DELETE /api/v1/locations/{company_id}/resources/{id}': { ...noContent, setup: newResource },

  // The client app's own API (no Altegio counterpart): checked against its published schemas.
  'POST /api/app/v1/auth/code': { ...own(202), body: () => ({ phone: freshPhone() }) },
  'POST /api/app/v1/auth/token': {
    ...own(201),
    setup: loginCode,
    body: (_w, fresh) => ({ phone: fresh.phone, code: fresh.code }),
  },
  'POST /api/app/v1/auth/logout': { ...own(), setup: newAppUser },
  'POST /api/app/v1/auth/logout-all': { ...own(), setup: newAppUser },
  'GET /api/app/v1/me': own(),
  'GET /api/app/v1/consents': own(),
  'GET /api/app/v1/terms': own(),
  'GET /api/app/v1/terms/{kind}/{version}': {
    ...own(),
    setup: async (t) => {
      await t.app.inject({ method: 'GET', url: '/api/app/v1/terms' });
      return { kind: 'user_agreement', version: DEFAULT_TERMS_VERSIONS.user_agreement };
    },
  },
  'POST /api/app/v1/consents': {
    ...own(201),
    body: () => ({
      user_agreement_version: DEFAULT_TERMS_VERSIONS.user_agreement,
      data_processing_version: DEFAULT_TERMS_VERSIONS.data_processing,
    }),
  },
  'GET /api/app/v1/appointments': own(),
  'GET /api/app/v1/appointments/{id}': own(),
  'POST /api/app/v1/appointments/{id}/cancel': { ...own(), setup: newAppUser },
  'POST /api/app/v1/appointments/{id}/reschedule': {
    ...own(),
    setup: newAppUser,
    body: () => ({ datetime: '2026-12-04 16:00:00' }),
  },
  'GET /api/app/v1/appointments/{id}/book-again': own(),
  'POST /api/app/v1/appointments/{id}/reviews': {
    ...own(201),
    setup: pastAppointment,
    body: () => ({ target: 'staff', rating: 5, text: 'Great' }),
  },
  'GET /api/app/v1/places': own(),
  'GET /api/app/v1/favourites': own(),
  'GET /api/app/v1/places/{location_id}': own(),
  'PUT /api/app/v1/places/{location_id}/favourite': own(),
  'DELETE /api/app/v1/places/{location_id}/favourite': own(),
  'GET /api/app/v1/places/{location_id}/reviews': own(),
  'GET /api/app/v1/profile': own(),
  'PATCH /api/app/v1/profile': { ...own(), body: () => ({ name: 'Erika Muster' }) },
  'DELETE /api/app/v1/profile': { status: 204, setup: newAppUser },
  'PUT /api/app/v1/profile/photo': { ...own(), multipart: true },
  'GET /api/app/v1/profile/photo': { status: 200, data: 'image' },
  'DELETE /api/app/v1/profile/photo': own(),
  // Loyalty (chain types, instruments, cards, visit payment, sales) — Visita's published schemas.
  'GET /api/v1/chain/{group_id}/loyalty/certificate_types': {
    status: 200,
    data: ['certificate_type'],
  },
  'POST /api/v1/chain/{group_id}/loyalty/certificate_types': {
    status: 201,
    data: 'certificate_type',
    body: () => certificateTypeBody({ title: 'Another 50' }),
  },
  'GET /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}': {
    status: 200,
    data: 'certificate_type',
  },
  'PUT /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}': {
    status: 200,
    data: 'certificate_type',
    setup: newCertificateType,
    body: () => certificateTypeBody({ title: 'Renamed' }),
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}': {
    ...own(),
    setup: newCertificateType,
  },
  'GET /api/v1/chain/{group_id}/loyalty/abonement_types': {
    status: 200,
    data: ['abonement_type'],
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonement_types': {
    status: 201,
    data: 'abonement_type',
    body: () => membershipTypeBody({ title: 'Pilates x5' }),
  },
  'GET /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}': {
    status: 200,
    data: 'abonement_type',
  },
  'PUT /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}': {
    status: 201,
    data: 'abonement_type',
    setup: newMembershipType,
    body: () => membershipTypeBody({ title: 'Renamed' }),
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}': {
    status: 204,
    setup: newMembershipType,
  },
  'GET /api/v1/chain/{group_id}/loyalty/card_types': { status: 200, data: ['card_type'] },
  'POST /api/v1/chain/{group_id}/loyalty/card_types': {
    status: 201,
    data: 'card_type',
    body: () => ({ title: 'Gold' }),
  },
  'PUT /api/v1/chain/{group_id}/loyalty/card_types/{type_id}': {
    status: 200,
    data: 'card_type',
    setup: newCardType,
    body: (w) => ({ title: 'Renamed', salon_ids: [w.loc] }),
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/card_types/{type_id}': {
    ...own(),
    setup: newCardType,
  },
  'POST /api/v1/chain/{group_id}/loyalty/programs': {
    status: 200,
    bare: true,
    data: 'program',
    body: (w) => ({
      title: 'Autumn',
      type: 'discount_static',
      service_item_type: 'any_allowed',
      good_item_type: 'not_allowed',
      value_unit: 'percent',
      company_ids: [w.loc],
      loyalty_card_type_ids: [w.cardType.id],
      rules: [{ value: 10 }],
    }),
  },
  'GET /api/v1/chain/{group_id}/loyalty/programs': { status: 200, bare: true, data: ['program'] },
  'GET /api/v1/chain/{group_id}/loyalty/programs/{program_id}': {
    status: 200,
    bare: true,
    data: 'program',
  },
  'PUT /api/v1/chain/{group_id}/loyalty/programs/{program_id}': {
    status: 200,
    bare: true,
    data: 'program',
    setup: newProgram,
    body: (w) => programBodyOf(w, 'Winter'),
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/programs/{program_id}': {
    status: 204,
    setup: newProgram,
  },
  'PUT /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}/image': {
    ...own(),
    setup: newMembershipType,
    multipart: true,
    upload: typeImage,
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/abonement_types/{type_id}/image': {
    status: 204,
    setup: newMembershipType,
  },
  'PUT /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}/image': {
    ...own(),
    setup: newCertificateType,
    multipart: true,
    upload: typeImage,
  },
  'DELETE /api/v1/chain/{group_id}/loyalty/certificate_types/{type_id}/image': {
    status: 204,
    setup: newCertificateType,
  },
  'GET /api/v1/loyalty/abonements': {
    status: 200,
    data: ['abonement'],
    meta: 'count',
    query: `company_id={loc}&phone=%2B4915112345678`,
  },
  'GET /api/v1/loyalty/certificates': {
    status: 200,
    data: ['certificate'],
    meta: 'count',
    query: `company_id={loc}&phone=%2B4915112345678`,
  },
  'GET /api/v1/chain/{group_id}/loyalty/abonements': {
    status: 200,
    data: ['abonement'],
    meta: 'count',
    query: 'phone=%2B4915112345678',
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/freeze': {
    status: 200,
    data: 'abonement',
    setup: newMembership,
    body: () => ({ freeze_days: 7 }),
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/unfreeze': {
    status: 200,
    data: 'abonement',
    setup: frozenMembership,
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/set_period': {
    status: 200,
    data: 'abonement',
    setup: newMembership,
    body: () => ({ period: 2, period_unit_id: 3 }),
  },
  'POST /api/v1/chain/{group_id}/loyalty/abonements/{item_id}/set_balance': {
    status: 200,
    data: 'abonement',
    setup: newMembership,
    body: () => ({ united_balance_services_count: 4 }),
  },
  'POST /api/v1/company/{company_id}/loyalty/abonements': {
    status: 201,
    data: 'abonement',
    body: (w) => ({ type_id: w.membershipType.id, phone: freshPhone() }),
  },
  'POST /api/v1/company/{company_id}/loyalty/certificates': {
    status: 201,
    data: 'certificate',
    body: (w) => ({ type_id: w.certificateType.id, phone: freshPhone() }),
  },
  'GET /api/v1/loyalty/cards/{phone}/{group_id}/{company_id}': {
    status: 200,
    data: ['loyalty_card'],
  },
  'GET /api/v1/loyalty/client_cards/{client_id}': { status: 200, data: ['loyalty_card'] },
  'POST /api/v1/loyalty/cards/{company_id}': {
    status: 201,
    data: 'loyalty_card',
    body: (w) => ({
      loyalty_card_number: `CLUB-${freshPhone().slice(-6)}`,
      loyalty_card_type_id: w.cardType.id,
      phone: freshPhone(),
    }),
  },
  'DELETE /api/v1/loyalty/cards/{company_id}/{card_id}': { status: 204, setup: newCard },
  'GET /api/v1/loyalty/card_types/salon/{company_id}': { status: 200, data: ['card_type'] },
  'POST /api/v1/company/{company_id}/loyalty/cards/{card_id}/manual_transaction': {
    status: 200,
    data: 'loyalty_card_balance',
    body: () => ({ amount: 5, title: 'Welcome bonus' }),
  },
  'POST /api/v1/chain/{group_id}/loyalty/cards/{card_id}/manual_transaction': {
    status: 200,
    data: 'loyalty_card_balance',
    body: () => ({ amount: 3, title: 'Birthday' }),
  },
  'GET /api/v1/chain/{group_id}/loyalty/transactions': {
    status: 200,
    data: ['loyalty_transaction'],
    meta: 'count',
  },
  'POST /api/v1/company/{company_id}/records/{record_id}/loyalty_payment': {
    ...own(),
    setup: newRecord,
    body: (w) => ({ loyalty_card_id: w.card.id }),
  },
  'DELETE /api/v1/company/{company_id}/records/{record_id}/loyalty_payment': {
    ...own(),
    setup: paidRecord,
  },
  'GET /api/v1/user/loyalty/abonements': { status: 200, data: ['abonement'], meta: 'count' },
  'GET /api/v1/user/loyalty/certificates': { status: 200, data: ['certificate'], meta: 'count' },
  'GET /api/v1/user/loyalty_cards/{group_id}': { status: 200, data: ['loyalty_card'] },
  'GET /api/v1/book_loyalty_offers/{company_id}': own(),
  'POST /api/v1/book_loyalty_purchase/{company_id}': {
    ...own(201),
    body: (w) => ({ kind: 'certificate', type_id: w.certificateType.id, phone: freshPhone() }),
  },
  'GET /api/app/v1/memberships': own(),
  'GET /api/app/v1/gift-cards': own(),
  'GET /api/app/v1/loyalty-cards': own(),
  'GET /api/app/v1/places/{location_id}/offers': own(),
  'POST /api/app/v1/purchases': {
    ...own(201),
    body: (w) => ({ kind: 'certificate', type_id: w.certificateType.id, location_id: w.loc }),
  },
  'GET /api/app/v1/purchases/{payment_id}': own(),
  'POST /api/payments/webhooks/{provider}': { status: 200, bare: true, raw: paidWebhook },
  // Notifications: the app's inbox and devices, the back office's settings and bulk pushes.
  'GET /api/app/v1/push/vapid-public-key': own(),
  'POST /api/app/v1/push/subscriptions': { ...own(201), body: () => pushSubscription() },
  'DELETE /api/app/v1/push/subscriptions': {
    ...own(),
    setup: newPushSubscription,
    body: (_w, fresh) => ({ endpoint: fresh.endpoint }),
  },
  'GET /api/app/v1/notifications': own(),
  'GET /api/app/v1/notifications/unread-count': own(),
  'POST /api/app/v1/notifications/read-all': { ...own(), body: () => ({}) },
  'POST /api/app/v1/notifications/{id}/read': own(),
  'POST /api/app/v1/notifications/{id}/confirm': own(),
  'PUT /api/app/v1/places/{location_id}/mute': { ...own(), body: () => ({ muted: true }) },
  'POST /api/app/v1/places/{location_id}/appointments': {
    ...own(201),
    body: (w) => ({
      fullname: 'Ana',
      appointments: [
        { id: 1, services: [w.service.id], staff_id: w.member.id, datetime: at(4, 12) },
      ],
    }),
  },
  'GET /api/admin/v1/locations/{company_id}/notification-settings': own(),
  'PATCH /api/admin/v1/locations/{company_id}/notification-settings': {
    ...own(),
    body: () => ({ brand_name: 'Studio', types: [{ type: 5, enabled: true, timing: 120 }] }),
  },
  'POST /api/admin/v1/locations/{company_id}/bulk-pushes/preview': {
    ...own(),
    body: () => ({ filters: [{ type: 'has_mobile_app', state: { value: true } }] }),
  },
  'POST /api/admin/v1/locations/{company_id}/bulk-pushes': {
    ...own(201),
    body: () => ({ filters: [{ type: 'has_mobile_app', state: { value: true } }], text: 'Hi' }),
  },
  'GET /api/admin/v1/locations/{company_id}/bulk-pushes/{bulk_push_id}': own(),
  'GET /api/admin/v1/locations/{company_id}/bulk-pushes': {
    status: 200,
    data: 'own',
    meta: 'count',
  },
  // Back office: session, its user, desk free times, reports.
  'POST /api/admin/v1/session': {
    ...own(201),
    body: (w) => ({ login: w.owner.login, password: 'secret' }),
  },
  'DELETE /api/admin/v1/session': { ...own(), setup: newBackOfficeSession },
  'GET /api/admin/v1/me': own(),
  'GET /api/admin/v1/locations/{company_id}/free_times/{staff_id}/{date}': {
    ...own(),
    query: 'service_ids[]={service}',
  },
  'GET /api/admin/v1/locations/{company_id}/reports/summary': {
    ...own(),
    query: 'from=2026-11-01&to=2026-11-30',
  },
  'GET /api/admin/v1/locations/{company_id}/promo': own(),
  'PUT /api/admin/v1/locations/{company_id}/promo': {
    ...own(),
    body: () => ({ title: 'Winter offer', text: '20 % off', link_url: 'https://salon.example' }),
  },
  'DELETE /api/admin/v1/locations/{company_id}/promo': own(),
  'GET /api/admin/v1/locations/{company_id}/calendar/marker': {
    ...own(),
    query: 'start_date=2026-12-01&end_date=2026-12-07',
  },
  'PUT /api/admin/v1/locations/{company_id}/resources/{id}/instances': {
    ...own(),
    setup: newResource,
    body: () => ({ instances: [{ title: 'Chair A' }, { title: 'Chair B' }] }),
  },
  'GET /api/admin/v1/locations/{company_id}/client-instruments': {
    ...own(),
    query: 'phone=%2B4915110000001',
  },
};

/** A PNG as a multipart body (by default a small one in the field `photo`). */
export async function photoUpload(upload = { field: 'photo', width: 64, height: 64 }) {
  const { field, width, height } = upload;
  const png = await sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } },
  })
    .png()
    .toBuffer();
  const boundary = '----visitaconformance';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
