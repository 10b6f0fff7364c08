import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAdminStatic } from '../src/plugins/admin-static';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'visita-admin-dist-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  app = Fastify();
  await registerAdminStatic(app, dir);
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serving the back office at /admin/', () => {
  it('answers index.html at /admin and /admin/, not cached, with a strict CSP and no framing', async () => {
    for (const url of ['/admin', '/admin/']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('deep links get index.html so the app routes them', async () => {
    const res = await app.inject({ url: '/admin/clients/12' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('hashed assets are cached for a year; a missing asset or a POST is 404', async () => {
    const asset = await app.inject({ url: '/admin/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/admin/assets/gone.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/admin/clients' })).statusCode).toBe(404);
  });

  it('without a build, /admin/ says how to build it (503)', async () => {
    const empty = Fastify();
    await registerAdminStatic(empty, join(dir, 'nothing-here'));
    const res = await empty.inject({ url: '/admin/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w @visita/admin');
    await empty.close();
  });
});
