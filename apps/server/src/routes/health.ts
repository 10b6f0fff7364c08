import { pendingMigrations, type Db } from '@visita/db';
import type { FastifyInstance } from 'fastify';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const pending = await pendingMigrations(db);
      if (pending.length > 0)
        return reply.status(503).send({ status: 'migrations pending', pending });
      return { status: 'ready', database: db.kind };
    } catch (error) {
      return reply
        .status(503)
        .send({ status: 'database unreachable', error: (error as Error).message });
    }
  });
}
