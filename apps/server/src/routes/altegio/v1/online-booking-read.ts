import {
  BookDatesEnvelope,
  BookDatesQuery,
  BookServicesEnvelope,
  BookServicesQuery,
  BookStaffEnvelope,
  BookStaffParams,
  BookStaffQuery,
  BookStaffSeancesEnvelope,
  BookTimesEnvelope,
  BookTimesParams,
  errorResponses,
  ServiceIdsQuery,
} from '@visita/contracts';
import {
  findBookableDates,
  findBookableTimes,
  invalid,
  listBookableServices,
  listBookableStaff,
  monthAround,
  parseWireDateTime,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner } from '../../../plugins/auth';
import {
  groupByMonth,
  presentBookCategory,
  presentBookService,
  presentBookStaff,
  presentBookTime,
  presentSeance,
} from '../../../presenters/online-booking';
import { CompanyParams, ok, partnerSecurity, typed } from '../../typed';

const tags = ['Online booking'];

export function serviceIdsOf(query: {
  'service_ids[]'?: number[];
  service_ids?: number[];
}): number[] {
  return query['service_ids[]'] ?? query.service_ids ?? [];
}

/** A `datetime` query in ISO or local form; only its instant matters here (any zone reads it). */
function instantOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const at = parseWireDateTime(value, 'UTC');
  if (at === null) throw invalid('datetime', `"${value}" is not a date-time`);
  return at;
}

/** The month around `date` (the widget's "any date of the wanted month"), or the explicit range. */
function dateRange(query: { date?: string; date_from?: string; date_to?: string }, today: string) {
  if (query.date_from || query.date_to)
    return { from: query.date_from ?? today, to: query.date_to ?? query.date_from ?? today };
  return monthAround(query.date ?? today);
}

export function onlineBookingReadRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);

  t.get(
    '/book_services/:company_id',
    {
      schema: {
        tags,
        summary: 'Services bookable online',
        security: partnerSecurity,
        params: CompanyParams,
        querystring: BookServicesQuery,
        response: { 200: BookServicesEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const result = await listBookableServices(deps, {
        locationId: request.params.company_id,
        staffId: request.query.staff_id ?? 0,
      });
      return ok({
        services: result.services.map(presentBookService),
        category: result.categories.map(presentBookCategory),
        events: [],
      });
    },
  );

  t.get(
    '/book_staff/:company_id',
    {
      schema: {
        tags,
        summary: 'Team members bookable online',
        security: partnerSecurity,
        params: CompanyParams,
        querystring: BookStaffQuery,
        response: { 200: BookStaffEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const from = instantOf(request.query.datetime);
      const result = await listBookableStaff(deps, {
        locationId: request.params.company_id,
        staffId: 0,
        serviceIds: serviceIdsOf(request.query),
        ...(from !== undefined ? { from } : {}),
        withSeances: request.query.without_seances !== 1,
      });
      return ok(result.members.map((m) => presentBookStaff(m, result.timeZone)));
    },
  );

  t.get(
    '/book_staff_seances/:company_id/:staff_id/',
    {
      schema: {
        tags,
        summary: "A team member's nearest free day",
        security: partnerSecurity,
        params: BookStaffParams,
        querystring: BookStaffQuery,
        response: { 200: BookStaffSeancesEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const from = instantOf(request.query.datetime);
      const result = await listBookableStaff(deps, {
        locationId: request.params.company_id,
        staffId: request.params.staff_id,
        serviceIds: serviceIdsOf(request.query),
        ...(from !== undefined ? { from } : {}),
        withSeances: true,
      });
      const first = result.members.find((m) => m.seanceDate) ?? null;
      return ok({
        seance_date: first?.seanceDate ?? null,
        seances: (first?.seances ?? []).map((s) => presentSeance(s, result.timeZone)),
      });
    },
  );

  t.get(
    '/book_dates/:company_id',
    {
      schema: {
        tags,
        summary: 'Dates with free slots',
        security: partnerSecurity,
        params: CompanyParams,
        querystring: BookDatesQuery,
        response: { 200: BookDatesEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const today = new Date(deps.clock.now()).toISOString().slice(0, 10);
      const range = dateRange(request.query, today);
      const result = await findBookableDates(deps, {
        locationId: request.params.company_id,
        staffId: request.query.staff_id ?? 0,
        serviceIds: serviceIdsOf(request.query),
        dateFrom: range.from,
        dateTo: range.to,
      });
      return ok({
        booking_days: groupByMonth(result.bookingDates),
        booking_dates: result.bookingDates,
        working_days: groupByMonth(result.workingDates),
        working_dates: result.workingDates,
      });
    },
  );

  t.get(
    '/book_times/:company_id/:staff_id/:date',
    {
      schema: {
        tags,
        summary: 'Free start times of a day',
        security: partnerSecurity,
        params: BookTimesParams,
        querystring: ServiceIdsQuery,
        response: { 200: BookTimesEnvelope, ...errorResponses },
      },
      preHandler: needsPartner,
    },
    async (request) => {
      const result = await findBookableTimes(deps, {
        locationId: request.params.company_id,
        staffId: request.params.staff_id,
        date: request.params.date,
        serviceIds: serviceIdsOf(request.query),
      });
      return ok(result.times.map((time) => presentBookTime(time, result.timeZone)));
    },
  );
}
