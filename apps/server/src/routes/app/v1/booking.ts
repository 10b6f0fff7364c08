import { AppBookBody, AppBookParams, BookRecordEnvelope, errorResponses } from '@visita/contracts';
import { bookMyAppointment } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import { clientSecurity, ok, typed } from '../../typed';

/** Booking as the logged-in client: `book_record` with the account's verified phone, no code. */
export function appBookingRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  t.post(
    '/places/:location_id/appointments',
    {
      schema: {
        tags: ['App: appointments'],
        summary: 'Book appointments as the logged-in client (no SMS code: the phone is verified)',
        description:
          'The same rules as `book_record` (free slot, 433 when the time was taken meanwhile, 436/438 …) with the phone of the account, verified by the login code, so a location with `phone_confirmation` asks for no second code. Send an `Idempotency-Key` header to make retries safe.',
        security: clientSecurity,
        params: AppBookParams,
        body: AppBookBody,
        response: { 201: BookRecordEnvelope, ...errorResponses },
      },
      preHandler: needsConsentedAppUser(deps),
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const body = request.body;
      const booked = await bookMyAppointment(deps, requireAppUser(request), {
        locationId: request.params.location_id,
        fullname: body.fullname,
        ...(body.comment !== undefined ? { comment: body.comment } : {}),
        appointments: body.appointments.map((a) => ({
          id: a.id,
          serviceIds: a.services,
          staffId: a.staff_id,
          datetime: a.datetime,
        })),
        ...(typeof key === 'string' && key ? { idempotencyKey: key.slice(0, 200) } : {}),
      });
      return reply.status(201).send(ok(booked));
    },
  );
}
