import type { FastifyInstance } from 'fastify';
import { runAccessChecksBeforeValidation } from '../../../plugins/access-before-validation';
import type { RateLimitWindow } from '../../../config';
import type { ServerDeps } from '../../../deps';
import { registerRateLimit, type RateLimitStore } from '../../../plugins/rate-limit';
import { cabinetRoutes } from './cabinet';
import { appIdentityRoutes } from './identity';
import { appLoyaltyRoutes } from './loyalty';
import { appNotificationRoutes } from './notifications';

/** Every route module of the client app's API. Add new modules here. */
function appApiRoutes(api: FastifyInstance, deps: ServerDeps): void {
  appIdentityRoutes(api, deps);
  cabinetRoutes(api, deps);
  appLoyaltyRoutes(api, deps);
  appNotificationRoutes(api, deps);
}

/**
 * The client app's API under `/api/app/v1`: same envelope and error mapping as `/api/v1`, same
 * per-IP rate limits (counted in the same store), `Authorization: Bearer <client token>`.
 */
export async function registerAppApi(
  app: FastifyInstance,
  deps: ServerDeps,
  limits: { windows: RateLimitWindow[]; store: RateLimitStore; now?: (() => number) | undefined },
): Promise<void> {
  await app.register(
    async (api) => {
      registerRateLimit(api, limits.windows, limits.store, limits.now);
      runAccessChecksBeforeValidation(api);
      appApiRoutes(api, deps);
    },
    { prefix: '/api/app/v1' },
  );
}
