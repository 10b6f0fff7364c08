import { AuthBody, AuthEnvelope, errorResponses } from '@visita/contracts';
import { logInUser } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import { tokenCrypto } from '../../../adapters/crypto';
import type { ServerDeps } from '../../../deps';
import { needsPartner } from '../../../plugins/auth';
import { ok, partnerSecurity, typed } from '../../typed';

export function authRoutes(app: FastifyInstance, deps: ServerDeps): void {
  typed(app).post(
    '/auth',
    {
      schema: {
        tags: ['Auth'],
        summary: 'Back-office user login',
        security: partnerSecurity,
        body: AuthBody,
        response: { 201: AuthEnvelope, ...errorResponses },
      },
      // Before body validation: without a partner token the answer is 401, never a 422.
      preValidation: needsPartner,
    },
    async (request, reply) => {
      const { user, userToken } = await deps.read((repos) =>
        logInUser(
          {
            ...repos.userLogins,
            verifyPassword: (hash, password) => deps.passwords.verify(hash, password),
            tokens: tokenCrypto,
          },
          request.body,
        ),
      );
      return reply.status(201).send(
        ok({
          id: user.id,
          user_token: userToken,
          name: user.name,
          phone: user.phone,
          login: user.login,
          email: user.email,
          avatar: '',
          is_approved: true,
          // Logins are not verified by e-mail yet.
          is_email_confirmed: false,
        }),
      );
    },
  );
}
