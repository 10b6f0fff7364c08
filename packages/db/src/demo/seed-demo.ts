import type { Db, Queryable } from '../db';

export interface DemoSeedResult {
  chainId: number;
  locationIds: number[];
}

/** True when the database holds no location yet (the demo is only loaded into an empty one). */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM locations');
  return (rows[0]?.n ?? 0) === 0;
}

interface DemoLocation {
  title: string;
  timezone: string;
  city: string;
  country: string;
  address: string;
  lat: number;
  lon: number;
  phone: string;
  currency: string;
  staff: [name: string, specialization: string][];
  services: [category: string, title: string, minutes: number, price: number][];
}

const LOCATIONS: DemoLocation[] = [
  {
    title: 'Visita Demo Salon Berlin',
    timezone: 'Europe/Berlin',
    city: 'Berlin',
    country: 'Germany',
    address: 'Torstraße 1, 10119 Berlin',
    lat: 52.5291,
    lon: 13.4013,
    phone: '+493012345678',
    currency: 'EUR',
    staff: [
      ['Anna Schmidt', 'Senior stylist'],
      ['Jonas Weber', 'Barber'],
      ['Mia Fischer', 'Colorist'],
    ],
    services: [
      ['Hair', "Women's haircut", 60, 55],
      ['Hair', "Men's haircut", 30, 30],
      ['Hair', 'Coloring', 90, 95],
      ['Care', 'Scalp treatment', 45, 40],
    ],
  },
  {
    title: 'Visita Demo Studio New York',
    timezone: 'America/New_York',
    city: 'New York',
    country: 'United States',
    address: '350 5th Ave, New York, NY 10118',
    lat: 40.7484,
    lon: -73.9857,
    phone: '+12125550123',
    currency: 'USD',
    staff: [
      ['Emily Johnson', 'Yoga teacher'],
      ['Michael Brown', 'Personal trainer'],
    ],
    services: [
      ['Training', 'Personal training', 60, 90],
      ['Training', 'Assessment', 30, 45],
      ['Recovery', 'Sports massage', 45, 80],
    ],
  },
];

/** Loads a demo chain with two locations in different time zones. Idempotent only on an empty database. */
export async function seedDemo(db: Db): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    const [chain] = await tx.query<{ id: number }>(
      `INSERT INTO chains(title) VALUES ('Visita Demo') RETURNING id`,
    );
    const chainId = chain!.id;
    const locationIds: number[] = [];
    for (const l of LOCATIONS) {
      const [location] = await tx.query<{ id: number }>(
        `INSERT INTO locations(chain_id, title, short_descr, description, country, city, address, coordinate_lat,
           coordinate_lon, timezone, phone, phones, site, schedule, currency, social)
         VALUES ($1, $2, 'Demo location', $3, $4, $5, $6, $7, $8, $9, $10, ARRAY[$10], 'https://example.org',
           'Mon–Sat 09:00–19:00', $11, '{"instagram":"visita.demo"}') RETURNING id`,
        [
          chainId,
          l.title,
          `${l.title}: a demo location of Visita.`,
          l.country,
          l.city,
          l.address,
          l.lat,
          l.lon,
          l.timezone,
          l.phone,
          l.currency,
        ],
      );
      const locationId = location!.id;
      locationIds.push(locationId);
      if (locationIds.length === 1)
        await tx.query(
          `UPDATE locations SET promo_title = 'New here? 15 % off your first visit',
             promo_text = 'Book online this month and show the app at the desk.' WHERE id = $1`,
          [locationId],
        );
      const [position] = await tx.query<{ id: number }>(
        `INSERT INTO positions(location_id, title) VALUES ($1, 'Specialist') RETURNING id`,
        [locationId],
      );
      const staffIds: number[] = [];
      for (const [name, specialization] of l.staff) {
        const [s] = await tx.query<{ id: number }>(
          `INSERT INTO staff(location_id, name, specialization, position_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [locationId, name, specialization, position!.id],
        );
        staffIds.push(s!.id);
      }
      const categories = new Map<string, number>();
      for (const [category, title, minutes, price] of l.services) {
        let categoryId = categories.get(category);
        if (!categoryId) {
          const [c] = await tx.query<{ id: number }>(
            `INSERT INTO service_categories(location_id, title) VALUES ($1, $2) RETURNING id`,
            [locationId, category],
          );
          categoryId = c!.id;
          categories.set(category, categoryId);
        }
        const [service] = await tx.query<{ id: number }>(
          `INSERT INTO services(location_id, category_id, title, duration_seconds, price_min, price_max)
           VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
          [locationId, categoryId, title, minutes * 60, price],
        );
        for (const staffId of staffIds)
          await tx.query('INSERT INTO service_staff(service_id, staff_id) VALUES ($1, $2)', [
            service!.id,
            staffId,
          ]);
      }
      const [resource] = await tx.query<{ id: number }>(
        `INSERT INTO resources(location_id, title, description) VALUES ($1, 'Treatment room', 'Private room') RETURNING id`,
        [locationId],
      );
      await tx.query(
        `INSERT INTO resource_instances(resource_id, title) VALUES ($1, 'Room 1'), ($1, 'Room 2')`,
        [resource!.id],
      );
      await seedBookings(tx, locationId, l.timezone, staffIds);
    }
    return { chainId, locationIds };
  });
}

