import Type from 'typebox';
import { ListEnvelope, Nullable, ObjectEnvelope, PageQuery } from '../envelope';
import { DateTime, Id } from '../inputs';

/** The client app's "Appointments": the client's appointments at every location. */
const statusOf = (options: object = {}) =>
  Type.Union([Type.Literal('upcoming'), Type.Literal('past'), Type.Literal('canceled')], {
    description: 'upcoming: not canceled, not started; past: started; canceled: deleted',
    ...options,
  });

export const AppAppointmentStatus = statusOf();

export const AppAppointmentsQuery = Type.Object({
  status: Type.Optional(statusOf({ default: 'upcoming' })),
  ...PageQuery,
});

export const AppAppointmentParams = Type.Object({ id: Id() });

/**
 * Why the client cannot cancel, move or review an appointment now: `cannot_*_reason.code` of an
 * appointment, and `meta.details.reason` (with `meta.details.action`) of a 422 `not_allowed`.
 * The same list as the core's `CHANGE_DENIED_REASONS` (a server test keeps them equal).
 */
export const APP_DENIED_REASONS = [
  'canceled',
  'started',
  'location_forbids',
  'too_late',
  'group_event',
  'not_visited_yet',
  'already_reviewed',
] as const;
/** The action a `not_allowed` refusal of the app's appointment API is about. */
export const APP_DENIED_ACTIONS = ['cancel', 'reschedule', 'review'] as const;
/** Why Confirm of a notification is refused (`CONFIRM_DENIED_REASONS` of the core). */
export const APP_CONFIRM_DENIED_REASONS = ['nothing_to_confirm', 'canceled'] as const;
/** Why an online purchase is refused (`PURCHASE_DENIED_REASONS` of the core). */
export const APP_PURCHASE_DENIED_REASONS = ['no_online_price'] as const;
/**
 * Every 422 `not_allowed` of the app API carries `meta.details: {action, reason}`: the action it
 * is about, and one of that action's reasons here.
 */
export const APP_REFUSALS = {
  cancel: APP_DENIED_REASONS,
  reschedule: APP_DENIED_REASONS,
  review: APP_DENIED_REASONS,
  confirm: APP_CONFIRM_DENIED_REASONS,
  purchase: APP_PURCHASE_DENIED_REASONS,
} as const;

const DeniedReason = Nullable(
  Type.Object(
    {
      code: Type.String({ description: APP_DENIED_REASONS.join(' | ') }),
      message: Type.String(),
    },
    { description: 'why the action is not possible now (null when it is)' },
  ),
);

export const AppAppointmentLocation = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  address: Type.String(),
  city: Type.String(),
  timezone: Type.String({ description: 'IANA zone; date and time are local to it' }),
  phone: Type.String(),
});

export const AppAppointment = Type.Object({
  id: Type.Integer(),
  status: AppAppointmentStatus,
  location: AppAppointmentLocation,
  staff: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    specialization: Type.String(),
    avatar: Type.String(),
    rating: Type.Number(),
    votes_count: Type.Integer(),
  }),
  services: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      cost: Type.Number(),
      first_cost: Type.Number(),
      discount: Type.Number(),
      amount: Type.Integer(),
    }),
  ),
  total_cost: Type.Number(),
  currency: Type.String(),
  date: Type.String({ description: 'local date, YYYY-MM-DD' }),
  time: Type.String({ description: 'local start time, HH:MM' }),
  datetime: Type.String({ description: 'start, ISO 8601 with the location’s offset' }),
  end_datetime: Type.String(),
  length: Type.Integer({ description: 'seconds' }),
  online: Type.Boolean({ description: 'booked online (false: made by an administrator)' }),
  confirmed: Type.Boolean(),
  attendance: Type.Integer({ description: '2 confirmed, 1 arrived, 0 waiting, -1 no-show' }),
  comment: Type.String(),
  can_cancel: Type.Boolean(),
  cancel_until: Nullable(Type.String({ description: 'last moment to cancel online' })),
  cannot_cancel_reason: DeniedReason,
  can_reschedule: Type.Boolean(),
  reschedule_until: Nullable(Type.String({ description: 'last moment to reschedule online' })),
  cannot_reschedule_reason: DeniedReason,
  can_review_staff: Type.Boolean(),
  can_review_location: Type.Boolean(),
  reviewed: Type.Object({ staff: Type.Boolean(), location: Type.Boolean() }),
});

export const AppAppointmentEnvelope = ObjectEnvelope(AppAppointment);
export const AppAppointmentListEnvelope = ListEnvelope(AppAppointment);

export const AppRescheduleBody = Type.Object(
  {
    datetime: DateTime({
      minLength: 1,
      description:
        'new start: ISO 8601 with offset, or "YYYY-MM-DD HH:MM:SS" local to the location',
    }),
  },
  { additionalProperties: false },
);

export const AppBookAgain = Type.Object({
  location_id: Type.Integer(),
  service_ids: Type.Array(Type.Integer(), {
    description: 'the services still bookable online (removed ones are left out)',
  }),
  staff_id: Nullable(
    Type.Integer({ description: 'null when the team member can no longer be booked' }),
  ),
});
export const AppBookAgainEnvelope = ObjectEnvelope(AppBookAgain);
