import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { book, makeSalon, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
  const make = async (key: string, body: Record<string, unknown>) => {
    const res = await book(t, s, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.record.id;
  };
  // 00:30 local on Jan 2 is still Jan 1 in UTC: the local date decides.
  await make('lateNight', { datetime: '2027-01-02 00:30:00' });
  await make('annaMorning', { datetime: '2027-01-03 09:00:00' });
  await make('benMorning', {
    staff_id: s.ben.id,
    datetime: '2027-01-03 09:00:00',
    client: { phone: '+49 151 99999999', name: 'Other' },
  });
  await make('deleted', { datetime: '2027-01-03 15:00:00' });
  expect((await api(t).del(`/record/${s.loc}/${ids.deleted}`, s.admin)).status).toBe(204);
});
afterAll(() => t.close());

const list = async (query: string, who: { token: string } | null = s.admin) =>
  api(t).get(`/records/${s.loc}?${query}`, who);
const idsOf = (res: { body: { data: { id: number }[] } }) => res.body.data.map((r) => r.id);

describe('GET /records/{company_id}', () => {
  it('lists live appointments by start with {page, total_count}', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([ids.lateNight, ids.annaMorning, ids.benMorning]);
    expect(res.body.meta).toEqual({ page: 1, total_count: 3 });
  });

  it('filters by local start dates in the location’s zone', async () => {
    expect(idsOf(await list('start_date=2027-01-02&end_date=2027-01-02'))).toEqual([ids.lateNight]);
    expect(idsOf(await list('start_date=2027-01-03'))).toEqual([ids.annaMorning, ids.benMorning]);
    expect(idsOf(await list('end_date=2027-01-01'))).toEqual([]);
  });

  it('filters by team member, client and creator; includes deleted on request', async () => {
    expect(idsOf(await list(`staff_id=${s.ben.id}`))).toEqual([ids.benMorning]);
    const ben = await api(t).get(`/record/${s.loc}/${ids.benMorning}`, s.admin);
    expect(idsOf(await list(`client_id=${ben.body.data.client.id}`))).toEqual([ids.benMorning]);
    expect(idsOf(await list(`created_user_id=${s.owner.id}`))).toEqual([]);
    expect(idsOf(await list('with_deleted=1&start_date=2027-01-03'))).toContain(ids.deleted);
    expect(idsOf(await list('with_deleted=true&start_date=2027-01-03'))).toContain(ids.deleted);
  });

  it('filters by creation and change time', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await list(`c_start_date=${today}`).then(idsOf)).toHaveLength(3);
    expect(await list('c_end_date=2020-01-01').then(idsOf)).toEqual([]);
    expect(await list('changed_after=2099-01-01T00:00:00Z').then(idsOf)).toEqual([]);
    expect(await list('changed_before=2099-01-01T00:00:00%2B01:00').then(idsOf)).toHaveLength(3);
  });

  it('pages with page and count', async () => {
    const second = await list('count=2&page=2');
    expect(idsOf(second)).toEqual([ids.benMorning]);
    expect(second.body.meta).toEqual({ page: 2, total_count: 3 });
  });

  it('answers the canonical path; staff may read', async () => {
    const res = await api(t).get(`/locations/${s.loc}/appointments`, s.staff);
    expect(res.status).toBe(200);
    expect(idsOf(res)).toHaveLength(3);
  });

  it('is 400 naming the field for a malformed query, 422 for an impossible date', async () => {
    const bad = await list('start_date=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.meta.errors).toHaveProperty('start_date');
    const impossible = await list('start_date=2027-02-30');
    expect(impossible.status).toBe(422);
    expect(impossible.body.meta.errors).toHaveProperty('start_date');
    // Not a date-time at all: the query's shape is wrong (400), like start_date above.
    const changed = await list('changed_after=soon');
    expect(changed.status).toBe(400);
    expect(changed.body.meta.errors).toHaveProperty('changed_after');
  });

  it('is 401 without a user, 403 for another chain, 404 for an unknown location', async () => {
    expect((await list('', null)).status).toBe(401);
    expect((await list('', s.outsider)).status).toBe(403);
    expect((await api(t).get('/records/999999', s.owner)).status).toBe(404);
  });
});
