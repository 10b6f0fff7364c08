import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { createCardType, createProgram, issueCard } from './support/loyalty';
import { createTestApp, makeTenant, type TestApp } from './support/test-app';

describe('loyalty card types: edit and delete (Visita paths)', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
    base = `/chain/${chainId}/loyalty/card_types`;
  });
  afterAll(() => t.close());

  const listed = async () =>
    (await api(t).get(base, tenant.owner)).body.data as { id: number; title: string }[];

  it('an edit round-trips: the new title and locations are read back, an issued card keeps its type', async () => {
    const http = api(t);
    const type = await createCardType(t, chainId, tenant.owner, 'Silver');
    const card = await issueCard(t, tenant.location.id, tenant.owner, type.id, '+4915100001001');
    const put = await http.put(`${base}/${type.id}`, tenant.owner, {
      title: '  Gold  ',
      salon_ids: [tenant.location.id],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.data).toEqual({
      id: type.id,
      title: 'Gold',
      salon_group_id: chainId,
      salon_ids: [tenant.location.id],
    });
    expect((await listed()).find((x) => x.id === type.id)?.title).toBe('Gold');
    const [kept] = await t.db.query<{ type_id: number }>(
      'SELECT type_id FROM loyalty_cards WHERE id = $1 AND deleted_at IS NULL',
      [card.id],
    );
    expect(kept?.type_id).toBe(type.id);
    // Back to every location.
    const every = await http.put(`${base}/${type.id}`, tenant.owner, {
      title: 'Gold',
      salon_ids: [],
    });
    expect(every.body.data.salon_ids).toEqual([]);
  });

  it('bad input is 422 naming the field and changes nothing', async () => {
    const http = api(t);
    const type = await createCardType(t, chainId, tenant.owner, 'Bronze');
    const foreign = await http.put(`${base}/${type.id}`, tenant.owner, {
      title: 'Other',
      salon_ids: [tenant.otherLocation.id],
    });
    expect(foreign.status).toBe(422);
    expect(JSON.stringify(foreign.body)).toContain('salon_ids');
    const blank = await http.put(`${base}/${type.id}`, tenant.owner, { title: '   ' });
    expect(blank.status).toBe(422);
    expect(JSON.stringify(blank.body)).toContain('title');
    expect((await listed()).find((x) => x.id === type.id)?.title).toBe('Bronze');
  });

  it('delete is refused (409) while a card of the type is issued, then allowed once it is gone', async () => {
    const http = api(t);
    const type = await createCardType(t, chainId, tenant.owner, 'Issued');
    const card = await issueCard(t, tenant.location.id, tenant.owner, type.id, '+4915100001002');
    const refused = await http.del(`${base}/${type.id}`, tenant.owner);
    expect(refused.status).toBe(409);
    expect(refused.body.meta.message).toMatch(/1 card of this type is issued/);
    expect((await listed()).some((x) => x.id === type.id)).toBe(true);
    expect(
      (await http.del(`/loyalty/cards/${tenant.location.id}/${card.id}`, tenant.owner)).status,
    ).toBeLessThan(300);
    const done = await http.del(`${base}/${type.id}`, tenant.owner);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ success: true, data: null, meta: [] });
    expect((await listed()).some((x) => x.id === type.id)).toBe(false);
    expect((await http.put(`${base}/${type.id}`, tenant.owner, { title: 'Back' })).status).toBe(
      404,
    );
  });

  it('delete is refused (409) while a program names the type, with the program named', async () => {
    const http = api(t);
    const type = await createCardType(t, chainId, tenant.owner, 'Programmed');
    const program = await createProgram(t, chainId, tenant.owner, type.id, { title: 'Autumn 10%' });
    const refused = await http.del(`${base}/${type.id}`, tenant.owner);
    expect(refused.status).toBe(409);
    expect(refused.body.meta.message).toContain('"Autumn 10%"');
    expect(
      (await http.del(`/chain/${chainId}/loyalty/programs/${program.id}`, tenant.owner)).status,
    ).toBeLessThan(300);
    expect((await http.del(`${base}/${type.id}`, tenant.owner)).status).toBe(200);
  });

  it('rights: 403 without the chain catalog:write right, 404 for another chain’s type', async () => {
    const http = api(t);
    const type = await createCardType(t, chainId, tenant.owner, 'Guarded');
    expect((await http.put(`${base}/${type.id}`, tenant.admin, { title: 'X' })).status).toBe(403);
    expect((await http.del(`${base}/${type.id}`, tenant.admin)).status).toBe(403);
    expect((await http.del(`${base}/${type.id}`, tenant.outsider)).status).toBe(403);
    expect((await http.put(`${base}/${type.id}`, null, { title: 'X' })).status).toBe(401);
    const other = tenant.otherLocation.chainId;
    const foreign = await createCardType(t, other, tenant.outsider, 'Theirs');
    expect((await http.put(`${base}/${foreign.id}`, tenant.owner, { title: 'Mine' })).status).toBe(
      404,
    );
    expect((await http.del(`${base}/${foreign.id}`, tenant.owner)).status).toBe(404);
    const theirs = (await http.get(`/chain/${other}/loyalty/card_types`, tenant.outsider)).body
      .data as { id: number; title: string }[];
    expect(theirs.find((x) => x.id === foreign.id)?.title).toBe('Theirs');
    expect((await listed()).find((x) => x.id === type.id)?.title).toBe('Guarded');
  });
});

describe('a program’s company_ids (Visita read field)', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
  });
  afterAll(() => t.close());

  it('[] (every location, also ones added later) reads back as [], apart from a pinned list', async () => {
    const chainId = tenant.location.chainId;
    const type = await createCardType(t, chainId, tenant.owner, 'Any');
    const every = await createProgram(t, chainId, tenant.owner, type.id, { company_ids: [] });
    const pinned = await createProgram(t, chainId, tenant.owner, type.id, {
      company_ids: [tenant.location.id],
    });
    const read = async (id: number) =>
      (await api(t).get(`/chain/${chainId}/loyalty/programs/${id}?include=companies`, tenant.owner))
        .body as unknown as { company_ids: number[]; companies: { id: number }[] };
    const a = await read(every.id);
    expect(a.company_ids).toEqual([]);
    expect(a.companies.map((c) => c.id)).toEqual([tenant.location.id]);
    const b = await read(pinned.id);
    expect(b.company_ids).toEqual([tenant.location.id]);
    expect(b.companies.map((c) => c.id)).toEqual([tenant.location.id]);
  });
});
