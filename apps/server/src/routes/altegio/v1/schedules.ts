import {
  errorResponses,
  StaffParams,
  StaffScheduleBody,
  StaffScheduleDayListEnvelope,
  StaffScheduleDayParams,
  StaffScheduleDaysBody,
  StaffScheduleListEnvelope,
  StaffScheduleQuery,
} from '@visita/contracts';
import {
  getStaffScheduleDays,
  getStaffSchedules,
  setStaffScheduleDays,
  setStaffSchedules,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { presentScheduleDay, presentStaffSchedule } from '../../../presenters/schedule';
import { CompanyParams, ok, typed, userSecurity } from '../../typed';

const tags = ['Schedules'];

export function scheduleRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const canRead = needsRight(deps.db, 'schedule:read');
  const canWrite = needsRight(deps.db, 'schedule:write');

  for (const url of [
    '/company/:company_id/staff/schedule',
    '/locations/:company_id/team_members/schedule',
  ]) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'Team member schedules in a date range',
          description:
            'Stored working days and days off (`slots: []`); dates default to today at the location. ' +
            '`include[]=busy_intervals` adds the appointments and group events taking the time.',
          security: userSecurity,
          params: CompanyParams,
          querystring: StaffScheduleQuery,
          response: { 200: StaffScheduleListEnvelope, ...errorResponses },
        },
        preHandler: canRead,
      },
      async (request) => {
        const q = request.query;
        const staffIds = [
          ...(q.staff_ids ?? []),
          ...(q['staff_ids[]'] ?? []),
          ...(q['team_member_ids[]'] ?? []),
        ];
        const include = [...(q.include ?? []), ...(q['include[]'] ?? [])];
        const days = await getStaffSchedules(deps, request.params.company_id, {
          ...(q.start_date !== undefined ? { startDate: q.start_date } : {}),
          ...(q.end_date !== undefined ? { endDate: q.end_date } : {}),
          ...(staffIds.length > 0 ? { staffIds } : {}),
          includeBusy: include.includes('busy_intervals'),
        });
        return ok(days.map(presentStaffSchedule), { count: days.length });
      },
    );

    t.put(
      url,
      {
        schema: {
          tags,
          summary: 'Set and remove team member working days',
          description:
            'All or nothing. Answers with the resulting schedules of the touched members from the ' +
            'earliest to the latest touched date. `team_member_id` is accepted for `staff_id`.',
          security: userSecurity,
          params: CompanyParams,
          body: StaffScheduleBody,
          response: { 200: StaffScheduleListEnvelope, ...errorResponses },
        },
        preHandler: canWrite,
      },
      async (request) => {
        const body = request.body;
        const days = await setStaffSchedules(deps, request.params.company_id, {
          toSet: (body.schedules_to_set ?? []).map((e) => ({
            staffId: e.staff_id,
            dates: e.dates,
            slots: e.slots,
          })),
          toDelete: (body.schedules_to_delete ?? []).map((e) => ({
            staffId: e.staff_id,
            dates: e.dates,
          })),
        });
        return ok(days.map(presentStaffSchedule), { count: days.length });
      },
    );
  }

  t.get(
    '/schedule/:company_id/:staff_id/:start_date/:end_date',
    {
      schema: {
        tags,
        summary: "One team member's schedule for every date of a range (deprecated)",
        deprecated: true,
        security: userSecurity,
        params: StaffScheduleDayParams,
        response: { 200: StaffScheduleDayListEnvelope, ...errorResponses },
      },
      preHandler: canRead,
    },
    async (request) => {
      const p = request.params;
      const days = await getStaffScheduleDays(
        deps,
        p.company_id,
        p.staff_id,
        p.start_date,
        p.end_date,
      );
      return ok(days.map(presentScheduleDay));
    },
  );

  t.put(
    '/schedule/:company_id/:staff_id',
    {
      schema: {
        tags,
        summary: "Set one team member's working days (deprecated)",
        description: 'A day with `is_working: 0` is stored as a day off.',
        deprecated: true,
        security: userSecurity,
        params: StaffParams,
        body: StaffScheduleDaysBody,
        response: { 201: StaffScheduleDayListEnvelope, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request, reply) => {
      const days = await setStaffScheduleDays(
        deps,
        request.params.company_id,
        request.params.staff_id,
        request.body.map((day) => ({
          date: day.date,
          working: day.is_working === true || day.is_working === 1,
          slots: day.slots ?? [],
        })),
      );
      const data = days.map((day) => presentScheduleDay({ ...day, working: day.slots.length > 0 }));
      return reply.status(201).send(ok(data));
    },
  );
}
