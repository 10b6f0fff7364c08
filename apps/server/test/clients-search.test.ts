import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { addClient, idsOf } from './support/clients';
import { book, makeSalon, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;
const c: Record<string, { id: number }> = {};
let vip: number;

/**
 * Four clients of one salon (now = 2026-11-28 10:00Z):
 * anna  — 2 past visits with Anna (cut 40 + cut 40), VIP, gold, female, born 03-15, has the app
 * boris — 1 past visit with Ben (wash 10) + an upcoming one, male, born 12-28, opening spent 500
 * clara — no visits, email clara@mail.test, card 7788
 * dmitri — 1 no-show with Anna (not a visit), born 01-05
 * And a client of another chain with the same name as anna, who must never appear.
 */
beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
  const vipRes = await api(t).post(`/labels/${s.loc}/clients/create`, s.admin, {
    title: 'VIP',
    color: '#E8D313',
  });
  vip = vipRes.body.data.id;
  c.anna = await addClient(t, s.loc, s.admin, {
    name: 'Anna Petrova',
    phone: '+4915122220001',
    sex_id: 2,
    importance_id: 3,
    birth_date: '1985-03-15',
    categories: [vip],
    discount: 10,
  });
  await t.db.query('UPDATE clients SET has_app = true WHERE id = $1', [c.anna.id]);
  c.boris = await addClient(t, s.loc, s.admin, {
    name: 'Boris',
    phone: '+4915122220002',
    sex_id: 1,
    birth_date: '1979-12-28',
    spent: 500,
  });
  c.clara = await addClient(t, s.loc, s.admin, {
    name: 'Clara',
    phone: '+4915122220003',
    email: 'clara@mail.test',
    card: '7788',
  });
  c.dmitri = await addClient(t, s.loc, s.admin, {
    name: 'Dmitri',
    phone: '+4915122220004',
    birth_date: '2001-01-05',
  });
  c.stranger = await addClient(t, s.otherLocation.id, s.outsider, {
    name: 'Anna Petrova',
    phone: '+4915122220001',
  });
  const visit = async (phone: string, datetime: string, extra: Record<string, unknown> = {}) => {
    const res = await book(t, s, { client: { phone }, datetime, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.record.id as number;
  };
  await visit('+4915122220001', '2026-10-01 10:00:00');
  await visit('+4915122220001', '2026-11-01 10:00:00');
  await visit('+4915122220002', '2026-11-05 10:00:00', {
    staff_id: s.ben.id,
    services: [{ id: s.wash.id }],
  });
  await visit('+4915122220002', '2026-12-10 10:00:00', { staff_id: s.ben.id });
  const noShow = await visit('+4915122220004', '2026-11-06 10:00:00');
  await api(t).post(`/company/${s.loc}/records/${noShow}/attendance`, s.admin, {
    attendance: -1,
  });
});
afterAll(() => t.close());

const search = (body: Record<string, unknown>, who: { token: string } | null = s.admin) =>
  api(t).post(`/company/${s.loc}/clients/search`, who, body);
const filter = (type: string, state: unknown) => ({ filters: [{ type, state }] });

describe('POST /company/{company_id}/clients/search', () => {
  it('lists the location’s live clients by id with meta.total_count', async () => {
    const res = await search({});
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([c.anna!.id, c.boris!.id, c.clara!.id, c.dmitri!.id]);
    expect(res.body.meta).toEqual({ total_count: 4 });
    expect(res.body.data[0]).toMatchObject({
      name: 'Anna Petrova',
      categories: [{ id: vip, title: 'VIP', color: '#e8d313' }],
      visits: 2,
      visits_count: 2,
      sold_amount: 80,
      first_visit_date: expect.stringMatching(/^2026-10-01T/),
      last_visit_date: expect.stringMatching(/^2026-11-01T/),
      has_app: true,
    });
  });

  it('answers only the requested fields', async () => {
    const res = await search({ fields: ['id', 'name'], page_size: 1 });
    expect(res.body.data).toEqual([{ id: c.anna!.id, name: 'Anna Petrova' }]);
  });

  it('pages with page and page_size', async () => {
    const res = await search({ page: 2, page_size: 3 });
    expect(idsOf(res)).toEqual([c.dmitri!.id]);
    expect(res.body.meta.total_count).toBe(4);
  });

  it('orders by name, spent, visits and last visit in either direction (lowercase too)', async () => {
    const order = async (order_by: string, order_by_direction: string) =>
      idsOf(await search({ order_by, order_by_direction, fields: ['id'] }));
    expect(await order('name', 'desc')).toEqual([
      c.dmitri!.id,
      c.clara!.id,
      c.boris!.id,
      c.anna!.id,
    ]);
    expect(await order('sold_amount', 'DESC')).toEqual([
      c.boris!.id,
      c.anna!.id,
      c.clara!.id,
      c.dmitri!.id,
    ]);
    expect((await order('visits_count', 'DESC')).slice(0, 2)).toEqual([c.anna!.id, c.boris!.id]);
    // Clients without visits come last whatever the direction.
    expect(await order('last_visit_date', 'ASC')).toEqual([
      c.anna!.id,
      c.boris!.id,
      c.clara!.id,
      c.dmitri!.id,
    ]);
  });

  it.each([
    ['id', { value: [0] }],
    ['id', { value: [9999999999] }],
    ['quick_search', { value: ['x'] }],
    ['has_mobile_app', { value: 'maybe' }],
    ['sold_amount', { from: 'lots' }],
    ['importance', { value: [7] }],
    ['birthday', { from: '2000-02-30', to: '2000-03-01' }],
    ['record', { status: { value: [5] } }],
    ['record', { created: { from: 'yesterday' } }],
    ['record', { records_count: { from: 1.5 } }],
    ['sale', { abonement_balance: { from: 2, to: 3 } }],
    ['no_such_filter', {}],
  ])('refuses a bad %s filter with 400 naming filters', async (type, state) => {
    const res = await search(filter(type, state));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, data: null });
    expect(res.body.meta.message).toMatch(/^Invalid filter value/);
    expect(res.body.meta.errors.filters).toHaveLength(1);
  });

  it('is 422 naming the field for a bad page_size, order_by or fields', async () => {
    for (const [body, field] of [
      [{ page_size: 201 }, 'page_size'],
      [{ order_by: 'age' }, 'order_by'],
      [{ fields: ['password'] }, 'fields.0'],
    ] as const) {
      const res = await search(body);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.meta.errors)).toContain(field);
    }
  });

  it('is 401 without a user, 403 for staff and another chain, 404 for an unknown location', async () => {
    expect((await search({}, null)).status).toBe(401);
    expect((await search({}, s.staff)).status).toBe(403);
    expect((await search({}, s.outsider)).status).toBe(403);
    expect((await api(t).post('/company/99999999/clients/search', s.admin, {})).status).toBe(404);
  });

  it('answers the canonical path', async () => {
    const res = await api(t).post(`/locations/${s.loc}/clients/search`, s.owner, {
      fields: ['id'],
    });
    expect(res.status).toBe(200);
    expect(res.body.meta.total_count).toBe(4);
  });
});

