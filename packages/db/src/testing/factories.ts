import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_TERMS_VERSIONS, type Role } from '@visita/core';
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
  /** `passwordHash` as the app's hasher stores it (tests' plain hasher: `plain:<password>`). */
  options: { name?: string; passwordHash?: string } = {},
): Promise<{ id: number; token: string; login: string }> {
  const login = `user${next()}_${randomBytes(3).toString('hex')}@test.visita`;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO users(login, password_hash, name) VALUES ($1, $2, $3) RETURNING id`,
    [login, options.passwordHash ?? 'no-password', options.name ?? `User ${login}`],
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

/** Working slots of a team member on local dates (`[]` = day off). */
export async function makeSchedule(
  q: Queryable,
  staffId: number,
  dates: string[],
  slots: { from: string; to: string }[],
): Promise<void> {
  for (const date of dates)
    await q.query(
      `INSERT INTO staff_schedules(staff_id, date, slots) VALUES ($1, $2, $3)
       ON CONFLICT (staff_id, date) DO UPDATE SET slots = EXCLUDED.slots`,
      [staffId, date, JSON.stringify(slots)],
    );
}

export async function makeBookingSettings(
  q: Queryable,
  locationId: number,
  settings: Partial<{
    slot_step_minutes: number;
    min_notice_minutes: number;
    horizon_days: number;
    allow_client_reschedule: boolean;
    reschedule_until_minutes: number;
    allow_client_cancel: boolean;
    cancel_until_minutes: number;
    online_needs_confirmation: boolean;
  }>,
): Promise<void> {
  const keys = Object.keys(settings);
  const values = Object.values(settings);
  await q.query(
    `INSERT INTO location_booking_settings(location_id${keys.map((k) => `, ${k}`).join('')})
     VALUES ($1${keys.map((_, i) => `, $${i + 2}`).join('')})
     ON CONFLICT (location_id) DO UPDATE SET ${keys.length ? keys.map((k) => `${k} = EXCLUDED.${k}`).join(', ') : 'location_id = EXCLUDED.location_id'}`,
    [locationId, ...values],
  );
}

export async function makeResource(
  q: Queryable,
  locationId: number,
  instances: number,
  serviceIds: number[] = [],
): Promise<{ id: number; instanceIds: number[] }> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO resources(location_id, title) VALUES ($1, $2) RETURNING id`,
    [locationId, `Resource ${next()}`],
  );
  const instanceIds: number[] = [];
  for (let i = 0; i < instances; i++) {
    const [inst] = await q.query<{ id: number }>(
      'INSERT INTO resource_instances(resource_id, title) VALUES ($1, $2) RETURNING id',
      [row!.id, `Instance ${i + 1}`],
    );
    instanceIds.push(inst!.id);
  }
  for (const serviceId of serviceIds)
    await q.query('INSERT INTO service_resources(service_id, resource_id) VALUES ($1, $2)', [
      serviceId,
      row!.id,
    ]);
  return { id: row!.id, instanceIds };
}

/**
 * A client-app user with a live token (stored as its SHA-256), by default having accepted the
 * current terms. Independent of the login endpoints, so cabinet tests set up in one call.
 */
export async function makeAppUser(
  q: Queryable,
  input: { phone: string; consented?: boolean; name?: string },
): Promise<{ id: number; token: string; phone: string }> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO app_users(phone, name) VALUES ($1, $2) RETURNING id',
    [input.phone, input.name ?? ''],
  );
  const t = token();
  await q.query('INSERT INTO app_user_tokens(token_hash, user_id) VALUES ($1, $2)', [
    sha256(t),
    row!.id,
  ]);
  if (input.consented ?? true)
    for (const [kind, version] of Object.entries(DEFAULT_TERMS_VERSIONS))
      await q.query('INSERT INTO app_user_consents(user_id, kind, version) VALUES ($1, $2, $3)', [
        row!.id,
        kind,
        version,
      ]);
  return { id: row!.id, token: t, phone: input.phone };
}

