import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build -w @visita/admin` (run by `npm start`) writes the back office. */
export const ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

/**
 * The back office holds session tokens: no framing (clickjacking), scripts and connections only
 * from this origin, no referrer leaking paths with ids.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Visita back office</title>
<p>The back office is not built yet. Run <code>npm run build -w @visita/admin</code>
(<code>npm start</code> does it) and reload.</p>`;

/**
 * Serves the back office (React + Vite) at `/admin/`: hashed assets cached for a year, and
 * every other `/admin/*` page answered with `index.html` so the app's own router decides.
 * Encapsulated, so it coexists with other static apps (the client PWA at `/app/`).
 */
export async function registerAdminStatic(app: FastifyInstance, root = ADMIN_DIST): Promise<void> {
  await app.register(
    async (scope) => {
      const built = existsSync(`${root}/index.html`);
      const indexHtml = async () => (built ? readFile(`${root}/index.html`, 'utf8') : NOT_BUILT);
      if (built)
        await scope.register(fastifyStatic, {
          root,
          prefix: '/',
          decorateReply: false,
          index: false,
          wildcard: true,
          setHeaders(reply, path) {
            void reply.header(
              'cache-control',
              path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
            );
          },
        });
      const sendIndex = async (_request: unknown, reply: FastifyReply) =>
        reply
          .status(built ? 200 : 503)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .headers(SECURITY_HEADERS)
          .send(await indexHtml());
      // `/admin` and `/admin/` (assets are linked absolutely, so both work).
      scope.get('/', { schema: { hide: true } }, sendIndex);
      // A deep link (`/admin/calendar`) is the app's page, but a missing asset stays a 404.
      scope.setNotFoundHandler(async (request, reply) => {
        if (request.method !== 'GET' || request.url.startsWith('/admin/assets/'))
          return reply.status(404).send({ message: 'Not found' });
        return sendIndex(request, reply);
      });
    },
    { prefix: '/admin' },
  );
}
