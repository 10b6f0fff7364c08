import type { Appointment, AppointmentSource, Attendance, DomainEvent } from './types';

/** Who made a change, carried in every event so consumers can tell a client's act from staff's. */
export interface ChangeOrigin {
  source: AppointmentSource;
  /** The back-office user behind the change; null for clients and integrations without one. */
  userId: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function snapshot(a: Appointment) {
  return {
    staffId: a.staffId,
    clientId: a.clientId,
    activityId: a.activityId,
    start: iso(a.start),
    end: iso(a.end),
    serviceIds: a.steps.map((s) => s.serviceId),
    attendance: a.attendance,
    confirmed: a.confirmed,
  };
}

function event(
  type: DomainEvent['type'],
  a: Appointment,
  origin: ChangeOrigin,
  extra: Record<string, unknown> = {},
): DomainEvent {
  return {
    locationId: a.locationId,
    type,
    aggregateId: a.id,
    payload: { source: origin.source, userId: origin.userId, ...snapshot(a), ...extra },
  };
}

export const appointmentCreated = (a: Appointment, origin: ChangeOrigin) =>
  event('appointment.created', a, origin);

export const appointmentDeleted = (a: Appointment, origin: ChangeOrigin) =>
  event('appointment.deleted', a, origin);

export function appointmentMovedOrUpdated(
  before: Appointment,
  after: Appointment,
  origin: ChangeOrigin,
): DomainEvent {
  const moved =
    before.staffId !== after.staffId || before.start !== after.start || before.end !== after.end;
  return moved
    ? event('appointment.moved', after, origin, {
        from: { staffId: before.staffId, start: iso(before.start), end: iso(before.end) },
      })
    : event('appointment.updated', after, origin);
}

/** Attendance 2 is the client's confirmation: it gets its own event type. */
export function attendanceChanged(
  a: Appointment,
  previous: Attendance,
  origin: ChangeOrigin,
): DomainEvent {
  return event(
    a.attendance === 2 ? 'appointment.confirmed' : 'appointment.attendance_changed',
    a,
    origin,
    { previousAttendance: previous },
  );
}
