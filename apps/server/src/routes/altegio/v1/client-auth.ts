import {
  BookCodeBody,
  BookingUserDataEnvelope,
  ErrorBody,
  errorResponses,
  MessageAck,
  UpdateBookingUserBody,
  UserAuthBody,
  UserAuthEnvelope,
} from '@visita/contracts';
import {
  logInWithPhoneCode,
  parseAuthorizationHeader,
  requestPhoneCode,
  updateBookingUser,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsAppUser, requireAppUser } from '../../../plugins/app-auth';
import { needsPartner } from '../../../plugins/auth';
import { presentBookingUser } from '../../../presenters/app-user';
import { phoneCodeDeps } from '../../phone-code-deps';
import { CompanyParams, ok, partnerSecurity, typed, userSecurity } from '../../typed';

const tags = ['Client identity'];

/**
 * Contract §3.a: a client proves their phone with an SMS code and gets a user token, which they
 * send as `Bearer <partner>, User <token>`. It is the same token the client app uses.
 */
export function clientAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const codeDeps = phoneCodeDeps(deps);

  t.post(
    '/book_code/:company_id',
    {
      schema: {
        tags,
        summary: 'Send an SMS code confirming the phone',
        description:
          'The code serves `user/auth` and `book_record` where the location has `phone_confirmation`. One code per 60 s and at most 5 per hour for a phone, and a per-IP cap: 429 with `Retry-After` beyond.',
        security: partnerSecurity,
        params: CompanyParams,
        body: BookCodeBody,
        response: { 201: MessageAck, ...errorResponses, 502: ErrorBody },
      },
      preHandler: needsPartner,
    },
    async (request, reply) => {
      await requestPhoneCode(codeDeps, {
        phone: request.body.phone,
        ip: request.ip,
        locationId: request.params.company_id,
      });
      return reply.status(201).send({ success: true, meta: { message: 'Created' } });
    },
  );

  t.post(
    '/user/auth',
    {
      schema: {
        tags,
        summary: 'Log in with the phone and the SMS code',
        description:
          'A wrong code is 422 with `meta.errors: [{code: 432}]`; after 5 wrong tries the code is void.',
        security: partnerSecurity,
        body: UserAuthBody,
        response: { 201: UserAuthEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request, reply) => {
      const { user, token } = await logInWithPhoneCode(deps, {
        phone: request.body.phone,
        code: request.body.code,
        device: (request.headers['user-agent'] ?? '').slice(0, 200),
      });
      return reply.status(201).send(ok(presentBookingUser(user, token)));
    },
  );

  t.get(
    '/booking/user/data',
    {
      schema: {
        tags,
        summary: 'The logged-in booking user',
        security: userSecurity,
        response: { 200: BookingUserDataEnvelope, ...errorResponses },
      },
      preHandler: [needsPartner, needsAppUser(deps)],
    },
    async (request) => {
      const token = parseAuthorizationHeader(request.headers.authorization).userToken ?? '';
      return ok({ '0': token, ...presentBookingUser(requireAppUser(request), token) });
    },
  );

  t.put(
    '/booking/user',
    {
      schema: {
        tags,
        summary: "Update the booking user's name and e-mail",
        description:
          'The phone is the login: sending the user’s own number is accepted, a different one is 422 (log in with the new number instead).',
        security: userSecurity,
        body: UpdateBookingUserBody,
        response: { 202: MessageAck, ...errorResponses },
      },
      preHandler: [needsPartner, needsAppUser(deps)],
    },
    async (request, reply) => {
      const body = request.body;
      await updateBookingUser(deps, requireAppUser(request), {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.email !== undefined ? { email: body.email } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
      });
      return reply.status(202).send({ success: true, meta: { message: 'Accepted' } });
    },
  );
}
