import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeAppUser } from '@visita/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import { createCertificateType, createMembershipType } from './support/loyalty';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

function multipart(field: string, filename: string, type: string, bytes: Buffer) {
  const boundary = `----visita${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .png()
    .toBuffer();

/** 600×1200: red top 30 %, green middle 40 %, blue bottom 30 %. */
async function verticalBands(): Promise<Buffer> {
  const band = (h: number, c: { r: number; g: number; b: number }) =>
    sharp({ create: { width: 600, height: h, channels: 3, background: c } })
      .png()
      .toBuffer();
  return sharp({
    create: { width: 600, height: 1200, channels: 3, background: { r: 0, g: 0, b: 0 } },
  })
    .composite([
      { input: await band(360, { r: 255, g: 0, b: 0 }), top: 0, left: 0 },
      { input: await band(480, { r: 0, g: 255, b: 0 }), top: 360, left: 0 },
      { input: await band(360, { r: 0, g: 0, b: 255 }), top: 840, left: 0 },
    ])
    .jpeg()
    .toBuffer();
}

/** A real PNG over 12 MB: random noise does not compress. */
async function hugePng(): Promise<Buffer> {
  const w = 2100;
  const raw = Buffer.alloc(w * w * 3);
  for (let i = 0; i < raw.length; i += 4) raw.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, i);
  return sharp(raw, { raw: { width: w, height: w, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

describe('membership and gift card type images', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
  });
  afterAll(() => t.close());

  const upload = (path: string, who: { token: string }, body: ReturnType<typeof multipart>) =>
    call(t.app, {
      method: 'PUT',
      url: `/api/v1${path}`,
      headers: { ...authHeader(t.partnerToken, who.token), 'content-type': body.contentType },
      payload: body.payload,
    });
  const fetchImage = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    return res;
  };

  it('a vertical picture is cut to the horizontal card layout (its middle), stored as derivatives served by URL', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner);
    const res = await upload(
      `/chain/${chainId}/loyalty/certificate_types/${type.id}/image`,
      tenant.owner,
      multipart('image', 'tall.jpg', 'image/jpeg', await verticalBands()),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { card, thumb } = res.body.data.image as { card: string; thumb: string };

    const cardFile = await fetchImage(card);
    expect(cardFile.statusCode).toBe(200);
    expect(cardFile.headers['content-type']).toBe('image/webp');
    const cardMeta = await sharp(cardFile.rawPayload).metadata();
    expect([cardMeta.format, cardMeta.width, cardMeta.height]).toEqual(['webp', 600, 383]);
    // Every edge row is green: the red top and blue bottom were cut away, not squeezed in.
    const { data, info } = await sharp(cardFile.rawPayload)
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (const y of [0, info.height - 1]) {
      const at = (y * info.width + Math.floor(info.width / 2)) * info.channels;
      expect(data[at + 1]!, `row ${y}`).toBeGreaterThan(200);
      expect(data[at]!).toBeLessThan(60);
      expect(data[at + 2]!).toBeLessThan(60);
    }
    const thumbMeta = await sharp((await fetchImage(thumb)).rawPayload).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([288, 184]);

    const read = await api(t).get(
      `/chain/${chainId}/loyalty/certificate_types/${type.id}`,
      tenant.owner,
    );
    expect(read.body.data).toMatchObject({ online_sale_image: card, image: { card, thumb } });
  });

  it('a large horizontal picture: card derivative 864×552', async () => {
    const type = await createMembershipType(t, chainId, tenant.owner);
    const res = await upload(
      `/chain/${chainId}/loyalty/abonement_types/${type.id}/image`,
      tenant.owner,
      multipart('image', 'wide.png', 'image/png', await solid(2000, 1000)),
    );
    expect(res.status).toBe(200);
    const meta = await sharp((await fetchImage(res.body.data.image.card)).rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([864, 552]);
  });

  it('refuses too small, too big, not an image (whatever the name), SVG; nothing stored, the old image stays', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner);
    const path = `/chain/${chainId}/loyalty/certificate_types/${type.id}/image`;
    const first = await upload(
      path,
      tenant.owner,
      multipart('image', 'ok.png', 'image/png', await solid(288, 184)),
    );
    expect(first.status).toBe(200);
    const dir = join(t.dataDir, 'uploads', 'loyalty');
    const filesBefore = (await readdir(dir)).sort();

    const cases: [string, ReturnType<typeof multipart>, RegExp][] = [
      [
        'too small',
        multipart('image', 'small.png', 'image/png', await solid(287, 184)),
        /at least 288×184 px \(got 287×184\)/,
      ],
      [
        'too low',
        multipart('image', 'low.png', 'image/png', await solid(400, 183)),
        /at least 288×184/,
      ],
      ['too big', multipart('image', 'huge.png', 'image/png', await hugePng()), /at most 12 MB/],
      [
        'text named .png',
        multipart(
          'image',
          'fake.png',
          'image/png',
          Buffer.from('not an image at all '.repeat(100)),
        ),
        /must be a picture/,
      ],
      [
        'svg',
        multipart(
          'image',
          'x.svg',
          'image/svg+xml',
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400"/></svg>',
          ),
        ),
        /must be a picture/,
      ],
      [
        'wrong field',
        multipart('photo', 'ok.png', 'image/png', await solid(300, 200)),
        /image is required/,
      ],
    ];
    for (const [name, body, message] of cases) {
      const res = await upload(path, tenant.owner, body);
      expect(res.status, name).toBe(422);
      expect(res.body.meta.errors.image[0], name).toMatch(message);
    }
    expect((await readdir(dir)).sort()).toEqual(filesBefore);
    const read = await api(t).get(
      `/chain/${chainId}/loyalty/certificate_types/${type.id}`,
      tenant.owner,
    );
    expect(read.body.data.image).toEqual(first.body.data.image);
  }, 60_000);

  it('shown on every card of the type however sold; replacing it removes the old files; rights enforced', async () => {
    const type = await createCertificateType(t, chainId, tenant.owner);
    const path = `/chain/${chainId}/loyalty/certificate_types/${type.id}/image`;
    const phone = nextPhone();
    await api(t).post(`/company/${tenant.location.id}/loyalty/certificates`, tenant.admin, {
      type_id: type.id,
      phone,
    });
    const old = (
      await upload(
        path,
        tenant.owner,
        multipart('image', 'a.png', 'image/png', await solid(300, 200)),
      )
    ).body.data.image;
    const user = await makeAppUser(t.db, { phone });
    expect((await appApi(t)('GET', '/gift-cards', user)).body.data[0].image).toEqual(old);
    const fresh = (
      await upload(
        path,
        tenant.owner,
        multipart('image', 'b.png', 'image/png', await solid(500, 300)),
      )
    ).body.data.image;
    expect(fresh.card).not.toBe(old.card);
    expect((await appApi(t)('GET', '/gift-cards', user)).body.data[0].image).toEqual(fresh);
    expect((await fetchImage(old.card)).statusCode).toBe(404);
    expect((await fetchImage(fresh.thumb)).statusCode).toBe(200);

    expect(
      (
        await upload(
          path,
          tenant.admin,
          multipart('image', 'c.png', 'image/png', await solid(300, 200)),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await upload(
          `/chain/${chainId}/loyalty/certificate_types/999999/image`,
          tenant.owner,
          multipart('image', 'c.png', 'image/png', await solid(300, 200)),
        )
      ).status,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/media/loyalty/..%2F..%2Fetc%2Fpasswd' }))
        .statusCode,
    ).toBe(404);
    expect((await api(t).del(`${path}`, tenant.owner)).status).toBe(204);
    expect((await appApi(t)('GET', '/gift-cards', user)).body.data[0].image).toBeNull();
  });
});
