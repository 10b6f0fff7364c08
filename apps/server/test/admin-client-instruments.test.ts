import { makeLocation, makeUser } from '@visita/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from './support/catalog';
import { createCertificateType, createMembershipType } from './support/loyalty';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let nord: { id: number };
const phone = '+4915130000001';

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db);
  const chainId = tenant.location.chainId;
  nord = await makeLocation(t.db, { chainId, title: 'Nord', timezone: 'Europe/Berlin' });
  // A membership valid at the sister location only, and a gift card valid everywhere.
  const onlyNord = await createMembershipType(t, chainId, tenant.owner, {
    title: 'Nord pool x10',
    salon_ids: [nord.id],
  });
  const gift = await createCertificateType(t, chainId, tenant.owner, { title: 'Gift 50' });
  for (const [path, body] of [
    ['abonements', { type_id: onlyNord.id, phone }],
    ['certificates', { type_id: gift.id, phone }],
  ] as const) {
    const sold = await api(t).post(`/company/${nord.id}/loyalty/${path}`, tenant.owner, body);
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
  }
  // The same phone holds a membership in another chain: never shown here.
  const other = tenant.otherLocation;
  const foreign = await createMembershipType(t, other.chainId, tenant.outsider, {
    title: 'Foreign',
  });
  await api(t).post(`/company/${other.id}/loyalty/abonements`, tenant.outsider, {
    type_id: foreign.id,
    phone,
  });
});
afterAll(() => t.close());

const read = (who: { token: string }, locationId: number) =>
  call(t.app, {
    method: 'GET',
    url: `/api/admin/v1/locations/${locationId}/client-instruments?phone=${encodeURIComponent(phone)}`,
    headers: authHeader(t.partnerToken, who.token),
  });

it('lists what the client holds across the chain, with where each is valid', async () => {
  const res = await read(tenant.admin, tenant.location.id);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const d = res.body.data;
  expect(d.memberships.map((m: { type: { title: string } }) => m.type.title)).toEqual([
    'Nord pool x10',
  ]);
  expect(d.memberships[0].salon_ids).toEqual([nord.id]);
  expect(d.gift_cards).toHaveLength(1);
  expect([...d.gift_cards[0].salon_ids].sort()).toEqual(
    [tenant.location.id, nord.id].sort((a, b) => a - b),
  );
  expect(d.loyalty_cards).toEqual([]);
  expect(d.locations.map((l: { id: number }) => l.id).sort()).toEqual(
    [tenant.location.id, nord.id].sort((a, b) => a - b),
  );
  // The Altegio list by phone at this location leaves the Nord-only membership out.
  const here = await api(t).get(
    `/loyalty/abonements?company_id=${tenant.location.id}&phone=${encodeURIComponent(phone)}`,
    tenant.admin,
  );
  expect(here.status).toBe(200);
  expect(here.body.data).toEqual([]);
});

it('is refused without clients:read and outside the caller’s chain', async () => {
  expect((await read(tenant.staff, tenant.location.id)).status).toBe(403);
  expect((await read(tenant.outsider, tenant.location.id)).status).toBe(403);
  const stranger = await makeUser(t.db, { role: 'administrator', locationId: nord.id });
  // An administrator of Nord only is not one of the first location.
  expect((await read(stranger, tenant.location.id)).status).toBe(403);
  expect((await read(stranger, nord.id)).status).toBe(200);
});
