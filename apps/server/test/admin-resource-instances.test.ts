import { makeAppointment, makeService, makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogWorld, type api, type Catalog, type Tenant } from './support/catalog';
import { authHeader, call, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Tenant;
let http: ReturnType<typeof api>;
let cat: Catalog;
let theirs: Catalog;
let loc: number;

beforeAll(async () => ({ t, http, tenant, loc, cat, theirs } = await openCatalogWorld()));
afterAll(() => t.close());

type Instance = { id: number; title: string };
const put = (resourceId: number, who: { token: string } | null, instances: unknown, at = loc) =>
  call(t.app, {
    method: 'PUT',
    url: `/api/admin/v1/locations/${at}/resources/${resourceId}/instances`,
    headers: authHeader(t.partnerToken, who?.token),
    payload: { instances },
  });
const instancesOf = async (resourceId: number): Promise<Instance[]> => {
  const res = await http.get(`/resource/${loc}/${resourceId}`, tenant.owner);
  expect(res.status).toBe(200);
  return (res.body.data.instances as Instance[]).map(({ id, title }) => ({ id, title }));
};
const newResource = async (count: number) => {
  const res = await http.post(`/resources/${loc}`, tenant.owner, { title: 'Room', count });
  expect(res.status).toBe(201);
  return { id: res.body.data.id as number, instances: res.body.data.instances as Instance[] };
};
/** An appointment at `start` that holds `instanceId` for an hour, as the booking engine writes it. */
const holdAt = async (instanceId: number, start: string) => {
  const staff = await makeStaff(t.db, loc, { name: 'Holder' });
  const service = await makeService(t.db, loc, { minutes: 60, staffIds: [staff.id] });
  const record = await makeAppointment(t.db, {
    locationId: loc,
    staffId: staff.id,
    serviceIds: [service.id],
    phone: `+49151${Math.floor(Math.random() * 1e7)}`,
    start,
  });
  await t.db.query(
    `INSERT INTO resource_occupancy(resource_instance_id, record_id, during)
     VALUES ($1, $2, tstzrange($3::timestamptz, $3::timestamptz + interval '1 hour'))`,
    [instanceId, record.id, start],
  );
  return record.id;
};
/** "YYYY-MM-DD HH:MM" of an instant in the location's zone. */
const localMinute = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: tenant.location.timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));

describe('PUT /api/admin/v1/locations/{id}/resources/{rid}/instances', () => {
  it('renames, adds and removes instances in one call; the Altegio list shows the result', async () => {
    const [first, second] = (await instancesOf(cat.resourceId)) as [Instance, Instance];
    const res = await put(cat.resourceId, tenant.owner, [
      { id: first.id, title: 'Basin by the window' },
      { title: 'Basin 3' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await instancesOf(cat.resourceId);
    expect(after.map((i) => i.title)).toEqual(['Basin by the window', 'Basin 3']);
    expect(after[0]!.id).toBe(first.id);
    expect(after.map((i) => i.id)).not.toContain(second.id);
    expect(res.body.data.instances).toEqual(
      after.map((i) => ({ ...i, resource_id: cat.resourceId })),
    );
  });

  it('refuses to remove an instance booked from now on, naming it and the local time; nothing changes', async () => {
    const room = await newResource(2);
    const [a, b] = room.instances as [Instance, Instance];
    const start = '2026-12-03T09:00:00Z'; // after the test clock's now
    const recordId = await holdAt(b.id, start);
    const res = await put(room.id, tenant.owner, [{ id: a.id, title: 'Renamed' }]);
    expect(res.status).toBe(409);
    expect(res.body.meta.message).toBe(
      `Room #2 is booked on ${localMinute(start)} (appointment ${recordId}): move or cancel those appointments before removing it`,
    );
    expect(await instancesOf(room.id)).toEqual([
      { id: a.id, title: 'Room #1' },
      { id: b.id, title: 'Room #2' },
    ]);
  });

  it('removes an instance whose appointments are over or cancelled', async () => {
    const room = await newResource(2);
    const [a, b] = room.instances as [Instance, Instance];
    await holdAt(b.id, '2026-11-20T09:00:00Z'); // a week before the test clock
    const cancelled = await holdAt(a.id, '2026-12-05T09:00:00Z');
    await t.db.query('UPDATE records SET deleted_at = now() WHERE id = $1', [cancelled]);
    const res = await put(room.id, tenant.owner, [{ id: a.id, title: a.title }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await instancesOf(room.id)).toEqual([{ id: a.id, title: 'Room #1' }]);
  });

  it('refuses bad lists with 422 naming the field, and changes nothing', async () => {
    const room = await newResource(1);
    const [a] = room.instances as [Instance];
    const foreign = (await instancesOf(cat.resourceId))[0]!;
    const cases: [unknown, string][] = [
      [[], 'instances'],
      [[{ id: foreign.id, title: 'Stolen' }], 'instances.0.id'],
      [
        [
          { id: a.id, title: 'x' },
          { id: a.id, title: 'y' },
        ],
        'instances.1.id',
      ],
      [[{ id: a.id, title: '   ' }], 'instances.0.title'],
    ];
    for (const [instances, field] of cases) {
      const res = await put(room.id, tenant.owner, instances);
      expect(res.status, JSON.stringify(instances)).toBe(422);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect(await instancesOf(room.id)).toEqual([{ id: a.id, title: 'Room #1' }]);
  });

  it('needs catalog:write at the location; another location’s resource is 404', async () => {
    const room = await newResource(1);
    const [a] = room.instances as [Instance];
    const body = [{ id: a.id, title: 'Mine now' }];
    expect((await put(room.id, tenant.staff, body)).status).toBe(403);
    expect((await put(room.id, tenant.outsider, body)).status).toBe(403);
    expect((await put(room.id, null, body)).status).toBe(401);
    expect((await put(theirs.resourceId, tenant.owner, body)).status).toBe(404);
    expect((await put(room.id, tenant.admin, body)).status).toBe(200);
    expect(await instancesOf(room.id)).toEqual([{ id: a.id, title: 'Mine now' }]);
  });
});
