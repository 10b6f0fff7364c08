import type { FastifyInstance } from 'fastify';

/**
 * Route modules declare their access checks as `preHandler`; this moves them to `preValidation`
 * for every route of the scope, so a caller without the right token gets 401/403 and never the
 * validation details of a body it may not send.
 */
export function runAccessChecksBeforeValidation(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    if (route.preHandler && !route.preValidation) {
      route.preValidation = route.preHandler;
      delete route.preHandler;
    }
  });
}
