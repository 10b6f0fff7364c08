import { expect } from 'vitest';
import { api } from './catalog';
import type { TestApp } from './test-app';

type Who = { token: string };

/** Adds a client through the API (must succeed); returns the wire Client. */
export async function addClient(
  t: TestApp,
  locationId: number,
  who: Who,
  body: Record<string, unknown>,
): Promise<{ id: number; [key: string]: any }> {
  const res = await api(t).post(`/clients/${locationId}`, who, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** Live clients of a location with this exact E.164 phone, read straight from the table. */
export async function liveClientsWithPhone(t: TestApp, locationId: number, phone: string) {
  return t.db.query<{ id: number; name: string }>(
    'SELECT id, name FROM clients WHERE location_id = $1 AND phone = $2 AND deleted_at IS NULL',
    [locationId, phone],
  );
}

/** Client ids of a search answer, in order. */
export const idsOf = (res: { body: { data: { id: number }[] } }) => res.body.data.map((c) => c.id);
