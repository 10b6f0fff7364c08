import { makeAppointment, makeAppUser, makeService, makeStaff } from '@visita/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import { certificateTypeBody } from './support/loyalty';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

/**
 * The whole online sale, scripted the way people do it: the owner sets up a gift card type with
 * an image and online sale; a client browses the place's offers in the app, pays on the hosted
 * checkout page with the test card, finds the card in "my gift cards" with its image, and the
 * administrator redeems part of it when the client comes for an appointment.
 */
describe('scripted purchase: browse → pay with the test card → my gift cards → redeem part at a visit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('works end to end', async () => {
    const tenant = await makeTenant(t.db);
    const { location, owner, admin } = tenant;
    const http = api(t);
    const app = appApi(t);

    // 1. The owner creates the gift card type and uploads its picture.
    const type = await http.post(
      `/chain/${location.chainId}/loyalty/certificate_types`,
      owner,
      certificateTypeBody({
        title: 'Spa gift 80',
        balance: 80,
        online_sale: {
          is_enabled: true,
          title: 'Spa gift card',
          description: 'Any treatment',
          price: 75,
        },
      }),
    );
    expect(type.status).toBe(201);
    const picture = await sharp({
      create: { width: 900, height: 600, channels: 3, background: { r: 10, g: 160, b: 120 } },
    })
      .jpeg()
      .toBuffer();
    const boundary = '----walk';
    const upload = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/chain/${location.chainId}/loyalty/certificate_types/${type.body.data.id}/image`,
      headers: {
        ...authHeader(t.partnerToken, owner.token),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="spa.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        picture,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.status).toBe(200);

    // 2. The client browses the place's offers.
    const client = await makeAppUser(t.db, { phone: nextPhone(), name: 'Lena' });
    const offers = await app('GET', `/places/${location.id}/offers`, client);
    const offer = offers.body.data.find((o: { title: string }) => o.title === 'Spa gift card');
    expect(offer).toMatchObject({
      kind: 'certificate',
      price: 75,
      face_value: 80,
      image: upload.body.data.image,
    });

    // 3. Buys it and pays on the hosted checkout page with 4242 4242 4242 4242.
    const purchase = await app('POST', '/purchases', client, {
      kind: 'certificate',
      type_id: offer.type_id,
      location_id: location.id,
    });
    expect(purchase.status).toBe(201);
    const checkoutPath = new URL(purchase.body.data.checkout_url as string).pathname;
    const form = await t.app.inject({ method: 'GET', url: checkoutPath });
    expect(form.body).toContain('Spa gift card');
    expect(form.body).toContain('75.00 EUR');
    const paid = await t.app.inject({
      method: 'POST',
      url: checkoutPath,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'card_number=4242+4242+4242+4242',
    });
    expect(paid.body).toContain('Payment succeeded');

    // 4. The card is in "my gift cards", with the type's image, served by URL.
    const mine = await app('GET', '/gift-cards', client);
    expect(mine.body.data).toHaveLength(1);
    const card = mine.body.data[0];
    expect(card).toMatchObject({
      title: 'Spa gift 80',
      face_value: 80,
      balance: 80,
      image: upload.body.data.image,
      locations: [{ id: location.id }],
    });
    const image = await t.app.inject({
      method: 'GET',
      url: new URL(card.image.card as string).pathname,
    });
    expect(image.statusCode).toBe(200);
    expect((await sharp(image.rawPayload).metadata()).width).toBe(864);

    // 5. At the appointment the administrator redeems 30 of it.
    const staff = await makeStaff(t.db, location.id);
    const massage = await makeService(t.db, location.id, {
      title: 'Massage',
      price: 30,
      staffIds: [staff.id],
    });
    const visit = await makeAppointment(t.db, {
      locationId: location.id,
      staffId: staff.id,
      serviceIds: [massage.id],
      phone: client.phone,
      price: 30,
      start: '2026-12-02T10:00:00Z',
    });
    const found = await http.get(
      `/loyalty/certificates?company_id=${location.id}&phone=${encodeURIComponent(client.phone)}`,
      admin,
    );
    expect(found.body.data.map((c: { id: number }) => c.id)).toEqual([card.id]);
    const settled = await http.post(
      `/company/${location.id}/records/${visit.id}/loyalty_payment`,
      admin,
      { certificate_id: card.id },
    );
    expect(settled.body.data).toMatchObject({
      total: 30,
      certificate_amount: 30,
      due: 0,
      certificate: { balance: 50 },
    });
    expect((await app('GET', '/gift-cards', client)).body.data[0]).toMatchObject({
      balance: 50,
      used: false,
    });
  });
});