const DEMO_CLIENTS: [name: string, phone: string][] = [
  ['Erika Mustermann', '+4915112345678'],
  ['John Smith', '+12125550187'],
  ['Aiko Tanaka', '+819012345678'],
];

/**
 * 60 days of schedules (Mon–Sat 09:00–13:00 and 14:00–19:00, local to the location), a few
 * clients, and appointments for them on the next working days, with their time held like any
 * booking so that the demo's free slots are real.
 */
async function seedBookings(
  tx: Queryable,
  locationId: number,
  timezone: string,
  staffIds: number[],
) {
  await tx.query(
    `INSERT INTO staff_schedules(staff_id, date, slots)
     SELECT s, d::date, '[{"from":"09:00","to":"13:00"},{"from":"14:00","to":"19:00"}]'::jsonb
       FROM unnest($1::int[]) s, generate_series(current_date, current_date + 59, '1 day') d
      WHERE extract(isodow FROM d) < 7`,
    [staffIds],
  );
  const clientIds: number[] = [];
  for (const [name, phone] of DEMO_CLIENTS) {
    const [client] = await tx.query<{ id: number }>(
      'INSERT INTO clients(location_id, name, phone) VALUES ($1, $2, $3) RETURNING id',
      [locationId, name, phone],
    );
    clientIds.push(client!.id);
  }
  const [service] = await tx.query<{ id: number; duration_seconds: number; price_min: number }>(
    'SELECT id, duration_seconds, price_min FROM services WHERE location_id = $1 ORDER BY id LIMIT 1',
    [locationId],
  );
  for (const [i, clientId] of clientIds.entries()) {
    const staffId = staffIds[i % staffIds.length]!;
    const [record] = await tx.query<{ id: number; starts_at: Date; ends_at: Date }>(
      `INSERT INTO records(location_id, staff_id, client_id, starts_at, ends_at, source, hash_digest)
       SELECT $1, $2, $3, t, t + make_interval(secs => $4), $5, md5(random()::text)
         FROM (SELECT ((d::date + time '10:00') AT TIME ZONE $7) AS t
                 FROM generate_series(current_date + 1, current_date + 14, '1 day') d
                WHERE extract(isodow FROM d) < 7
                ORDER BY d OFFSET $6::int - 1 LIMIT 1) x
       RETURNING id, starts_at, ends_at`,
      [
        locationId,
        staffId,
        clientId,
        service!.duration_seconds,
        i % 2 ? 'back_office' : 'online',
        1 + i,
        timezone,
      ],
    );
    await tx.query(
      `INSERT INTO record_services(record_id, position, service_id, starts_at, ends_at, first_cost, cost)
       VALUES ($1, 0, $2, $3, $4, $5, $5)`,
      [record!.id, service!.id, record!.starts_at, record!.ends_at, service!.price_min],
    );
    await tx.query(
      'INSERT INTO staff_occupancy(staff_id, record_id, during) VALUES ($1, $2, tstzrange($3, $4))',
      [staffId, record!.id, record!.starts_at, record!.ends_at],
    );
  }
}
