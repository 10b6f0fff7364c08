import { DomainError, roleHasRight, type Right } from '@visita/core';
import { authRepo } from '@visita/db';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ServerDeps } from '../deps';
import { accessDenied, pathIdOf, requireUser } from './auth';

/**
 * Chain-level routes (`/chain/{chain_id}/…`) need `right` granted on the whole chain: 401 without
 * a user, 404 for an unknown chain, 403 otherwise (a grant on one location is not enough).
 */
export function needsChainRight(deps: ServerDeps, right: Right): preHandlerAsyncHookHandler {
  return async (request) => {
    const user = requireUser(request);
    const chainId = pathIdOf(request, 'group_id');
    const role = await authRepo.findUserRoleInChain(deps.db, user.id, chainId);
    if (!role) {
      if (!(await deps.read((r) => r.locations.findChain(chainId))))
        throw new DomainError('not_found', 'Chain not found');
      throw accessDenied();
    }
    if (!roleHasRight(role, right)) throw accessDenied();
    request.caller.role = role;
  };
}

/** `right` at the location a route names somewhere other than `:company_id` (e.g. `?company_id=`). */
export function needsLocationRight(
  deps: ServerDeps,
  right: Right,
  locationOf: (request: FastifyRequest) => unknown,
): preHandlerAsyncHookHandler {
  return async (request) => {
    const user = requireUser(request);
    const locationId = Number(await locationOf(request));
    if (!Number.isInteger(locationId) || locationId <= 0 || locationId > 2147483647)
      throw new DomainError('bad_request', 'company_id must be a positive integer', 'company_id');
    const role = await authRepo.findUserRoleAtLocation(deps.db, user.id, locationId);
    if (!role) {
      if (!(await authRepo.locationExists(deps.db, locationId)))
        throw new DomainError('not_found', 'Location not found');
      throw accessDenied();
    }
    if (!roleHasRight(role, right)) throw accessDenied();
    request.caller.role = role;
  };
}
