import { CONSENT_KINDS, currentTermsVersions, DomainError, type AppUser } from '@visita/core';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { tokenCrypto } from '../adapters/crypto';
import type { ServerDeps } from '../deps';

/**
 * Client-app identity. The app API (`/api/app/v1`) takes `Authorization: Bearer <client token>`;
 * the contract's B2C endpoints take the same token as `Bearer <partner>, User <client token>`.
 */
declare module 'fastify' {
  interface FastifyRequest {
    appUser: AppUser | null;
  }
}

function clientTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  const user = /(?:^|,)\s*user\s+(\S+)/i.exec(header);
  if (user?.[1]) return user[1];
  if (request.url.startsWith('/api/app/')) {
    const bearer = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
    return bearer?.[1] ?? null;
  }
  return null;
}

export async function resolveAppUser(deps: ServerDeps, request: FastifyRequest): Promise<AppUser> {
  if (request.appUser) return request.appUser;
  const token = clientTokenOf(request);
  const user = token
    ? await deps.read((repos) => repos.appUsers.findAppUserByTokenHash(tokenCrypto.sha256(token)))
    : null;
  if (!user) throw new DomainError('unauthenticated', 'Authentication needed.');
  request.appUser = user;
  return user;
}

/** 401 without a valid client token. */
export function needsAppUser(deps: ServerDeps): preHandlerAsyncHookHandler {
  return async (request) => {
    await resolveAppUser(deps, request);
  };
}

/** 401 without a token; 403 `consent_required` until the terms in force are accepted. */
export function needsConsentedAppUser(deps: ServerDeps): preHandlerAsyncHookHandler {
  return async (request) => {
    const user = await resolveAppUser(deps, request);
    const versions = await currentTermsVersions(deps);
    const accepted = await deps.read((repos) =>
      repos.appUsers.findAcceptedConsents(user.id, versions),
    );
    const missing = CONSENT_KINDS.filter((k) => !accepted.includes(k));
    if (missing.length > 0)
      throw new DomainError(
        'consent_required',
        'Accept the user agreement and data processing terms first',
        'consent',
        {
          missing,
          versions,
        },
      );
  };
}

export function requireAppUser(request: FastifyRequest): AppUser {
  if (!request.appUser) throw new DomainError('unauthenticated', 'Authentication needed.');
  return request.appUser;
}
