import { createServer } from 'node:net';
import { makeLocation, makeUser } from '@visita/db/testing';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';
import { api } from '../support/catalog';
import { createCertificateType, createMembershipType } from '../support/loyalty';
import type { SmsLog } from '../support/sms-log';
import { authHeader, call, type TestApp } from '../support/test-app';
import type { ClientAppWorld } from './client-app-support';

/**
 * A free local port, so the server's public URL (checkout pages, image URLs, the acquirer's
 * return link) is the address the browser really uses.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Logs the phone in through the login screen (code from the log SMS provider) and consents. */
export async function logIn(page: Page, base: string, log: SmsLog, phone: string): Promise<void> {
  await page.goto(`${base}/app/`);
  await page.getByLabel('Phone number').fill(phone);
  const before = log.sentCount(phone);
  await page.getByRole('button', { name: 'Get the code' }).click();
  const code = page.getByLabel('Code from the SMS');
  await code.waitFor();
  await code.fill(await log.nextCode(phone, before));
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel(/user agreement/).check();
  await page.getByLabel(/processing of my personal data/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
}

/** A real picture (a colour gradient as JPEG) uploaded through the type image route. */
async function uploadImage(
  t: TestApp,
  owner: { token: string },
  path: string,
  colour: { r: number; g: number; b: number },
) {
  const picture = await sharp({
    create: { width: 900, height: 600, channels: 3, background: colour },
  })
    .jpeg()
    .toBuffer();
  const boundary = '----visitacard';
  const res = await call(t.app, {
    method: 'PUT',
    url: `/api/v1${path}/image`,
    headers: {
      ...authHeader(t.partnerToken, owner.token),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="card.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      picture,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.image as { card: string; thumb: string };
}

/**
 * The client's loyalty at the Lumen chain (two locations), made through the real loyalty API:
 * a 10-visit membership (frozen ❄️), an unlimited one ending within days (🔥), a gift card sold
 * at the desk, a loyalty card with a discount program and a bonus; types on online sale with
 * images.
 */
export async function makeLoyaltyWorld(t: TestApp, w: ClientAppWorld, phone: string) {
  const chainId = w.lumen.chainId;
  const owner = await makeUser(t.db, { role: 'owner', chainId });
  const ost = await makeLocation(t.db, { chainId, title: 'Studio Lumen Ost' });
  const http = api(t);
  const ok = (res: { status: number; body: unknown }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return (res.body as { data: { id: number } & Record<string, unknown> }).data;
  };

  const yoga = await createMembershipType(t, chainId, owner, {
    title: 'Hair care x10',
    services: [w.cut.id],
    online_sale_title: 'Hair care, 10 visits',
  });
  const yogaImage = await uploadImage(
    t,
    owner,
    `/chain/${chainId}/loyalty/abonement_types/${yoga.id}`,
    {
      r: 120,
      g: 60,
      b: 200,
    },
  );
  const sauna = await createMembershipType(t, chainId, owner, {
    title: 'Unlimited week',
    period: 10,
    period_unit_id: 1,
    allow_freeze: false,
    freeze_limit: 0,
    is_united_balance_unlimited: true,
    united_balance_services_count: 0,
    is_online_sale_enabled: false,
  });
  const gift = await createCertificateType(t, chainId, owner, {
    title: 'Gift card 50',
    online_sale: {
      is_enabled: true,
      title: 'Gift card 50',
      description: 'For any service',
      price: 45,
    },
  });
  const giftImage = await uploadImage(
    t,
    owner,
    `/chain/${chainId}/loyalty/certificate_types/${gift.id}`,
    {
      r: 20,
      g: 160,
      b: 120,
    },
  );

  const loc = w.lumen.id;
  // The chain's main location has a logo: the cards show it next to the issuer's name.
  await t.db.query('UPDATE locations SET logo = $1 WHERE id = $2', [giftImage.thumb, loc]);
  const frozen = ok(
    await http.post(`/company/${loc}/loyalty/abonements`, owner, { type_id: yoga.id, phone }),
  );
  ok(
    await http.post(`/chain/${chainId}/loyalty/abonements/${frozen.id}/freeze`, owner, {
      freeze_days: 7,
    }),
  );
  ok(await http.post(`/company/${loc}/loyalty/abonements`, owner, { type_id: sauna.id, phone }));
  const desk = ok(
    await http.post(`/company/${loc}/loyalty/certificates`, owner, { type_id: gift.id, phone }),
  );

  const cardType = ok(
    await http.post(`/chain/${chainId}/loyalty/card_types`, owner, { title: 'Lumen Club' }),
  );
  ok(
    await http.post(`/chain/${chainId}/loyalty/programs`, owner, {
      title: '10% off every visit',
      type: 'discount_static',
      rules: [{ value: 10 }],
      service_item_type: 'any_allowed',
      good_item_type: 'not_allowed',
      value_unit: 'percent',
      company_ids: [],
      loyalty_card_type_ids: [cardType.id],
    }),
  );
  const card = ok(
    await http.post(`/loyalty/cards/${loc}`, owner, {
      loyalty_card_number: 'LUMEN-0042',
      loyalty_card_type_id: cardType.id,
      phone,
    }),
  );
  ok(
    await http.post(`/chain/${chainId}/loyalty/cards/${card.id}/manual_transaction`, owner, {
      amount: 12.5,
      title: 'Welcome bonus',
    }),
  );
  return { owner, ost, yoga, sauna, gift, yogaImage, giftImage, frozen, desk, card };
}
