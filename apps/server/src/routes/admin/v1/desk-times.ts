import {
  BookTimesEnvelope,
  BookTimesParams,
  DeskTimesQuery,
  errorResponses,
} from '@visita/contracts';
import { findDeskTimes } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentBookTime } from '../../../presenters/online-booking';
import { serviceIdsOf } from '../../altegio/v1/online-booking-read';
import { ok, typed, userSecurity } from '../../typed';

export function adminDeskTimeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  typed(app).get(
    '/locations/:company_id/free_times/:staff_id/:date',
    {
      schema: {
        tags: ['Back office'],
        summary: 'Free start times for the front desk',
        description:
          'Like `book_times`, in the same form, but for the calendar: every service and team member (also those not offered online), no minimum notice and no booking horizon; times already passed are left out. With `record_id` (the appointment being moved) its own time counts as free. Needs `records:write`.',
        security: userSecurity,
        params: BookTimesParams,
        querystring: DeskTimesQuery,
        response: { 200: BookTimesEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'records:write'),
    },
    async (request) => {
      const result = await findDeskTimes(deps, {
        locationId: request.params.company_id,
        staffId: request.params.staff_id,
        date: request.params.date,
        serviceIds: serviceIdsOf(request.query),
        ...(request.query.record_id !== undefined
          ? { movingRecordId: request.query.record_id }
          : {}),
      });
      return ok(result.times.map((time) => presentBookTime(time, result.timeZone)));
    },
  );
}
