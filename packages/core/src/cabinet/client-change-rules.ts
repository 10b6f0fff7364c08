import type { BookingSettings } from '../booking/types';
import type { AppointmentStatus } from './ports';

/** What the rules need to know about an appointment. */
export interface ChangeableAppointment {
  start: number;
  deletedAt: Date | null;
  activityId: number | null;
}

/** Every reason a client's change or review can be refused with (said by the app per action). */
export const CHANGE_DENIED_REASONS = [
  'canceled',
  'started',
  'location_forbids',
  'too_late',
  'group_event',
  'not_visited_yet',
  'already_reviewed',
] as const;
export type ChangeDeniedReason = (typeof CHANGE_DENIED_REASONS)[number];

/** Whether the client may do something now; when not, a stable reason and a readable message. */
export interface ClientRight {
  allowed: boolean;
  reason: ChangeDeniedReason | null;
  message: string | null;
  /** The last moment the change is possible (null when the location never allows it). */
  until: number | null;
}

export function appointmentStatus(a: ChangeableAppointment, now: number): AppointmentStatus {
  if (a.deletedAt !== null) return 'canceled';
  return a.start >= now ? 'upcoming' : 'past';
}

const allowed = (until: number | null): ClientRight => ({
  allowed: true,
  reason: null,
  message: null,
  until,
});

const denied = (
  reason: ChangeDeniedReason,
  message: string,
  until: number | null,
): ClientRight => ({
  allowed: false,
  reason,
  message,
  until,
});

function changeRight(
  a: ChangeableAppointment,
  now: number,
  rule: { allowed: boolean; untilMinutes: number; verb: string },
): ClientRight {
  const until = rule.allowed ? a.start - rule.untilMinutes * 60_000 : null;
  if (a.deletedAt !== null) return denied('canceled', 'This appointment was canceled', until);
  if (a.start <= now) return denied('started', 'This appointment has already started', until);
  if (!rule.allowed)
    return denied(
      'location_forbids',
      `This location does not let clients ${rule.verb} appointments online`,
      null,
    );
  if (until !== null && now > until)
    return denied(
      'too_late',
      `Appointments can be ${rule.verb === 'cancel' ? 'canceled' : 'moved'} online until ${rule.untilMinutes} minutes before they start`,
      until,
    );
  return allowed(until);
}

/** Cancelling follows the location's `allowClientCancel` and `cancelUntilMinutes`. */
export function clientCancelRight(
  a: ChangeableAppointment,
  settings: BookingSettings,
  now: number,
): ClientRight {
  return changeRight(a, now, {
    allowed: settings.allowClientCancel,
    untilMinutes: settings.cancelUntilMinutes,
    verb: 'cancel',
  });
}

/**
 * Rescheduling follows `allowClientReschedule` and `rescheduleUntilMinutes`; a place in a group
 * event cannot be moved on its own (the client cancels and books another event instead).
 */
export function clientRescheduleRight(
  a: ChangeableAppointment,
  settings: BookingSettings,
  now: number,
): ClientRight {
  const right = changeRight(a, now, {
    allowed: settings.allowClientReschedule,
    untilMinutes: settings.rescheduleUntilMinutes,
    verb: 'reschedule',
  });
  if (right.allowed && a.activityId !== null)
    return denied('group_event', 'A place in a group event cannot be moved', null);
  return right;
}

/** Reviews come after the visit: only past appointments that were not canceled. */
export function clientReviewRight(a: ChangeableAppointment, now: number): ClientRight {
  const status = appointmentStatus(a, now);
  if (status === 'canceled')
    return denied('canceled', 'Canceled appointments cannot be reviewed', null);
  if (status === 'upcoming')
    return denied('not_visited_yet', 'Only past appointments can be reviewed', null);
  return allowed(null);
}
