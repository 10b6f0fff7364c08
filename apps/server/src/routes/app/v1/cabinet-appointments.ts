import {
  AppAppointmentEnvelope,
  AppAppointmentListEnvelope,
  AppAppointmentParams,
  AppAppointmentsQuery,
  AppBookAgainEnvelope,
  AppRescheduleBody,
  AppReviewBody,
  AppReviewEnvelope,
  ErrorBody,
  errorResponses,
} from '@visita/contracts';
import {
  bookAgain,
  cancelMyAppointment,
  getMyAppointment,
  leaveReview,
  listMyAppointments,
  rescheduleMyAppointment,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import { presentAppAppointment, presentReview } from '../../../presenters/app-cabinet';
import { clientSecurity, listMeta, ok, typed } from '../../typed';

const tags = ['App: appointments'];
const responses = { ...errorResponses, 409: ErrorBody };

/** The client's appointments at every location: list, details, cancel, reschedule, book again, review. */
export function cabinetAppointmentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const preHandler = needsConsentedAppUser(deps);
  const security = clientSecurity;

  t.get(
    '/appointments',
    {
      schema: {
        tags,
        summary: "The client's appointments (upcoming, past or canceled) at every location",
        security,
        querystring: AppAppointmentsQuery,
        response: { 200: AppAppointmentListEnvelope, ...responses },
      },
      preHandler,
    },
    async (request) => {
      const page = { page: request.query.page ?? 1, count: request.query.count ?? 50 };
      const result = await listMyAppointments(
        deps,
        requireAppUser(request),
        { status: request.query.status ?? 'upcoming' },
        page,
      );
      return ok(result.items.map(presentAppAppointment), listMeta(result.total, page.page));
    },
  );

  t.get(
    '/appointments/:id',
    {
      schema: {
        tags,
        summary: 'One appointment with what the client may do about it',
        security,
        params: AppAppointmentParams,
        response: { 200: AppAppointmentEnvelope, ...responses },
      },
      preHandler,
    },
    async (request) =>
      ok(
        presentAppAppointment(
          await getMyAppointment(deps, requireAppUser(request), request.params.id),
        ),
      ),
  );

  t.post(
    '/appointments/:id/cancel',
    {
      schema: {
        tags,
        summary: "Cancel, when the location's online booking settings allow it",
        security,
        params: AppAppointmentParams,
        response: { 200: AppAppointmentEnvelope, ...responses },
      },
      preHandler,
    },
    async (request) =>
      ok(
        presentAppAppointment(
          await cancelMyAppointment(deps, requireAppUser(request), request.params.id),
        ),
      ),
  );

  t.post(
    '/appointments/:id/reschedule',
    {
      schema: {
        tags,
        summary: 'Move to another free time of the same team member, when the location allows it',
        security,
        params: AppAppointmentParams,
        body: AppRescheduleBody,
        response: { 200: AppAppointmentEnvelope, ...responses },
      },
      preHandler,
    },
    async (request) =>
      ok(
        presentAppAppointment(
          await rescheduleMyAppointment(deps, requireAppUser(request), {
            recordId: request.params.id,
            datetime: request.body.datetime,
          }),
        ),
      ),
  );

  t.get(
    '/appointments/:id/book-again',
    {
      schema: {
        tags,
        summary: 'What the booking form needs pre-filled to repeat this appointment',
        security,
        params: AppAppointmentParams,
        response: { 200: AppBookAgainEnvelope, ...responses },
      },
      preHandler,
    },
    async (request) => {
      const prefill = await bookAgain(deps, requireAppUser(request), request.params.id);
      return ok({
        location_id: prefill.locationId,
        service_ids: prefill.serviceIds,
        staff_id: prefill.staffId,
      });
    },
  );

  t.post(
    '/appointments/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Rate the team member or review the location after a past appointment',
        security,
        params: AppAppointmentParams,
        body: AppReviewBody,
        response: { 201: AppReviewEnvelope, ...responses },
      },
      preHandler,
    },
    async (request, reply) => {
      const user = requireAppUser(request);
      const { review, timeZone } = await leaveReview(deps, user, {
        recordId: request.params.id,
        target: request.body.target,
        rating: request.body.rating,
        text: request.body.text ?? '',
      });
      return reply.status(201).send(ok(presentReview(review, user, timeZone)));
    },
  );
}
