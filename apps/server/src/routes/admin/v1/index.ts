import type { FastifyInstance } from 'fastify';
import type { RateLimitWindow } from '../../../config';
import type { ServerDeps } from '../../../deps';
import { runAccessChecksBeforeValidation } from '../../../plugins/access-before-validation';
import { registerAuth } from '../../../plugins/auth';
import { registerRateLimit, type RateLimitStore } from '../../../plugins/rate-limit';
import { adminCalendarMarkerRoutes } from './calendar-marker';
import { adminClientInstrumentRoutes } from './client-instruments';
import { adminDeskTimeRoutes } from './desk-times';
import { adminNotificationRoutes } from './notifications';
import { adminPromoRoutes } from './promo';
import { adminReportRoutes } from './reports';
import { adminResourceInstanceRoutes } from './resource-instances';
import { adminSessionRoutes } from './session';

/**
 * The back office's own API under `/api/admin/v1`, for what the Altegio-compatible API has no
 * place for (sign-in with a session partner token, the caller's locations and rights, desk
 * times, reports, notification settings and bulk pushes, the promotional block, a resource's instances, the calendar's change marker). Same envelope, error mapping, `Authorization` header and per-IP rate limits as `/api/v1`.
 */
export async function registerAdminApi(
  app: FastifyInstance,
  deps: ServerDeps,
  limits: { windows: RateLimitWindow[]; store: RateLimitStore; now?: (() => number) | undefined },
): Promise<void> {
  await app.register(
    async (api) => {
      registerRateLimit(api, limits.windows, limits.store, limits.now);
      registerAuth(api, deps.db);
      runAccessChecksBeforeValidation(api);
      adminSessionRoutes(api, deps);
      adminDeskTimeRoutes(api, deps);
      adminReportRoutes(api, deps);
      adminPromoRoutes(api, deps);
      adminNotificationRoutes(api, deps);
      adminClientInstrumentRoutes(api, deps);
      adminResourceInstanceRoutes(api, deps);
      adminCalendarMarkerRoutes(api, deps);
    },
    { prefix: '/api/admin/v1' },
  );
}
