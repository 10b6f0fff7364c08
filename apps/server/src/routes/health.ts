import type { FastifyInstance } from 'fastify';

/** What readiness asks the database (app.ts binds it): the kind, and migrations not yet applied. */
export interface Readiness {
  kind: string;
  pendingMigrations(): Promise<string[]>;
}

export function healthRoutes(app: FastifyInstance, db: Readiness): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const pending = await db.pendingMigrations();
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
