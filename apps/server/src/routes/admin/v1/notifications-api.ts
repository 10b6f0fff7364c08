import type { FastifyInstance } from 'fastify';
import type { RateLimitWindow } from '../../../config';
import type { ServerDeps } from '../../../deps';
import { runAccessChecksBeforeValidation } from '../../../plugins/access-before-validation';
import { registerAuth } from '../../../plugins/auth';
import { registerRateLimit, type RateLimitStore } from '../../../plugins/rate-limit';
import { adminNotificationRoutes } from './notifications';

/** The notification part of the back-office API under `/api/admin/v1` (user auth and rights). */
export async function registerAdminNotificationApi(
  app: FastifyInstance,
  deps: ServerDeps,
  limits: { windows: RateLimitWindow[]; store: RateLimitStore; now?: (() => number) | undefined },
): Promise<void> {
  await app.register(
    async (api) => {
      registerRateLimit(api, limits.windows, limits.store, limits.now);
      registerAuth(api, deps.db);
      runAccessChecksBeforeValidation(api);
      adminNotificationRoutes(api, deps);
    },
    { prefix: '/api/admin/v1' },
  );
}
