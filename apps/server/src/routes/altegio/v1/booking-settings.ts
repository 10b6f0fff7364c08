import {
  errorResponses,
  OnlineSettingsEnvelope,
  OnlineSettingsPatchBody,
  TimetableSettingsEnvelope,
  TimetableSettingsPatchBody,
} from '@visita/contracts';
import {
  getBookingSettings,
  getLocation,
  updateBookingSettings,
  type BookingSettings,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import {
  presentOnlineSettings,
  presentTimetableSettings,
} from '../../../presenters/booking-settings';
import { CompanyParams, ok, typed, userSecurity } from '../../typed';

const tags = ['Online booking settings'];

interface SettingsWireFields {
  seance_delay_step?: number;
  timetable_step?: number;
  booking_horizon_days?: number;
  allow_delete_record?: boolean;
  allow_delete_record_delay_step?: number;
  allow_change_record?: boolean;
  allow_change_record_delay_step?: number;
  online_record_needs_confirmation?: boolean;
}

/** Wire body → domain patch; seconds become minutes (the schemas allow whole minutes only). */
function toSettingsPatch(body: SettingsWireFields): Partial<BookingSettings> {
  const minutes = (seconds: number | undefined) =>
    seconds === undefined ? undefined : seconds / 60;
  // Absent fields stay undefined; the use case leaves those settings as they are.
  return {
    minNoticeMinutes: body.seance_delay_step,
    slotStepMinutes: minutes(body.timetable_step),
    horizonDays: body.booking_horizon_days,
    allowClientCancel: body.allow_delete_record,
    cancelUntilMinutes: minutes(body.allow_delete_record_delay_step),
    allowClientReschedule: body.allow_change_record,
    rescheduleUntilMinutes: minutes(body.allow_change_record_delay_step),
    onlineNeedsConfirmation: body.online_record_needs_confirmation,
  };
}

export function bookingSettingsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  // The contract's `confirm_number` is the location's SMS-code step for online bookings.
  const confirmsPhone = async (locationId: number) =>
    (await getLocation({ uow: deps.read }, locationId)).phoneConfirmation;
  const canRead = needsRight(deps.db, 'catalog:read');
  const canWrite = needsRight(deps.db, 'settings:write');

  t.get(
    '/company/:company_id/settings/online',
    {
      schema: {
        tags,
        summary: 'Online-booking settings of a location',
        security: userSecurity,
        params: CompanyParams,
        response: { 200: OnlineSettingsEnvelope, ...errorResponses },
      },
      preHandler: canRead,
    },
    async (request) => {
      const id = request.params.company_id;
      return ok(presentOnlineSettings(await getBookingSettings(deps, id), await confirmsPhone(id)));
    },
  );

  t.patch(
    '/company/:company_id/settings/online',
    {
      schema: {
        tags,
        summary: 'Change online-booking settings',
        description: 'Only the fields sent change; unknown contract fields are ignored.',
        security: userSecurity,
        params: CompanyParams,
        body: OnlineSettingsPatchBody,
        response: { 200: OnlineSettingsEnvelope, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request) => {
      const id = request.params.company_id;
      const settings = await updateBookingSettings(deps, id, toSettingsPatch(request.body));
      return ok(presentOnlineSettings(settings, await confirmsPhone(id)));
    },
  );

  t.get(
    '/company/:company_id/settings/timetable',
    {
      schema: {
        tags,
        summary: 'Calendar settings of a location (the slot step)',
        security: userSecurity,
        params: CompanyParams,
        response: { 200: TimetableSettingsEnvelope, ...errorResponses },
      },
      preHandler: canRead,
    },
    async (request) =>
      ok(presentTimetableSettings(await getBookingSettings(deps, request.params.company_id))),
  );

  t.patch(
    '/company/:company_id/settings/timetable',
    {
      schema: {
        tags,
        summary: 'Change the calendar slot step',
        security: userSecurity,
        params: CompanyParams,
        body: TimetableSettingsPatchBody,
        response: { 200: TimetableSettingsEnvelope, ...errorResponses },
      },
      preHandler: canWrite,
    },
    async (request) =>
      ok(
        presentTimetableSettings(
          await updateBookingSettings(
            deps,
            request.params.company_id,
            toSettingsPatch(request.body),
          ),
        ),
      ),
  );
}
