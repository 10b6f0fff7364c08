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
    }
    return { chainId, locationIds };
  });
}
