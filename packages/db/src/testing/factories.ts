import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@visita/core';
import type { Queryable } from '../db';

/** Test data builders: every test makes what it needs; nothing depends on the demo seed. */
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const token = () => randomBytes(32).toString('hex');
let counter = 0;
const next = () => ++counter;

export async function makeChain(
  q: Queryable,
  title = `Chain ${next()}`,
): Promise<{ id: number; title: string }> {
  const [row] = await q.query<{ id: number; title: string }>(
    'INSERT INTO chains(title) VALUES ($1) RETURNING id, title',
    [title],
  );
  return row!;
}

export async function makeLocation(
  q: Queryable,
  input: { chainId?: number; title?: string; timezone?: string } = {},
): Promise<{ id: number; chainId: number; timezone: string }> {
  const chainId = input.chainId ?? (await makeChain(q)).id;
  const timezone = input.timezone ?? 'Europe/Berlin';
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO locations(chain_id, title, timezone) VALUES ($1, $2, $3) RETURNING id',
    [chainId, input.title ?? `Location ${next()}`, timezone],
  );
  return { id: row!.id, chainId, timezone };
}

export async function makePartner(q: Queryable): Promise<{ id: number; token: string }> {
  const t = token();
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO partners(name, token_hash) VALUES ($1, $2) RETURNING id',
    [`Partner ${next()}`, sha256(t)],
  );
  return { id: row!.id, token: t };
}

/** A back-office user with a live token and, optionally, a role at a location or chain. */
export async function makeUser(
  q: Queryable,
  grant?: { role: Role; locationId?: number; chainId?: number },
): Promise<{ id: number; token: string; login: string }> {
  const login = `user${next()}_${randomBytes(3).toString('hex')}@test.visita`;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO users(login, password_hash, name) VALUES ($1, 'no-password', $2) RETURNING id`,
    [login, `User ${login}`],
  );
  const t = token();
  await q.query('INSERT INTO user_tokens(token_hash, user_id) VALUES ($1, $2)', [
    sha256(t),
    row!.id,
  ]);
  if (grant)
    await q.query(
      'INSERT INTO user_access(user_id, chain_id, location_id, role) VALUES ($1, $2, $3, $4)',
      [row!.id, grant.chainId ?? null, grant.locationId ?? null, grant.role],
    );
  return { id: row!.id, token: t, login };
}

export async function makeStaff(
  q: Queryable,
  locationId: number,
  input: { name?: string; bookable?: boolean } = {},
): Promise<{ id: number }> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO staff(location_id, name, bookable) VALUES ($1, $2, $3) RETURNING id',
    [locationId, input.name ?? `Staff ${next()}`, input.bookable ?? true],
  );
  return row!;
}

export async function makeService(
  q: Queryable,
  locationId: number,
  input: {
    title?: string;
    minutes?: number;
    price?: number;
    staffIds?: number[];
    categoryId?: number;
    onlineBookable?: boolean;
  } = {},
): Promise<{ id: number }> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO services(location_id, category_id, title, duration_seconds, price_min, price_max, online_bookable)
     VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
    [
      locationId,
      input.categoryId ?? null,
      input.title ?? `Service ${next()}`,
      (input.minutes ?? 60) * 60,
      input.price ?? 50,
      input.onlineBookable ?? true,
    ],
  );
  for (const staffId of input.staffIds ?? [])
    await q.query('INSERT INTO service_staff(service_id, staff_id) VALUES ($1, $2)', [
      row!.id,
      staffId,
    ]);
  return row!;
}