/**
 * An appointment written straight to the tables (any time, past ones too) for the client with
 * this phone at the location; the client row is created when missing.
 */
export async function makeAppointment(
  q: Queryable,
  input: {
    locationId: number;
    staffId: number;
    serviceIds: number[];
    phone: string;
    start: string;
    minutes?: number;
    price?: number;
    source?: 'online' | 'back_office' | 'api';
    deleted?: boolean;
  },
): Promise<{ id: number; clientId: number; hash: string }> {
  const hash = token().slice(0, 32);
  const [client] = await q.query<{ id: number }>(
    `INSERT INTO clients(location_id, phone, name) VALUES ($1, $2, 'Client')
     ON CONFLICT (location_id, phone) WHERE deleted_at IS NULL DO UPDATE SET phone = EXCLUDED.phone
     RETURNING id`,
    [input.locationId, input.phone],
  );
  const start = new Date(input.start).getTime();
  const stepMs = (input.minutes ?? 60) * 60_000;
  const end = start + stepMs * input.serviceIds.length;
  const [record] = await q.query<{ id: number }>(
    `INSERT INTO records(location_id, staff_id, client_id, starts_at, ends_at, source, hash_digest, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.locationId,
      input.staffId,
      client!.id,
      new Date(start),
      new Date(end),
      input.source ?? 'back_office',
      sha256(hash),
      input.deleted ? new Date(start - 86_400_000) : null,
    ],
  );
  for (const [position, serviceId] of input.serviceIds.entries())
    await q.query(
      `INSERT INTO record_services(record_id, position, service_id, starts_at, ends_at, first_cost, cost)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [
        record!.id,
        position,
        serviceId,
        new Date(start + position * stepMs),
        new Date(start + (position + 1) * stepMs),
        input.price ?? 50,
      ],
    );
  if (!input.deleted)
    await q.query(
      `INSERT INTO staff_occupancy(staff_id, record_id, during) VALUES ($1, $2, tstzrange($3, $4))`,
      [input.staffId, record!.id, new Date(start), new Date(end)],
    );
  return { id: record!.id, clientId: client!.id, hash };
}

/**
 * Many app clients of one location at once (bulk push tests and the push benchmark): per
 * device an app user, a client card with `has_app`, and the device's push subscription, written
 * with three set-based statements. Phones are `+4916<9 digits from phoneBase + i>`.
 */
export async function makeAppAudience(
  q: Queryable,
  locationId: number,
  devices: { endpoint: string; keys: { p256dh: string; auth: string } }[],
  phoneBase: number,
): Promise<{ clientIds: number[]; appUserIds: number[] }> {
  const phones = devices.map((_, i) => `+4916${String(phoneBase + i).padStart(9, '0')}`);
  const users = await q.query<{ id: number; phone: string }>(
    `INSERT INTO app_users(phone, name) SELECT p, 'Client ' || right(p, 4) FROM unnest($1::text[]) AS p
     RETURNING id, phone`,
    [phones],
  );
  const userOf = new Map(users.map((u) => [u.phone, u.id]));
  const clients = await q.query<{ id: number; phone: string }>(
    `INSERT INTO clients(location_id, phone, name, has_app)
     SELECT $1, p, 'Client ' || right(p, 4), true FROM unnest($2::text[]) AS p RETURNING id, phone`,
    [locationId, phones],
  );
  await q.query(
    `INSERT INTO push_subscriptions(app_user_id, endpoint, p256dh, auth)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
    [
      phones.map((p) => userOf.get(p)!),
      devices.map((d) => d.endpoint),
      devices.map((d) => d.keys.p256dh),
      devices.map((d) => d.keys.auth),
    ],
  );
  const clientOf = new Map(clients.map((c) => [c.phone, c.id]));
  return {
    clientIds: phones.map((p) => clientOf.get(p)!),
    appUserIds: phones.map((p) => userOf.get(p)!),
  };
}
