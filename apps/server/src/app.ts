import { systemClock, type Clock } from '@visita/core';
import { unitOfWork, type Db } from '@visita/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { argon2Hasher, type PasswordHasher } from './adapters/crypto';
import type { Config } from './config';
import type { ServerDeps } from './deps';
import { registerParameterAliases } from './plugins/aliases';
import { registerAuth } from './plugins/auth';
import { registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import {
  memoryRateLimitStore,
  redisRateLimitStore,
  registerRateLimit,
  type RateLimitStore,
} from './plugins/rate-limit';
import { authRoutes } from './routes/altegio/v1/auth';
import { locationRoutes } from './routes/altegio/v1/locations';
import { healthRoutes } from './routes/health';

export interface AppOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  passwords?: PasswordHasher;
  rateLimitStore?: RateLimitStore;
  logger?: boolean | object;
}

const ACCEPTED = /^(application\/(vnd\.(api|yclients)\.v2\+json|json)|\*\/\*)/;

/** The composition root: every dependency is chosen here and handed down explicitly. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.authorization'] },
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  });
  const deps: ServerDeps = {
    db,
    uow: unitOfWork(db),
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? argon2Hasher,
    config,
  };

  let redis: Redis | null = null;
  let store = options.rateLimitStore;
  if (!store) {
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
      store = redisRateLimitStore(redis);
    } else store = memoryRateLimitStore();
  }
  app.addHook('onClose', async () => {
    if (redis) await redis.quit();
  });

  registerErrorHandling(app);
  await registerOpenApi(app);
  healthRoutes(app, db);

  await app.register(
    async (api) => {
      // The Accept header selects the v2 envelope; any other explicit media type is refused.
      api.addHook('onRequest', async (request, reply) => {
        const accept = request.headers.accept;
        if (accept && !accept.split(',').some((part) => ACCEPTED.test(part.trim()))) {
          return reply.status(406).send({
            success: false,
            data: null,
            meta: { message: `Unsupported Accept: ${accept}` },
          });
        }
      });
      registerRateLimit(api, config.rateLimit, store);
      registerAuth(api, db);
      registerParameterAliases(api);
      authRoutes(api, deps);
      locationRoutes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
