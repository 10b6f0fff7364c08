import {
  AdminMeEnvelope,
  AdminSessionBody,
  AdminSessionEnvelope,
  AdminSignOutEnvelope,
  errorResponses,
} from '@visita/contracts';
import { parseAuthorizationHeader, rightsOf } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import { backOfficeSessions } from '../../../adapters/back-office-sessions';
import type { ServerDeps } from '../../../deps';
import { needsUser, requirePartner, requireUser } from '../../../plugins/auth';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Back office'];

async function presentMe(
  deps: ServerDeps,
  user: { id: number; login: string; name: string; email: string },
) {
  const locations = await backOfficeSessions(deps).locationsOf(user.id);
  return {
    user: { id: user.id, login: user.login, name: user.name, email: user.email },
    locations: locations.map((l) => ({
      ...l,
      rights: rightsOf(l.role),
      chain_rights: l.chain_role ? rightsOf(l.chain_role) : [],
      booking_url: `/app/book/${l.id}`,
    })),
  };
}

export function adminSessionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);

  t.post(
    '/session',
    {
      schema: {
        tags,
        summary: 'Sign in to the back office',
        description:
          'Checks the login like `POST /api/v1/auth` and answers a user token plus a partner token of this browser session alone, so the browser calls `/api/v1` as `Bearer <partner_token>, User <user_token>`. Changes made with such a partner token are back-office changes (`record_from: "back_office"`).',
        body: AdminSessionBody,
        response: { 201: AdminSessionEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await backOfficeSessions(deps).open(request.body);
      return reply.status(201).send(
        ok({
          partner_token: session.partnerToken,
          user_token: session.userToken,
          ...(await presentMe(deps, session.user)),
        }),
      );
    },
  );

  t.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user and the locations they may open, with their rights',
        security: userSecurity,
        response: { 200: AdminMeEnvelope, ...errorResponses },
      },
      preHandler: needsUser,
    },
    async (request) => ok(await presentMe(deps, requireUser(request))),
  );

  t.delete(
    '/session',
    {
      schema: {
        tags,
        summary: 'Sign out: revokes this session’s partner token and user token',
        security: userSecurity,
        response: { 200: AdminSignOutEnvelope, ...errorResponses },
      },
      preHandler: needsUser,
    },
    async (request) => {
      const partner = requirePartner(request);
      const userToken = parseAuthorizationHeader(request.headers.authorization).userToken;
      // An integration's own partner token is never revoked by a user signing out.
      await backOfficeSessions(deps).close({
        userToken,
        sessionPartnerId: partner.back_office_user_id ? partner.id : null,
      });
      return ok({ signed_out: true });
    },
  );
}
