import { makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let anna: { id: number };
let elsewhere: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db, 'Asia/Kolkata');
  anna = await makeStaff(t.db, tenant.location.id, { name: 'Anna' });
  elsewhere = await makeStaff(t.db, tenant.otherLocation.id);
});
afterAll(() => t.close());

const admin = () => authHeader(t.partnerToken, tenant.admin.token);
const slots = [
  { from: '10:00', to: '14:00' },
  { from: '15:00', to: '23:15' },
];

function put(payload: object, headers = admin(), staffId = anna.id, companyId?: number) {
  return call(t.app, {
    method: 'PUT',
    url: `/api/v1/schedule/${companyId ?? tenant.location.id}/${staffId}`,
    headers,
    payload,
  });
}

function get(range: string, headers = admin(), staffId = anna.id, companyId?: number) {
  return call(t.app, {
    method: 'GET',
    url: `/api/v1/schedule/${companyId ?? tenant.location.id}/${staffId}/${range}`,
    headers,
  });
}

describe('PUT /schedule/{company_id}/{staff_id} (deprecated)', () => {
  it('stores working days and days off (201)', async () => {
    const res = await put([
      { date: '2026-12-01', is_working: 1, slots },
      { date: '2026-12-02', is_working: false, slots: [] },
      { date: '2026-12-03', is_working: true, slots: [{ from: '09:00', to: '24:00' }] },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual([
      { date: '2026-12-01', is_working: 1, slots },
      { date: '2026-12-02', is_working: 0, slots: [] },
      { date: '2026-12-03', is_working: 1, slots: [{ from: '09:00', to: '24:00' }] },
    ]);
  });

  it('refuses bad slots with 422 naming the field, writing nothing', async () => {
    const cases: [unknown, string][] = [
      [[{ from: '14:00', to: '12:00' }], '1.slots.0.to'],
      [[], '1.slots'],
      [
        [
          { from: '10:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ],
        '1.slots.1.from',
      ],
    ];
    for (const [bad, field] of cases) {
      const res = await put([
        { date: '2026-12-10', is_working: 1, slots },
        { date: '2026-12-11', is_working: 1, slots: bad },
      ]);
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty([field]);
    }
    const read = await get('2026-12-10/2026-12-10');
    expect(read.body.data).toEqual([{ date: '2026-12-10', is_working: 0, slots: [] }]);
  });

  it('refuses an impossible date naming it', async () => {
    const res = await put([{ date: '2026-02-29', is_working: 1, slots }]);
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['0.date']);
  });

  it('is 404 for a member of another location or an unknown location', async () => {
    const body = [{ date: '2026-12-12', is_working: 1, slots }];
    expect((await put(body, admin(), elsewhere.id)).status).toBe(404);
    expect((await put(body, admin(), anna.id, 999999)).status).toBe(404);
  });

  it('is 401 without a user and 403 for the staff role or another chain', async () => {
    const body = [{ date: '2026-12-13', is_working: 1, slots }];
    expect((await put(body, authHeader(t.partnerToken))).status).toBe(401);
    expect((await put(body, authHeader(t.partnerToken, tenant.staff.token))).status).toBe(403);
    expect((await put(body, authHeader(t.partnerToken, tenant.outsider.token))).status).toBe(403);
    const read = await get('2026-12-13/2026-12-13');
    expect(read.body.data[0].is_working).toBe(0);
  });
});

describe('GET /schedule/{company_id}/{staff_id}/{start_date}/{end_date} (deprecated)', () => {
  it('answers every date of the range, working or not', async () => {
    await put([{ date: '2026-12-21', is_working: 1, slots }]);
    const res = await get('2026-12-20/2026-12-22', authHeader(t.partnerToken, tenant.staff.token));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { date: '2026-12-20', is_working: 0, slots: [] },
      { date: '2026-12-21', is_working: 1, slots },
      { date: '2026-12-22', is_working: 0, slots: [] },
    ]);
    expect(res.body.meta).toEqual([]);
  });

  it('names the field of a bad range', async () => {
    const backwards = await get('2026-12-22/2026-12-20');
    expect(backwards.status).toBe(422);
    expect(backwards.body.meta.errors).toHaveProperty(['end_date']);
    const malformed = await get('2026-12-22/tomorrow');
    expect(malformed.status).toBe(400);
    expect(malformed.body.meta.errors).toHaveProperty(['end_date']);
  });

  it('is 401, 403 and 404 like the other schedule reads', async () => {
    expect((await get('2026-12-20/2026-12-22', authHeader(t.partnerToken))).status).toBe(401);
    const outsider = authHeader(t.partnerToken, tenant.outsider.token);
    expect((await get('2026-12-20/2026-12-22', outsider)).status).toBe(403);
    expect((await get('2026-12-20/2026-12-22', admin(), elsewhere.id)).status).toBe(404);
    expect((await get('2026-12-20/2026-12-22', admin(), anna.id, 999999)).status).toBe(404);
  });
});
