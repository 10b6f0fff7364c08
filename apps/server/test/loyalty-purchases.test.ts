import { makeAppUser } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../src/adapters/payments/signature';
import { appApi, nextPhone } from './support/cabinet';
import { createCertificateType, createMembershipType } from './support/loyalty';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

const SECRET = 'test-acquirer-secret';

/**
 * Online sales through the built-in test acquirer. Concurrency claims (parallel webhook
 * deliveries, double clicks) race for real on PostgreSQL; on PGlite the same tests prove the
 * retry behaviour only (deliveries are serialised there).
 */
describe('buying memberships and gift cards online', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  let loc: number;
  beforeAll(async () => {
    t = await createTestApp({ env: { VISITA_PAYMENT_TEST_SECRET: SECRET } });
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
    loc = tenant.location.id;
  });
  afterAll(() => t.close());

  const buyer = () => makeAppUser(t.db, { phone: nextPhone() });
  const checkout = (url: string, card: string) =>
    t.app.inject({
      method: 'POST',
      url: new URL(url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `card_number=${encodeURIComponent(card)}`,
    });
  const reference = (url: string) => new URL(url).pathname.split('/').pop()!;
  const webhook = (
    ref: string,
    type: string,
    amount: number,
    signWith = SECRET,
    at = t.clock.now().getTime(),
  ) => {
    const body = JSON.stringify({ id: 'evt_1', type, reference: ref, amount, currency: 'EUR' });
    return t.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/test',
      headers: {
        'content-type': 'application/json',
        'visita-signature': signPayload(signWith, body, at),
      },
      payload: body,
    });
  };
  const issuedFor = async (paymentId: number) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM certificates WHERE payment_id = $1)
              + (SELECT count(*) FROM memberships WHERE payment_id = $1) AS n`,
        [paymentId],
      )
    )[0]!.n;
  const eventsFor = (paymentId: number) =>
    t.db.query<{ payload: Record<string, unknown>; location_id: number }>(
      `SELECT payload, location_id FROM outbox_events WHERE type = 'payment.succeeded' AND aggregate_id = $1`,
      [paymentId],
    );

  it('offers: only types on online sale valid at the place', async () => {
    const on = await createCertificateType(t, chainId, tenant.owner, { title: 'On sale' });
    const off = await createCertificateType(t, chainId, tenant.owner, {
      title: 'Desk only',
      online_sale: { is_enabled: false },
    });
    const elsewhere = await createCertificateType(t, chainId, tenant.owner, {
      title: 'Elsewhere',
      salon_ids: [tenant.otherLocation.id],
    }).catch(() => null);
    const fixed = await createCertificateType(t, chainId, tenant.owner, {
      title: 'Until the end of 2027',
      expiration: { type_id: 1, date: '2027-12-31T23:59:59+00:00' },
    });
    const forever = await createCertificateType(t, chainId, tenant.owner, {
      title: 'No expiry',
      expiration: { type_id: 0 },
    });
    const m = await createMembershipType(t, chainId, tenant.owner);
    const res = await appApi(t)('GET', `/places/${loc}/offers`, await buyer());
    expect(res.status).toBe(200);
    const ids = res.body.data.map(
      (o: { kind: string; type_id: number }) => `${o.kind}:${o.type_id}`,
    );
    expect(ids).toContain(`certificate:${on.id}`);
    expect(ids).toContain(`membership:${m.id}`);
    expect(ids).not.toContain(`certificate:${off.id}`);
    expect(elsewhere).toBeNull(); // a location of another chain is refused at creation
    expect(
      res.body.data.find(
        (o: { kind: string; type_id: number }) => o.kind === 'certificate' && o.type_id === on.id,
      ),
    ).toMatchObject({
      price: 50,
      face_value: 50,
      validity: '6 months',
      valid_for: { period: { amount: 6, unit: 'month' }, until: null },
      currency: 'EUR',
    });
    // The apps render the validity in their own language from `valid_for`.
    const offer = (id: number) =>
      res.body.data.find(
        (o: { kind: string; type_id: number }) => o.type_id === id && o.kind === 'certificate',
      );
    expect(offer(fixed.id)).toMatchObject({
      validity: 'until 2027-12-31',
      valid_for: { period: null, until: '2027-12-31' },
    });
    expect(offer(forever.id)).toMatchObject({
      validity: 'no expiry',
      valid_for: { period: null, until: null },
    });
    const widget = await call(t.app, {
      method: 'GET',
      url: `/api/v1/book_loyalty_offers/${loc}`,
      headers: authHeader(t.partnerToken),
    });
    expect(widget.body.data).toHaveLength(res.body.data.length);
  });

  it('pay with 4242…: the gift card is issued once, the payment recorded, payment.succeeded in the outbox; retries change nothing', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner, {
      online_sale: { is_enabled: true, title: 'Gift 50', price: 45 },
    });
    const ana = await buyer();
    const app = appApi(t);
    const started = await app('POST', '/purchases', ana, {
      kind: 'certificate',
      type_id: type.id,
      location_id: loc,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.data).toMatchObject({
      status: 'pending',
      amount: 45,
      currency: 'EUR',
      title: 'Gift 50',
      item_id: null,
    });
    const url = started.body.data.checkout_url as string;
    expect(url).toMatch(/\/pay\/test\/tp_[0-9a-f]{32}\?return=/);
    // The hosted page (like a real acquirer's) sends the payer back to the app's purchase screen.
    expect(new URL(url).searchParams.get('return')).toBe('http://localhost:8080/app/purchases');
    const page = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('45.00 EUR');
    expect((await app('GET', '/gift-cards', ana)).body.data).toEqual([]);

    const unknownCard = await checkout(url, '1234 5678 9012 3456');
    expect(unknownCard.statusCode).toBe(422);
    const paid = await checkout(url, '4242 4242 4242 4242');
    expect(paid.body).toContain('data-status="succeeded"');
    const id = started.body.data.payment_id as number;
    const after = await app('GET', `/purchases/${id}`, ana);
    expect(after.body.data).toMatchObject({ status: 'succeeded', item_id: expect.any(Number) });
    const cards = (await app('GET', '/gift-cards', ana)).body.data;
    expect(cards).toEqual([
      expect.objectContaining({ id: after.body.data.item_id, balance: 50, face_value: 50 }),
    ]);

    expect((await checkout(url, '4242424242424242')).body).toContain('data-status="succeeded"'); // double click
    const retry = await webhook(reference(url), 'checkout.succeeded', 4500);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ received: true, applied: false });
    expect(await issuedFor(id)).toBe(1);
    const events = await eventsFor(id);
    expect(events).toEqual([
      {
        location_id: loc,
        payload: expect.objectContaining({
          paymentId: id,
          amount: 45,
          currency: 'EUR',
          itemKind: 'certificate',
          itemId: after.body.data.item_id,
          title: 'Gift 50',
          clientId: expect.any(Number),
        }),
      },
    ]);
    // The buyer became a client of the location (the event's clientId).
    const [client] = await t.db.query<{ phone: string }>(
      'SELECT phone FROM clients WHERE id = $1',
      [events[0]!.payload.clientId],
    );
    expect(client!.phone).toBe(ana.phone);
  });

  it('the checkout page links back only to our own origin (no open redirect)', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner);
    const started = await appApi(t)('POST', '/purchases', await buyer(), {
      kind: 'certificate',
      type_id: type.id,
      location_id: loc,
    });
    const url = new URL(started.body.data.checkout_url as string);
    const form = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(form.body).toContain('href="http://localhost:8080/app/purchases"');
    const paid = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'card_number=4242424242424242',
    });
    expect(paid.body).toContain('data-status="succeeded"');
    expect(paid.body).toContain('<a id="return" href="http://localhost:8080/app/purchases">');
    const foreign = `${url.pathname}?return=${encodeURIComponent('https://evil.example/app/purchases')}`;
    const page = await t.app.inject({ method: 'GET', url: foreign });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('evil.example');
    expect(page.body).not.toContain('id="return"');
  });

  it('a type on sale without any price is refused with its reason (purchase, no_online_price), nothing started', async () => {
    const free = await createMembershipType(t, chainId, tenant.owner, {
      title: 'Free trial',
      cost: 0,
      online_sale_price: 0,
    });
    const refused = await appApi(t)('POST', '/purchases', await buyer(), {
      kind: 'membership',
      type_id: free.id,
      location_id: loc,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.meta).toMatchObject({
      error_code: 'not_allowed',
      details: { action: 'purchase', reason: 'no_online_price' },
    });
    expect(refused.body.meta.errors).toHaveProperty('type_id');
    const [payments] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM payments WHERE item_kind = 'membership' AND item_type_id = $1",
      [free.id],
    );
    expect(payments!.n).toBe(0);
  });

  it('the decline card 4000…0002: nothing issued, the payment is declined; another user cannot see it', async () => {
    const type = await createMembershipType(t, chainId, tenant.owner);
    const bob = await buyer();
    const started = await appApi(t)('POST', '/purchases', bob, {
      kind: 'membership',
      type_id: type.id,
      location_id: loc,
    });
    const declined = await checkout(started.body.data.checkout_url, '4000 0000 0000 0002');
    expect(declined.body).toContain('data-status="declined"');
    const id = started.body.data.payment_id as number;
    expect((await appApi(t)('GET', `/purchases/${id}`, bob)).body.data.status).toBe('declined');
    expect(await issuedFor(id)).toBe(0);
    expect(await eventsFor(id)).toEqual([]);
    // A success webhook after the decline does not issue either: the payment is settled.
    expect(
      (await webhook(reference(started.body.data.checkout_url), 'checkout.succeeded', 9900)).json(),
    ).toEqual({ received: true, applied: false });
    expect(await issuedFor(id)).toBe(0);
    expect((await appApi(t)('GET', `/purchases/${id}`, await buyer())).status).toBe(404);
  });

  it('webhooks: bad or stale signature 401, amount mismatch 422, unknown provider 404 — nothing issued', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner);
    const started = await appApi(t)('POST', '/purchases', await buyer(), {
      kind: 'certificate',
      type_id: type.id,
      location_id: loc,
    });
    const ref = reference(started.body.data.checkout_url);
    expect((await webhook(ref, 'checkout.succeeded', 5000, 'wrong-secret')).statusCode).toBe(401);
    expect(
      (
        await webhook(
          ref,
          'checkout.succeeded',
          5000,
          SECRET,
          t.clock.now().getTime() - 10 * 60_000,
        )
      ).statusCode,
    ).toBe(401);
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/test',
      headers: {
        'content-type': 'application/json',
        'visita-signature': signPayload(SECRET, '{"a":1}', t.clock.now().getTime()),
      },
      payload: JSON.stringify({
        type: 'checkout.succeeded',
        reference: ref,
        amount: 5000,
        currency: 'EUR',
      }),
    });
    expect(tampered.statusCode).toBe(401);
    expect((await webhook(ref, 'checkout.succeeded', 1)).statusCode).toBe(422);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/payments/webhooks/nope', payload: '{}' }))
        .statusCode,
    ).toBe(404);
    expect(await issuedFor(started.body.data.payment_id)).toBe(0);
    expect((await webhook(ref, 'checkout.succeeded', 5000)).json()).toEqual({
      received: true,
      applied: true,
    });
    expect(await issuedFor(started.body.data.payment_id)).toBe(1);
  });

  it('10 concurrent deliveries of the success webhook and 5 concurrent form submits issue exactly one instrument', async () => {
    const type = await createMembershipType(t, chainId, tenant.owner);
    const started = await appApi(t)('POST', '/purchases', await buyer(), {
      kind: 'membership',
      type_id: type.id,
      location_id: loc,
    });
    const url = started.body.data.checkout_url as string;
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => webhook(reference(url), 'checkout.succeeded', 9900)),
      ...Array.from({ length: 5 }, () => checkout(url, '4242424242424242')),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual(Array(15).fill(200));
    const applied = results.slice(0, 10).filter((r) => r.json<{ applied: boolean }>().applied);
    expect(applied.length).toBeLessThanOrEqual(1);
    expect(await issuedFor(started.body.data.payment_id)).toBe(1);
    expect(await eventsFor(started.body.data.payment_id)).toHaveLength(1);
  });

  it('the booking widget sells with the buyer’s phone; a type not on sale is refused naming type_id', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner);
    const phone = nextPhone();
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_loyalty_purchase/${loc}`,
      headers: authHeader(t.partnerToken),
      payload: { kind: 'certificate', type_id: type.id, phone },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await checkout(res.body.data.checkout_url, '4242424242424242');
    const user = await makeAppUser(t.db, { phone });
    expect((await appApi(t)('GET', '/gift-cards', user)).body.data).toHaveLength(1);
    const desk = await createCertificateType(t, chainId, tenant.owner, {
      online_sale: { is_enabled: false },
    });
    const refused = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_loyalty_purchase/${loc}`,
      headers: authHeader(t.partnerToken),
      payload: { kind: 'certificate', type_id: desk.id, phone },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.meta.errors.type_id).toBeDefined();
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/book_loyalty_purchase/${loc}`,
          payload: { kind: 'certificate', type_id: type.id, phone },
        })
      ).status,
    ).toBe(401);
  });
});
