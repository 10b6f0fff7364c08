import { expect } from 'vitest';
import { api } from './catalog';
import type { TestApp } from './test-app';

type Who = { token: string };

export const certificateTypeBody = (over: Record<string, unknown> = {}) => ({
  title: 'Gift Certificate 50',
  balance: 50,
  is_multi: true,
  item_type_id: 0,
  is_allow_empty_code: false,
  balance_edit_type_id: 1,
  service_ids: [],
  salon_ids: [],
  expiration: { type_id: 2, timeout: 6, timeout_unit_id: 3 },
  online_sale: { is_enabled: true, title: 'Gift card', description: 'For any occasion', price: 50 },
  ...over,
});

export const membershipTypeBody = (over: Record<string, unknown> = {}) => ({
  title: 'Yoga x10',
  cost: 120,
  period: 3,
  period_unit_id: 3,
  allow_freeze: true,
  freeze_limit: 14,
  is_united_balance: true,
  united_balance_services_count: 10,
  is_online_sale_enabled: true,
  online_sale_title: 'Yoga 10 visits',
  online_sale_price: 99,
  services: [],
  service_categories: [],
  ...over,
});

export async function createCertificateType(t: TestApp, chainId: number, owner: Who, over = {}) {
  const res = await api(t).post(
    `/chain/${chainId}/loyalty/certificate_types`,
    owner,
    certificateTypeBody(over),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number; [k: string]: unknown };
}

export async function createMembershipType(t: TestApp, chainId: number, owner: Who, over = {}) {
  const res = await api(t).post(
    `/chain/${chainId}/loyalty/abonement_types`,
    owner,
    membershipTypeBody(over),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number; [k: string]: unknown };
}

export const programBody = (cardTypeId: number, over: Record<string, unknown> = {}) => ({
  title: 'Program',
  type: 'discount_static',
  service_item_type: 'any_allowed',
  good_item_type: 'not_allowed',
  value_unit: 'percent',
  company_ids: [],
  loyalty_card_type_ids: [cardTypeId],
  rules: [{ value: 10 }],
  ...over,
});

/** A card type of its own (so that the programs of one test do not reach another's cards). */
export async function createCardType(t: TestApp, chainId: number, owner: Who, title = 'Club') {
  const res = await api(t).post(`/chain/${chainId}/loyalty/card_types`, owner, { title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number };
}

export async function createProgram(
  t: TestApp,
  chainId: number,
  owner: Who,
  cardTypeId: number,
  over: Record<string, unknown> = {},
) {
  const res = await api(t).post(
    `/chain/${chainId}/loyalty/programs`,
    owner,
    programBody(cardTypeId, over),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as { id: number; [k: string]: unknown };
}

let cardNumbers = 0;
export async function issueCard(
  t: TestApp,
  locationId: number,
  admin: Who,
  cardTypeId: number,
  phone: string,
) {
  const res = await api(t).post(`/loyalty/cards/${locationId}`, admin, {
    loyalty_card_number: `CARD-${process.pid}-${++cardNumbers}`,
    loyalty_card_type_id: cardTypeId,
    phone,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number; [k: string]: unknown };
}
