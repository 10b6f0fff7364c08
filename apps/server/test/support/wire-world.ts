import { DEFAULT_TERMS_VERSIONS } from '@visita/core';
import {
  makeAppUser,
  makeResource,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { ensureVapidKeys } from '@visita/db';
import { generateVapidKeys } from '@visita/jobs';
import { expect } from 'vitest';
import { appApi } from './cabinet';
import { api } from './catalog';
import { certificateTypeBody, membershipTypeBody } from './loyalty';
import { makeTenant, type TestApp } from './test-app';

/**
 * One location with something behind every read the API offers, so a walk over the routes gets
 * non-empty objects to check: a position, a team member holding it (with a schedule), a category,
 * a service, a resource, a client with a label, appointments in the past and the future (each with
 * its visit), an online booking (with its hash), a group event and a client-app user who booked.
 * The test app's clock is 2026-11-28T10:00Z.
 */
export async function makeWireWorld(t: TestApp) {
  const http = api(t);
  const tenant = await makeTenant(t.db, 'Europe/Berlin');
  const loc = tenant.location.id;
  const owner = tenant.owner;
  const created = async (res: Promise<{ status: number; body: { data: any } }>) => {
    const answer = await res;
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    return answer.body.data;
  };

  const position = await created(
    http.post(`/company/${loc}/positions/quick`, owner, { title: 'Stylist' }),
  );
  const member = await created(
    http.post(`/staff/${loc}`, owner, {
      name: 'Anna',
      specialization: 'Hair',
      position_id: position.id,
    }),
  );
  const colleague = await makeStaff(t.db, loc, { name: 'Ben' });
  const category = await created(
    http.post(`/service_categories/${loc}`, owner, { title: 'Hair', weight: 5 }),
  );
  const service = await makeService(t.db, loc, {
    title: 'Cut',
    minutes: 60,
    price: 40,
    categoryId: category.id,
    staffIds: [member.id, colleague.id],
  });
  const resource = await makeResource(t.db, loc, 1, [service.id]);
  const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
  for (const staffId of [member.id, colleague.id])
    await makeSchedule(t.db, staffId, days, [{ from: '09:00', to: '18:00' }]);

  const phone = '+4915112345678';
  const label = await created(
    http.post(`/labels/${loc}/clients/create`, owner, { title: 'Regular', color: '#aa0000' }),
  );
  const client = await created(
    http.post(`/clients/${loc}`, owner, {
      name: 'Erika',
      surname: 'Muster',
      phone,
      email: 'erika@example.com',
      categories: [label.id],
    }),
  );
  const appointment = (datetime: string) =>
    created(
      http.post(`/records/${loc}`, owner, {
        staff_id: member.id,
        services: [{ id: service.id }],
        client: { phone, name: 'Erika' },
        datetime,
        comment: 'first visit',
      }),
    );
  const [past] = await appointment('2026-11-20 10:00:00');
  const [future] = await appointment('2026-12-01 10:00:00');
  const [online] = await created(
    http.post(`/book_record/${loc}`, null, {
      phone,
      fullname: 'Erika',
      appointments: [
        { id: 1, services: [service.id], staff_id: colleague.id, datetime: '2026-12-02 11:00:00' },
      ],
    }),
  );
  const event = await created(
    http.post(`/activity/${loc}`, owner, {
      date: '2026-12-03 15:00:00',
      service_id: service.id,
      staff_id: colleague.id,
      capacity: 8,
    }),
  );
  const appUser = await makeAppUser(t.db, { phone, name: 'Erika' });
  // `visita serve` makes the VAPID keys when it prepares the database; the world does the same.
  await ensureVapidKeys(t.db, () => generateVapidKeys('mailto:wire@visita.test'));

  // Loyalty: types of the chain, and a membership, a gift certificate and a loyalty card of Erika.
  const chainId = tenant.location.chainId;
  const loyalty = `/chain/${chainId}/loyalty`;
  const certificateType = await created(
    http.post(`${loyalty}/certificate_types`, owner, certificateTypeBody()),
  );
  const membershipType = await created(
    http.post(`${loyalty}/abonement_types`, owner, membershipTypeBody()),
  );
  const cardType = await created(http.post(`${loyalty}/card_types`, owner, { title: 'Club' }));
  // Loyalty programs answer without the envelope, as Altegio's do.
  const programAnswer = await http.post(`${loyalty}/programs`, owner, {
    title: 'Club discount',
    type: 'discount_static',
    service_item_type: 'any_allowed',
    good_item_type: 'not_allowed',
    value_unit: 'percent',
    company_ids: [loc],
    loyalty_card_type_ids: [cardType.id],
    rules: [{ value: 5 }],
  });
  expect(programAnswer.status, JSON.stringify(programAnswer.body)).toBeLessThan(300);
  const program = programAnswer.body as unknown as { id: number };
  const membership = await created(
    http.post(`/company/${loc}/loyalty/abonements`, owner, { type_id: membershipType.id, phone }),
  );
  const certificate = await created(
    http.post(`/company/${loc}/loyalty/certificates`, owner, {
      type_id: certificateType.id,
      phone,
    }),
  );
  const card = await created(
    http.post(`/loyalty/cards/${loc}`, owner, {
      loyalty_card_number: 'CLUB-001',
      loyalty_card_type_id: cardType.id,
      phone,
    }),
  );
  const purchaseAnswer = await appApi(t)('POST', '/purchases', appUser, {
    kind: 'certificate',
    type_id: certificateType.id,
    location_id: loc,
  });
  expect(purchaseAnswer.status, JSON.stringify(purchaseAnswer.body)).toBeLessThan(300);
  const purchase = purchaseAnswer.body.data as { payment_id: number; checkout_url: string };
  // The engine writes notifications; the world has one confirmation request, as it would.
  const [notification] = await t.db.query<{ id: number }>(
    `INSERT INTO notifications(idempotency_key, app_user_id, location_id, type, sender, title, body, appointment_id)
     VALUES ('wire-world', $1, $2, 4, 'Visita', 'Please confirm', 'Your visit on Dec 1', $3)
     RETURNING id`,
    [appUser.id, loc, future.id],
  );
  const bulkAnswer = await t.app.inject({
    method: 'POST',
    url: `/api/admin/v1/locations/${loc}/bulk-pushes`,
    headers: { authorization: `Bearer ${t.partnerToken}, User ${owner.token}` },
    payload: { filters: [{ type: 'has_mobile_app', state: { value: true } }], text: 'Open Sunday' },
  });
  expect(bulkAnswer.statusCode, bulkAnswer.body).toBeLessThan(300);
  const bulkPush = bulkAnswer.json().data as { id: number };

  // The shipped terms as served once, so their version can be read back.
  await t.app.inject({ method: 'GET', url: '/api/app/v1/terms' });
  return {
    ...tenant,
    loc,
    chainId: tenant.location.chainId,
    position,
    member,
    colleague,
    category,
    service,
    resource,
    label,
    client,
    phone,
    past,
    future,
    online,
    event,
    appUser,
    certificateType,
    membershipType,
    cardType,
    program,
    membership,
    certificate,
    card,
    purchase,
    notificationId: Number(notification!.id),
    bulkPush,
  };
}

export type WireWorld = Awaited<ReturnType<typeof makeWireWorld>>;

/**
 * Fills a route's path parameters with the world's ids. `{id}` means what the path is about
 * (a category, a resource, an appointment of the client app).
 */
export function fillPath(path: string, w: WireWorld): string {
  const idFor = () => {
    if (/service_categor/.test(path)) return w.category.id;
    if (/resource/.test(path)) return w.resource.id;
    if (/\/api\/app\/v1\/appointments/.test(path)) return w.online.record_id;
    if (/\/api\/app\/v1\/notifications/.test(path)) return w.notificationId;
    throw new Error(`no {id} value for ${path}`);
  };
  const values: Record<string, () => string | number> = {
    company_id: () => w.loc,
    location_id: () => w.loc,
    group_id: () => w.chainId,
    staff_id: () => w.member.id,
    service_id: () => w.service.id,
    record_id: () => (/book_record|user\/records/.test(path) ? w.online.record_id : w.future.id),
    record_hash: () => w.online.record_hash,
    client_id: () => w.client.id,
    activity_id: () => w.event.id,
    visit_id: () => w.future.visit_id,
    kind: () => 'user_agreement',
    version: () => DEFAULT_TERMS_VERSIONS.user_agreement,
    date: () => '2026-12-01',
    start_date: () => '2026-12-01',
    end_date: () => '2026-12-03',
    id: idFor,
    type_id: () => (/abonement_types/.test(path) ? w.membershipType.id : w.certificateType.id),
    program_id: () => w.program.id,
    item_id: () => w.membership.id,
    card_id: () => w.card.id,
    phone: () => encodeURIComponent(w.phone),
    payment_id: () => w.purchase.payment_id,
    bulk_push_id: () => w.bulkPush.id,
    provider: () => 'test',
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no value for {${name}} in ${path}`);
    return String(value());
  });
}
