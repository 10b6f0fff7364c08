import {
  accessDenied,
  DomainError,
  parseAuthorizationHeader,
  type Right,
  type Role,
  roleHasRight,
} from '@visita/core';
import { authRepo, type Db } from '@visita/db';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { tokenCrypto } from '../adapters/crypto';

export interface Caller {
  partner: authRepo.PartnerRow | null;
  user: authRepo.UserRow | null;
  /** Role at the location the route is about, once a right check resolved it. */
  role: Role | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
}

export const authenticationNeeded = () =>
  new DomainError('unauthenticated', 'Authentication needed.');
export { accessDenied };

/** Reads `Authorization: Bearer <partner>[, User <user>]` once per request; tokens are looked up by hash. */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    const header = parseAuthorizationHeader(request.headers.authorization);
    const partnerToken = header.partnerToken ?? queryPartnerToken(request);
    const partner = partnerToken
      ? await authRepo.findPartnerByTokenHash(db, tokenCrypto.sha256(partnerToken))
      : null;
    const found =
      partner && header.userToken
        ? await authRepo.findUserByTokenHash(db, tokenCrypto.sha256(header.userToken))
        : null;
    // A back-office session's partner token works only with the user who signed in.
    const user =
      found && partner?.back_office_user_id && partner.back_office_user_id !== found.id
        ? null
        : found;
    request.caller = { partner, user, role: null };
  });
}

function queryPartnerToken(request: FastifyRequest): string | null {
  const value = (request.query as Record<string, unknown> | undefined)?.partner_token;
  return typeof value === 'string' && value ? value : null;
}

export function requirePartner(request: FastifyRequest): authRepo.PartnerRow {
  if (!request.caller.partner) throw authenticationNeeded();
  return request.caller.partner;
}

export function requireUser(request: FastifyRequest): authRepo.UserRow {
  requirePartner(request);
  if (!request.caller.user) throw authenticationNeeded();
  return request.caller.user;
}

/**
 * A path id read before schema validation (access checks run first): beyond int4 no row can
 * exist and the database would refuse the lookup, so it is a 400 naming the parameter.
 */
export function pathIdOf(request: FastifyRequest, name: string): number {
  const params = request.params as Record<string, string | number | undefined>;
  const id = Number(params[name]);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647)
    throw new DomainError('bad_request', `${name} must be a positive integer`, name);
  return id;
}

export const locationIdOf = (request: FastifyRequest): number => pathIdOf(request, 'company_id');

/**
 * A preHandler that lets the request through only when the user holds `right` at the location
 * named by the route's `company_id`: 401 without a user, 404 for an unknown location, 403 otherwise.
 */
export function needsRight(db: Db, right: Right): preHandlerAsyncHookHandler {
  return async (request) => {
    const user = requireUser(request);
    const locationId = locationIdOf(request);
    const role = await authRepo.findUserRoleAtLocation(db, user.id, locationId);
    if (!role) {
      if (!(await authRepo.locationExists(db, locationId)))
        throw new DomainError('not_found', 'Location not found');
      throw accessDenied();
    }
    if (!roleHasRight(role, right)) throw accessDenied();
    request.caller.role = role;
  };
}

export const needsPartner: preHandlerAsyncHookHandler = async (request) => {
  requirePartner(request);
};

export const needsUser: preHandlerAsyncHookHandler = async (request) => {
  requireUser(request);
};

/** Changes made through a back-office session are the back office's; others the integration's. */
export function changeSourceOf(request: FastifyRequest): 'back_office' | 'api' {
  return request.caller.partner?.back_office_user_id ? 'back_office' : 'api';
}
