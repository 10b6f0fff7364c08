import {
  errorResponses,
  UserRecordDeletedEnvelope,
  UserRecordListEnvelope,
  UserRecordParams,
} from '@visita/contracts';
import {
  DomainError,
  deleteUserRecord,
  parseAuthorizationHeader,
  resolveUserRecordCaller,
  viewUserRecord,
  type UserRecordAccess,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { resolveAppUser } from '../../../plugins/app-auth';
import { needsPartner } from '../../../plugins/auth';
import { presentUserRecord } from '../../../presenters/app-cabinet';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Client cabinet'];

/**
 * With a `User <client token>` the client's own appointments are reachable by id, once the
 * current terms are accepted; the record hash alone always works (it is what booking handed out).
 */
async function accessOf(
  deps: ServerDeps,
  request: FastifyRequest<{ Params: { record_id: number; record_hash: string } }>,
): Promise<{ access: UserRecordAccess; missing: DomainError | null }> {
  const tokenSent = Boolean(parseAuthorizationHeader(request.headers.authorization).userToken);
  // A token that is not a client's (e.g. a back-office user's) still lets the hash decide.
  const user = tokenSent ? await resolveAppUser(deps, request).catch(() => null) : null;
  const { owner, missing } = await resolveUserRecordCaller(
    { uow: deps.read, terms: deps.terms, tokens: deps.tokens },
    { tokenSent, user },
  );
  return {
    access: { recordId: request.params.record_id, recordHash: request.params.record_hash, owner },
    missing,
  };
}

/** A miss that only a bad token or the missing consent explains is answered as such. */
async function explained<T>(missing: DomainError | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (missing && error instanceof DomainError && error.code === 'not_found') throw missing;
    throw error;
  }
}

export function userRecordRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const url = '/user/records/:record_id/:record_hash';

  t.get(
    url,
    {
      schema: {
        tags,
        summary: "The client's appointment (by its hash, or by id for its logged-in owner)",
        security: userSecurity,
        params: UserRecordParams,
        response: { 200: UserRecordListEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { access, missing } = await accessOf(deps, request);
      const found = await explained(missing, () => viewUserRecord(deps, access));
      return ok([presentUserRecord(found)]);
    },
  );

  t.delete(
    url,
    {
      schema: {
        tags,
        summary: "Cancel the client's appointment, when the location lets clients cancel",
        security: userSecurity,
        params: UserRecordParams,
        response: { 200: UserRecordDeletedEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const { access, missing } = await accessOf(deps, request);
      await explained(missing, () => deleteUserRecord(deps, access));
      return ok(null);
    },
  );
}
