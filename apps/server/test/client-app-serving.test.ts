import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@visita/db';
import { createTestDb } from '@visita/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { plainPasswords } from './support/test-app';

/** The server's side of the client PWA: /app/ from a build directory, with the booking token. */
let db: Db;
let dist: string;
const apps: FastifyInstance[] = [];

async function appServing(clientDir: string, appPartnerToken?: string) {
  const config = { ...loadConfig({}), rateLimit: [], clientDir, appPartnerToken };
  const app = await buildApp({ db, config, passwords: plainPasswords, logger: false });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  db = await createTestDb();
  dist = await mkdtemp(join(tmpdir(), 'visita-client-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(
    join(dist, 'index.html'),
    '<html><head><!--visita-config--></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await db.close();
  await rm(dist, { recursive: true, force: true });
});

describe('serving the client app', () => {
  it('answers /app/ and any app path with index.html carrying the booking token, never cached', async () => {
    const app = await appServing(dist, 'tok"en<');
    for (const url of ['/app/', '/app/places/3', '/app/book/12?services=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      // The value is escaped: it cannot end the attribute.
      expect(res.body).toContain('<meta name="visita-partner-token" content="tok&quot;en&lt;" />');
    }
  });

  it('caches hashed assets for a year, the service worker not at all; a missing asset is 404', async () => {
    const app = await appServing(dist, 't');
    const asset = await app.inject({ url: '/app/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const sw = await app.inject({ url: '/app/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect((await app.inject({ url: '/app/assets/main-old999.js' })).statusCode).toBe(404);
  });

  it('redirects / and /book/<location> into the app', async () => {
    const app = await appServing(dist, 't');
    const root = await app.inject({ url: '/' });
    expect([root.statusCode, root.headers.location]).toEqual([302, '/app/']);
    const book = await app.inject({ url: '/book/7' });
    expect([book.statusCode, book.headers.location]).toEqual([302, '/app/book/7']);
    expect((await app.inject({ url: '/app' })).headers.location).toBe('/app/');
  });

  it('says how to build when there is no build, and the API is unaffected', async () => {
    const app = await appServing(join(dist, 'nowhere'));
    const res = await app.inject({ url: '/app/places' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
