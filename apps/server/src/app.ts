import { systemClock, type Clock, type SmsProvider } from '@visita/core';
import { pendingMigrations, readRepos, unitOfWork, type Db } from '@visita/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { argon2Hasher, tokenCrypto, type PasswordHasher } from './adapters/crypto';
import { createSmsProvider } from './adapters/sms';
import { createLoyaltyAdapters } from './adapters/loyalty';
import type { Config } from './config';
import type { ServerDeps } from './deps';
import { runAccessChecksBeforeValidation } from './plugins/access-before-validation';
import { registerParameterAliases } from './plugins/aliases';
import { registerAuth } from './plugins/auth';
import { registerClientApp } from './plugins/client-app';
import { registerErrorHandling } from './plugins/errors';
import { registerJsonBodyGuard } from './plugins/json-body';
import { registerOpenApi } from './plugins/openapi';
import {
  memoryRateLimitStore,
  redisRateLimitStore,
  registerRateLimit,
  type RateLimitStore,
} from './plugins/rate-limit';
import { AccessLogController } from './plugins/request-log';
import { authRoutes } from './routes/altegio/v1/auth';
import { bookingFormRoutes } from './routes/altegio/v1/booking-forms';
import { bookingSettingsRoutes } from './routes/altegio/v1/booking-settings';
import { locationRoutes } from './routes/altegio/v1/locations';
import { onlineBookingReadRoutes } from './routes/altegio/v1/online-booking-read';
import { onlineBookingWriteRoutes } from './routes/altegio/v1/online-booking-write';
import { positionRoutes } from './routes/altegio/v1/positions';
import { resourceRoutes } from './routes/altegio/v1/resources';
import { scheduleRoutes } from './routes/altegio/v1/schedules';
import { serviceCategoryRoutes } from './routes/altegio/v1/service-categories';
import { serviceStaffRoutes } from './routes/altegio/v1/service-staff';
import { serviceRoutes } from './routes/altegio/v1/services';
import { staffRoutes } from './routes/altegio/v1/staff';
import { recordRoutes } from './routes/altegio/v1/records';
import { clientRoutes } from './routes/altegio/v1/clients';
import { clientHistoryRoutes } from './routes/altegio/v1/client-history';
import { activityRoutes } from './routes/altegio/v1/activities';
import { userRecordRoutes } from './routes/altegio/v1/user-records';
import { clientAuthRoutes } from './routes/altegio/v1/client-auth';
import { registerAppApi } from './routes/app/v1';
import { registerAdminApi } from './routes/admin/v1';
import { registerAdminStatic } from './plugins/admin-static';
import { healthRoutes } from './routes/health';
import { loyaltyTypeRoutes } from './routes/altegio/v1/loyalty-types';
import { loyaltyCardTypeRoutes } from './routes/altegio/v1/loyalty-card-types';
import { loyaltyProgramRoutes } from './routes/altegio/v1/loyalty-programs';
import { loyaltyImageRoutes } from './routes/altegio/v1/loyalty-images';
import { loyaltyInstrumentRoutes } from './routes/altegio/v1/loyalty-instruments';
import { loyaltyCardRoutes } from './routes/altegio/v1/loyalty-cards';
import { visitLoyaltyPaymentRoutes } from './routes/altegio/v1/visit-loyalty-payment';
import { membershipChangeRoutes } from './routes/altegio/v1/membership-changes';
import { userLoyaltyRoutes } from './routes/altegio/v1/user-loyalty';
import { loyaltyWidgetRoutes } from './routes/altegio/v1/loyalty-widget';
import { paymentRoutes } from './routes/payments';
import { fileTermsTextSource, termsDirOf } from './adapters/terms';

export interface AppOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  passwords?: PasswordHasher;
  /** Replaces the configured SMS gateway (tests). */
  sms?: SmsProvider;
  rateLimitStore?: RateLimitStore;
  /** Time source of the rate-limit windows (tests drive it; defaults to Date.now). */
  rateLimitNow?: () => number;
  logger?: boolean | object;
  /** A ready-made logger (e.g. pino writing to a test stream); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
}

/** Media types the API answers in (parameters such as `;q=0.9` or `;charset=` allowed). */
const ACCEPTED = /^(application\/(vnd\.(api|yclients)\.v2\+json|json|\*)|\*\/\*)\s*(;|$)/i;

/** The composition root: every dependency is chosen here and handed down explicitly. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : {
          logger: options.logger ?? {
            level: config.logLevel,
            redact: ['req.headers.authorization'],
          },
        }),
    logController: new AccessLogController(),
    trustProxy: config.trustProxy,
    // Altegio/YCLIENTS clients send paths with and without a trailing slash; both route alike.
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  });
  const deps: ServerDeps = {
    db,
    uow: unitOfWork(db),
    read: readRepos(db),
    tokens: tokenCrypto,
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? argon2Hasher,
    config,
    sms: options.sms ?? createSmsProvider(config.sms, app.log),
    loyalty: createLoyaltyAdapters(config),
    terms: fileTermsTextSource(termsDirOf(config.dataDir)),
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
  registerJsonBodyGuard(app);
  await registerOpenApi(app);
  healthRoutes(app, { kind: db.kind, pendingMigrations: () => pendingMigrations(db) });

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
      registerRateLimit(api, config.rateLimit, store, options.rateLimitNow);
      registerAuth(api, db);
      runAccessChecksBeforeValidation(api);
      registerParameterAliases(api);
      authRoutes(api, deps);
      locationRoutes(api, deps);
      onlineBookingReadRoutes(api, deps);
      onlineBookingWriteRoutes(api, deps);
      scheduleRoutes(api, deps);
      bookingSettingsRoutes(api, deps);
      staffRoutes(api, deps);
      recordRoutes(api, deps);
      clientRoutes(api, deps);
      clientHistoryRoutes(api, deps);
      activityRoutes(api, deps);
      userRecordRoutes(api, deps);
      clientAuthRoutes(api, deps);
      positionRoutes(api, deps);
      serviceRoutes(api, deps);
      serviceStaffRoutes(api, deps);
      serviceCategoryRoutes(api, deps);
      resourceRoutes(api, deps);
      loyaltyTypeRoutes(api, deps);
      loyaltyCardTypeRoutes(api, deps);
      loyaltyProgramRoutes(api, deps);
      loyaltyImageRoutes(api, deps);
      loyaltyInstrumentRoutes(api, deps);
      loyaltyCardRoutes(api, deps);
      visitLoyaltyPaymentRoutes(api, deps);
      membershipChangeRoutes(api, deps);
      userLoyaltyRoutes(api, deps);
      loyaltyWidgetRoutes(api, deps);
      bookingFormRoutes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  await registerAppApi(app, deps, {
    windows: config.rateLimit,
    store,
    now: options.rateLimitNow,
  });
  paymentRoutes(app, deps);
  await registerAdminApi(app, deps, {
    windows: config.rateLimit,
    store,
    now: options.rateLimitNow,
  });
  await registerClientApp(app, {
    distDir: config.clientDir,
    partnerToken: config.appPartnerToken,
  });
  await registerAdminStatic(app);
  return app;
}
