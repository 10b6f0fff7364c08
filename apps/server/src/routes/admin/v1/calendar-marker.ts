import {
  AdminLocationParams,
  CalendarMarkerEnvelope,
  CalendarMarkerQuery,
  errorResponses,
} from '@visita/contracts';
import { getCalendarMarker } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { ok, typed, userSecurity } from '../../typed';

/**
 * The calendar's change marker, polled by the back office so that online bookings and other
 * admins' changes show up without a reload. Read from the database: any process answers alike.
 */
export function adminCalendarMarkerRoutes(app: FastifyInstance, deps: ServerDeps): void {
  typed(app).get(
    '/locations/:company_id/calendar/marker',
    {
      schema: {
        tags: ['Back office'],
        summary: 'A marker that changes when what the calendar shows for these days changes',
        description:
          'Cheap to poll: one query over the days’ appointments, group events, stored working days and the team. Needs `records:read`.',
        security: userSecurity,
        params: AdminLocationParams,
        querystring: CalendarMarkerQuery,
        response: { 200: CalendarMarkerEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'records:read'),
    },
    async (request) =>
      ok({
        marker: await getCalendarMarker(deps, {
          locationId: request.params.company_id,
          startDate: request.query.start_date,
          endDate: request.query.end_date,
        }),
      }),
  );
}
