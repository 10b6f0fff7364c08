import { BookingFormListEnvelope, errorResponses } from '@visita/contracts';
import { getLocation } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentBookingForm } from '../../../presenters/booking-form';
import { CompanyParams, ok, typed, userSecurity } from '../../typed';

export function bookingFormRoutes(app: FastifyInstance, deps: ServerDeps): void {
  typed(app).get(
    '/company/:company_id/booking_forms',
    {
      schema: {
        tags: ['Booking forms'],
        summary: "The location's booking forms (one: its online booking)",
        security: userSecurity,
        params: CompanyParams,
        response: { 200: BookingFormListEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'catalog:read'),
    },
    async (request) => {
      const location = await getLocation({ uow: deps.read }, request.params.company_id);
      return ok([presentBookingForm(location)]);
    },
  );
}
