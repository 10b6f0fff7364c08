import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeAppUser, makeAppointment } from '@visita/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, makeCabinetWorld, nextPhone, type CabinetWorld } from './support/cabinet';
import { call, createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let w: CabinetWorld;
let http: ReturnType<typeof appApi>;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCabinetWorld(t);
  http = appApi(t);
});
afterAll(() => t.close());

function multipart(field: string, filename: string, type: string, bytes: Buffer) {
  const boundary = `----visita${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const upload = (who: { token: string } | null, body: ReturnType<typeof multipart>) =>
  call(t.app, {
    method: 'PUT',
    url: '/api/app/v1/profile/photo',
    headers: {
      'content-type': body.contentType,
      ...(who ? { authorization: `Bearer ${who.token}` } : {}),
    },
    payload: body.payload,
  });

const photoOf = (who: { token: string }) =>
  t.app.inject({
    method: 'GET',
    url: '/api/app/v1/profile/photo',
    headers: { authorization: `Bearer ${who.token}` },
  });

const avatarFiles = async (userId: number) =>
  (await readdir(join(t.dataDir, 'uploads', 'avatars')).catch(() => [] as string[])).filter((f) =>
    f.startsWith(`${userId}-`),
  );

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer();

describe('GET and PATCH /api/app/v1/profile', () => {
  it('shows the client’s profile', async () => {
    const res = await http('GET', '/profile', w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: w.ana.id,
      phone: w.ana.phone,
      name: 'Ana Lopez',
      email: '',
      language: 'en',
      date_format: 'DD.MM.YYYY',
      time_24h: true,
      notifications_enabled: true,
      photo_url: null,
    });
  });

  it('changes only the fields sent', async () => {
    const res = await http('PATCH', '/profile', w.ana, {
      name: '  Ana   María ',
      language: 'pt-BR',
      date_format: 'MM/DD/YYYY',
      time_24h: false,
      notifications_enabled: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'Ana María',
      language: 'pt-BR',
      date_format: 'MM/DD/YYYY',
      time_24h: false,
      notifications_enabled: false,
    });
    const partial = await http('PATCH', '/profile', w.ana, { time_24h: true });
    expect(partial.body.data).toMatchObject({ name: 'Ana María', time_24h: true });
    expect((await http('GET', '/profile', w.ana)).body.data).toEqual(partial.body.data);
  });

  it('is 422 naming the field for bad input, and writes nothing', async () => {
    const before = (await http('GET', '/profile', w.ana)).body.data;
    const cases: [Record<string, unknown>, string][] = [
      [{ language: 'English' }, 'language'],
      [{ date_format: 'DD-MM' }, 'date_format'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ time_24h: 'sometimes' }, 'time_24h'],
      [{ phone: '+4915199999999' }, 'phone'],
      [{}, 'request'],
    ];
    for (const [body, field] of cases) {
      const res = await http('PATCH', '/profile', w.ana, { ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.meta.errors), JSON.stringify(res.body)).toContain(field);
    }
    // A valid field next to a bad one is not written either.
    const mixed = await http('PATCH', '/profile', w.ana, { name: 'Changed', language: 'x' });
    expect(mixed.status).toBe(422);
    expect((await http('GET', '/profile', w.ana)).body.data).toEqual(before);
  });

  it('is 401 without a token; each token sees only its own profile', async () => {
    expect((await http('GET', '/profile', null)).status).toBe(401);
    expect((await http('PATCH', '/profile', null, { name: 'x' })).status).toBe(401);
    expect((await http('GET', '/profile', w.bob)).body.data).toMatchObject({
      id: w.bob.id,
      name: 'Bob',
    });
  });
});

describe('PUT|GET|DELETE /api/app/v1/profile/photo', () => {
  it('stores an uploaded PNG as a 512×512 WebP and serves it back', async () => {
    const res = await upload(w.ana, multipart('photo', 'me.png', 'image/png', await png(800, 600)));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.photo_url).toMatch(/^\/api\/app\/v1\/profile\/photo\?v=/);
    const photo = await photoOf(w.ana);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 512 });
    expect((await http('GET', '/profile', w.ana)).body.data.photo_url).toBe(
      res.body.data.photo_url,
    );
  });

  it('replaces the previous photo (its file is removed)', async () => {
    const first = await upload(
      w.ana,
      multipart('photo', 'a.png', 'image/png', await png(300, 300)),
    );
    const second = await upload(w.ana, multipart('photo', 'b.png', 'image/png', await png(40, 90)));
    expect(second.status).toBe(200);
    expect(second.body.data.photo_url).not.toBe(first.body.data.photo_url);
    expect(await avatarFiles(w.ana.id)).toHaveLength(1);
  });

  it('is 422 naming photo for a non-image, a wrong field, a non-multipart body or > 5 MB; the photo stays', async () => {
    const before = (await http('GET', '/profile', w.ana)).body.data.photo_url;
    const text = Buffer.from('definitely not an image');
    const cases = [
      upload(w.ana, multipart('photo', 'x.png', 'image/png', text)),
      upload(w.ana, multipart('photo', 'x.txt', 'text/plain', text)),
      upload(w.ana, multipart('avatar', 'a.png', 'image/png', await png(10, 10))),
      upload(w.ana, multipart('photo', 'big.png', 'image/png', Buffer.alloc(5 * 1024 * 1024 + 1))),
      http('PUT', '/profile/photo', w.ana, { photo: 'base64...' }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(Object.keys(res.body.meta.errors)).toEqual(['photo']);
    }
    expect((await http('GET', '/profile', w.ana)).body.data.photo_url).toBe(before);
    expect(await avatarFiles(w.ana.id)).toHaveLength(1);
  });

  it('is 404 for a client without a photo and 401 without a token', async () => {
    expect((await photoOf(w.bob)).statusCode).toBe(404);
    expect((await http('GET', '/profile/photo', null)).status).toBe(401);
    const anonymous = await upload(null, multipart('photo', 'a.png', 'image/png', await png(8, 8)));
    expect(anonymous.status).toBe(401);
  });

  it('DELETE removes the photo and its file', async () => {
    const res = await http('DELETE', '/profile/photo', w.ana);
    expect(res.status).toBe(200);
    expect(res.body.data.photo_url).toBeNull();
    expect((await photoOf(w.ana)).statusCode).toBe(404);
    expect(await avatarFiles(w.ana.id)).toEqual([]);
  });
});

describe('DELETE /api/app/v1/profile', () => {
  it('erases the account but keeps the businesses’ anonymised history', async () => {
    const phone = nextPhone();
    const carl = await makeAppUser(t.db, { phone, name: 'Carl Client' });
    const visit = await makeAppointment(t.db, {
      locationId: w.berlin.id,
      staffId: w.anna.id,
      serviceIds: [w.cut.id],
      phone,
      start: '2026-11-05T09:00:00Z',
    });
    await t.db.query('UPDATE clients SET has_app = true WHERE id = $1', [visit.clientId]);
    expect(
      (
        await http('POST', `/appointments/${visit.id}/reviews`, carl, {
          target: 'staff',
          rating: 5,
        })
      ).status,
    ).toBe(201);
    expect((await http('PUT', `/places/${w.berlin.id}/favourite`, carl)).status).toBe(200);
    await upload(carl, multipart('photo', 'c.png', 'image/png', await png(64, 64)));
    expect(await avatarFiles(carl.id)).toHaveLength(1);

    const res = await http('DELETE', '/profile', carl);
    expect(res.status).toBe(204);

    // Every token stops working.
    expect((await http('GET', '/profile', carl)).status).toBe(401);
    const [user] = await t.db.query<Record<string, unknown>>(
      'SELECT phone, name, avatar, deleted_at FROM app_users WHERE id = $1',
      [carl.id],
    );
    expect(user).toMatchObject({ name: '', avatar: '', deleted_at: expect.any(Date) });
    expect(user!.phone).not.toContain(phone.slice(1));
    expect(await avatarFiles(carl.id)).toEqual([]);
    // The salon keeps its appointment and client card, no longer marked as having the app.
    const [client] = await t.db.query<Record<string, unknown>>(
      'SELECT phone, has_app FROM clients WHERE id = $1',
      [visit.clientId],
    );
    expect(client).toEqual({ phone, has_app: false });
    const [record] = await t.db.query('SELECT deleted_at FROM records WHERE id = $1', [visit.id]);
    expect(record).toEqual({ deleted_at: null });
    // The review stays with the salon, without an author.
    const [review] = await t.db.query(
      'SELECT app_user_id, rating FROM reviews WHERE record_id = $1',
      [visit.id],
    );
    expect(review).toEqual({ app_user_id: null, rating: 5 });
    const favourites = await t.db.query('SELECT 1 FROM favourite_locations WHERE user_id = $1', [
      carl.id,
    ]);
    expect(favourites).toEqual([]);

    // The phone may sign up again; its appointment history is the phone's.
    const again = await makeAppUser(t.db, { phone });
    const list = await http('GET', '/appointments?status=past', again);
    expect(list.body.data.map((a: { id: number }) => a.id)).toEqual([visit.id]);
  });

  it('is 401 without a token', async () => {
    expect((await http('DELETE', '/profile', null)).status).toBe(401);
  });
});
