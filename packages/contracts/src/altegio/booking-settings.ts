import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';

const Seconds = (description: string) =>
  Type.Integer({
    minimum: 0,
    maximum: 31536000,
    multipleOf: 60,
    description: `${description}, in seconds (at most a year)`,
  });

const TimetableStep = Type.Integer({
  minimum: 300,
  maximum: 14400,
  multipleOf: 60,
  description: 'the step of bookable start times, in seconds (5 minutes to 4 hours)',
});

const onlineFields = {
  seance_delay_step: Type.Integer({
    minimum: 0,
    maximum: 525600,
    description:
      'minimum notice before the nearest bookable time, in minutes (as the contract; at most a year)',
  }),
  timetable_step: TimetableStep,
  booking_horizon_days: Type.Integer({
    minimum: 1,
    maximum: 730,
    description: 'how many days ahead clients may book',
  }),
  allow_delete_record: Type.Boolean({ description: 'clients may cancel online' }),
  allow_delete_record_delay_step: Seconds('no client cancellation this long before the start'),
  allow_change_record: Type.Boolean({ description: 'clients may reschedule online' }),
  allow_change_record_delay_step: Seconds('no client rescheduling this long before the start'),
  online_record_needs_confirmation: Type.Boolean({
    description: 'online appointments wait for the business to confirm them',
  }),
};

/** `/company/{id}/settings/online`: the contract's fields, then Visita's booking rules. */
export const OnlineSettingsObject = Type.Object({
  confirm_number: Type.Boolean({
    description: 'online bookings need the SMS code (phone_confirmation)',
  }),
  any_master: Type.Boolean({ description: 'clients may choose "any team member"; always true' }),
  activity_online_record_clients_count_max: Type.Integer({ description: 'always 1' }),
  ...onlineFields,
});
export const OnlineSettingsEnvelope = ObjectEnvelope(OnlineSettingsObject);

/** Only the fields sent change; the contract's other fields (`any_master`, ...) are ignored. */
export const OnlineSettingsPatchBody = Type.Object(
  Object.fromEntries(
    Object.entries(onlineFields).map(([key, schema]) => [key, Type.Optional(schema)]),
  ) as { [K in keyof typeof onlineFields]: Type.TOptional<(typeof onlineFields)[K]> },
);

/** `/company/{id}/settings/timetable`: the calendar grid, i.e. the slot step. */
/** `/company/{id}/settings/timetable`: the contract's fields (one calendar kind), then the step. */
export const TimetableSettingsObject = Type.Object({
  record_type: Type.Integer({ description: 'calendar kind; always 0 (appointments by member)' }),
  activity_record_clients_count_max: Type.Integer({ description: 'always 1' }),
  is_show_newsletter_agreement: Type.Boolean({ description: 'always false' }),
  is_show_personal_data_processing_agreement: Type.Boolean({ description: 'always false' }),
  timetable_step: TimetableStep,
});
export const TimetableSettingsEnvelope = ObjectEnvelope(TimetableSettingsObject);
export const TimetableSettingsPatchBody = Type.Object({
  timetable_step: Type.Optional(TimetableStep),
});
