import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { addClient } from './support/clients';
import { book, makeSalon, outboxOf, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let s: Salon;

beforeAll(async () => {
  t = await createTestApp();
  s = await makeSalon(t);
});
afterAll(() => t.close());

describe('DELETE /client/{company_id}/{id}', () => {
  it('soft-deletes: 204, then 404; the appointments keep their client', async () => {
    const client = await addClient(t, s.loc, s.admin, { name: 'Leaving', phone: '+4915111110070' });
    const visit = await book(t, s, {
      client: { phone: '+4915111110070' },
      datetime: '2026-11-10 12:00:00',
    });
    expect(visit.record.client.id).toBe(client.id);
    const res = await api(t).del(`/client/${s.loc}/${client.id}`, s.admin);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect((await api(t).get(`/client/${s.loc}/${client.id}`, s.admin)).status).toBe(404);
    expect((await api(t).del(`/client/${s.loc}/${client.id}`, s.admin)).status).toBe(404);
    const record = await api(t).get(`/record/${s.loc}/${visit.record.id}`, s.admin);
    expect(record.body.data.client).toMatchObject({ id: client.id, name: 'Leaving' });
    // The phone is free again for a new card.
    await addClient(t, s.loc, s.admin, { name: 'Back again', phone: '+4915111110070' });
    const events = await outboxOf(t, s.loc);
    expect(events.some((e) => e.type === 'client.deleted' && e.aggregate_id === client.id)).toBe(
      true,
    );
  });

  it('is 404 for another location’s client (which stays), 403 for staff, 401 without a user', async () => {
    const theirs = await addClient(t, s.otherLocation.id, s.outsider, {
      name: 'Theirs',
      phone: '+4915111110071',
    });
    expect((await api(t).del(`/locations/${s.loc}/clients/${theirs.id}`, s.admin)).status).toBe(
      404,
    );
    expect(
      (await api(t).get(`/client/${s.otherLocation.id}/${theirs.id}`, s.outsider)).status,
    ).toBe(200);
    const mine = await addClient(t, s.loc, s.admin, { name: 'Mine', phone: '+4915111110072' });
    expect((await api(t).del(`/client/${s.loc}/${mine.id}`, s.staff)).status).toBe(403);
    expect((await api(t).del(`/client/${s.loc}/${mine.id}`, s.outsider)).status).toBe(403);
    expect((await api(t).del(`/client/${s.loc}/${mine.id}`, null)).status).toBe(401);
    expect((await api(t).get(`/client/${s.loc}/${mine.id}`, s.admin)).status).toBe(200);
  });
});