describe('clients search filters', () => {
  const ids = async (body: Record<string, unknown>) => {
    const res = await search({ ...body, fields: ['id'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return idsOf(res);
  };

  it('id, quick_search (name, phone digits, email) and has_mobile_app', async () => {
    expect(await ids(filter('id', { value: [c.clara!.id, c.stranger!.id] }))).toEqual([
      c.clara!.id,
    ]);
    expect(await ids(filter('quick_search', { value: 'petrov' }))).toEqual([c.anna!.id]);
    expect(await ids(filter('quick_search', { value: '2220002' }))).toEqual([c.boris!.id]);
    expect(await ids(filter('quick_search', { value: 'MAIL.test' }))).toEqual([c.clara!.id]);
    expect(await ids(filter('quick_search', { value: '100%' }))).toEqual([]);
    expect(await ids(filter('quick_search', { value: '' }))).toHaveLength(4);
    expect(await ids(filter('has_mobile_app', { value: true }))).toEqual([c.anna!.id]);
    expect(await ids(filter('has_mobile_app', { value: false }))).not.toContain(c.anna!.id);
  });

  it('sold_amount, importance, gender, category and birthday (month-day, over new year)', async () => {
    expect(await ids(filter('sold_amount', { from: 50, to: 100 }))).toEqual([c.anna!.id]);
    expect(await ids(filter('sold_amount', { from: 500 }))).toEqual([c.boris!.id]);
    expect(await ids(filter('importance', { value: [3] }))).toEqual([c.anna!.id]);
    expect(await ids(filter('gender', { value: [1, 2] }))).toEqual([c.anna!.id, c.boris!.id]);
    expect(await ids(filter('category', { value: [vip] }))).toEqual([c.anna!.id]);
    expect(await ids(filter('birthday', { from: '2000-12-20', to: '2000-01-10' }))).toEqual([
      c.boris!.id,
      c.dmitri!.id,
    ]);
    expect(await ids(filter('birthday', { from: '2000-03-01', to: '2000-03-31' }))).toEqual([
      c.anna!.id,
    ]);
  });

  it('record: team member, service, status, dates, count and amount', async () => {
    const record = (state: unknown) => ids(filter('record', state));
    expect(await record({ staff: { value: [s.ben.id] } })).toEqual([c.boris!.id]);
    expect(await record({ service: { value: [s.wash.id] } })).toEqual([c.boris!.id]);
    expect(await record({ status: { value: [-1] } })).toEqual([c.dmitri!.id]);
    expect(await record({ start: { from: '2026-12-01', to: '2026-12-31' } })).toEqual([
      c.boris!.id,
    ]);
    expect(await record({ created: { from: '2020-01-01', to: '2020-12-31' } })).toEqual([]);
    expect(await record({ records_count: { from: 2 } })).toEqual([c.anna!.id, c.boris!.id]);
    expect(await record({ staff: { value: [s.anna.id] }, sold_amount: { from: 60 } })).toEqual([
      c.anna!.id,
    ]);
  });

  it('client {id, birthday} and the OR operation', async () => {
    expect(
      await ids(
        filter('client', {
          id: { value: [c.anna!.id, c.dmitri!.id] },
          birthday: { from: '2000-01-01', to: '2000-01-31' },
        }),
      ),
    ).toEqual([c.dmitri!.id]);
    const either = {
      operation: 'OR',
      filters: [
        { type: 'importance', state: { value: [3] } },
        { type: 'quick_search', state: { value: 'Clara' } },
      ],
    };
    expect(await ids(either)).toEqual([c.anna!.id, c.clara!.id]);
    expect(await ids({ ...either, operation: 'AND' })).toEqual([]);
  });
});

describe('GET /clients/{company_id} (deprecated)', () => {
  const list = (query: string, who: { token: string } | null = s.admin) =>
    api(t).get(`/clients/${s.loc}?${query}`, who);

  it('lists full clients with {page, total_count} and filters by substrings', async () => {
    const all = await list('count=2');
    expect(all.status).toBe(200);
    expect(idsOf(all)).toEqual([c.anna!.id, c.boris!.id]);
    expect(all.body.meta).toEqual({ page: 1, total_count: 4 });
    expect(all.body.data[0]).toHaveProperty('importance', 'Gold');
    expect(idsOf(await list('fullname=petro'))).toEqual([c.anna!.id]);
    expect(idsOf(await list('phone=2220003'))).toEqual([c.clara!.id]);
    expect(idsOf(await list('email=clara@'))).toEqual([c.clara!.id]);
    expect(idsOf(await list('card=778'))).toEqual([c.clara!.id]);
    expect(idsOf(await list('paid_min=100'))).toEqual([c.boris!.id]);
    expect(idsOf(await list(`id[]=${c.boris!.id}&id[]=${c.dmitri!.id}`))).toEqual([
      c.boris!.id,
      c.dmitri!.id,
    ]);
    expect(idsOf(await list(`id=${c.clara!.id}`))).toEqual([c.clara!.id]);
    expect(idsOf(await list('changed_after=2099-01-01T00:00:00'))).toEqual([]);
    expect(idsOf(await list('changed_before=2099-01-01T00:00:00%2B01:00'))).toHaveLength(4);
  });

  it('is 400 naming the field for a bad query, 401/403 as the search', async () => {
    const bad = await list('changed_after=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.meta.errors).toHaveProperty('changed_after');
    expect((await list('page=0')).status).toBe(400);
    expect((await list('', null)).status).toBe(401);
    expect((await list('', s.staff)).status).toBe(403);
    expect((await list('', s.outsider)).status).toBe(403);
    const canonical = await api(t).get(`/locations/${s.loc}/clients`, s.admin);
    expect(canonical.body.meta.total_count).toBe(4);
  });
});
