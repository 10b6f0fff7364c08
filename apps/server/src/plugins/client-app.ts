import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface ClientAppOptions {
  /** The built client (`apps/client/dist`). */
  distDir: string;
  /**
   * The partner token the public booking form sends to `book_*`. Like an online booking
   * widget's token it is public by design: it only opens what any widget may call.
   */
  partnerToken: string | undefined;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Serves the client PWA at /app/: hashed assets cached for a year, index.html and the service
 * worker never cached, every other /app/* path answered with index.html (the app routes itself).
 * `/` and `/book/<location>` redirect into the app.
 */
export async function registerClientApp(
  app: FastifyInstance,
  options: ClientAppOptions,
): Promise<void> {
  const indexFile = join(options.distDir, 'index.html');
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/app/'));
  app.get<{ Params: { id: string } }>('/book/:id', { schema: { hide: true } }, (request, reply) =>
    reply.redirect(`/app/book/${encodeURIComponent(request.params.id)}`),
  );
  // No log line here: the answers themselves say what is missing (tests read the log).
  if (!existsSync(indexFile)) {
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      reply
        .status(503)
        .type('text/plain')
        .send('The client app is not built: run `npm run build`.');
    app.get('/app', { schema: { hide: true } }, notBuilt);
    app.get('/app/*', { schema: { hide: true } }, notBuilt);
    return;
  }
  const config = `<meta name="visita-partner-token" content="${escapeAttribute(options.partnerToken ?? '')}" />`;
  const html = (await readFile(indexFile, 'utf8')).replace('<!--visita-config-->', config);

  await app.register(fastifyStatic, {
    root: options.distDir,
    prefix: '/app/',
    // Files are routed one by one (found at start), so unknown paths reach the SPA fallback.
    wildcard: false,
    index: false,
    globIgnore: ['index.html'],
    schemaHide: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      if (/[\\/]assets[\\/]/.test(path))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'no-cache');
    },
  });
  const sendIndex = (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  // The router ignores trailing slashes, so `/app` and `/app/` are one route: `/app` redirects
  // (the page's relative URLs resolve under `/app/`).
  app.get('/app/', { schema: { hide: true } }, (request, reply) =>
    request.url.split('?')[0] === '/app' ? reply.redirect('/app/') : sendIndex(request, reply),
  );
  app.get('/app/*', { schema: { hide: true } }, (request, reply) => {
    // A missing hashed asset is a real 404 (an old tab after a deploy), not the page.
    if (request.url.startsWith('/app/assets/')) return reply.callNotFound();
    return sendIndex(request, reply);
  });
}
