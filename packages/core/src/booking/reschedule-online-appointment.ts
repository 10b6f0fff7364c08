import { DomainError, notFound } from '../errors/domain-error';
import { isSlotBookable, planResources } from '../scheduling';
import { localDate } from '../time/wire-format';
import { readStart } from './appointment-start';
import { loadAvailability } from './availability';
import type { BookAppointmentsDeps } from './book-appointments';
import { withoutOwnTime } from './own-time';
import type { Appointment } from './types';

/**
 * `PUT /book_record/{cid}/{id}`: moves an online appointment to another free time of the same
 * team member. A client (proving the record hash) may do it only while the location allows it;
 * a back-office user always may.
 */
export async function rescheduleOnlineAppointment(
  deps: BookAppointmentsDeps,
  input: {
    locationId: number;
    recordId: number;
    recordHash?: string;
    /** The caller already proved the appointment is the client's (the app user's phone owns it). */
    ownerVerified?: boolean;
    byBackOffice: boolean;
    datetime: string;
    comment?: string;
  },
): Promise<Appointment> {
  return deps.uow(async (repos) => {
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    const appointment = await repos.appointments.findAppointment(location.id, input.recordId);
    if (!appointment) throw notFound('Appointment');
    const now = deps.clock.now().getTime();
    const settings = await repos.bookingSettings.findBookingSettings(location.id);
    if (!input.byBackOffice) {
      const hashMatches =
        !!input.recordHash && deps.tokens.sha256(input.recordHash) === appointment.hashDigest;
      if (!input.ownerVerified && !hashMatches) throw notFound('Appointment');
      if (!settings.allowClientReschedule)
        throw new DomainError(
          'not_allowed',
          'This location does not let clients reschedule online',
          'datetime',
          { action: 'reschedule', reason: 'location_forbids' },
        );
      if (appointment.start - now < settings.rescheduleUntilMinutes * 60_000)
        throw new DomainError(
          'not_allowed',
          `Appointments can be moved online until ${settings.rescheduleUntilMinutes} minutes before they start`,
          'datetime',
          { action: 'reschedule', reason: 'too_late' },
        );
    }
    const start = readStart(input.datetime, location.timezone, 'datetime');
    const date = localDate(start, location.timezone);
    const availability = await loadAvailability(repos, {
      locationId: location.id,
      timeZone: location.timezone,
      staffId: appointment.staffId,
      serviceIds: appointment.steps.map((s) => s.serviceId),
      fromDate: date,
      toDate: date,
      now,
      online: !input.byBackOffice,
    });
    const query = withoutOwnTime(availability.queryFor(date), appointment);
    if (!availability.candidates.length || !isSlotBookable(query, appointment.staffId, start))
      throw new DomainError(
        'slot_taken',
        `Team member ${appointment.staffId} cannot be booked at ${input.datetime}`,
        'datetime',
      );
    const stepPlan = availability.stepsFor(appointment.staffId);
    const resources = planResources(stepPlan, start, query.resources);
    if (!resources)
      throw new DomainError('slot_taken', 'A needed resource is busy at this time', 'datetime');
    const shift = start - appointment.start;
    let cursor = start;
    const steps = appointment.steps.map((step, i) => {
      const begin = cursor;
      cursor += (stepPlan[i]?.durationSeconds ?? (step.end - step.start) / 1000) * 1000;
      return { ...step, start: begin, end: cursor };
    });
    const moved = await repos.appointments.replaceAppointment(appointment.id, {
      ...appointment,
      start,
      end: cursor,
      steps,
      resourceInstances: resources.flatMap((r) =>
        r.instanceIds.map((instanceId) => ({ instanceId, interval: r.interval })),
      ),
      comment: input.comment ?? appointment.comment,
    });
    await repos.outbox.addEvent({
      locationId: location.id,
      type: 'appointment.moved',
      aggregateId: appointment.id,
      payload: {
        source: appointment.source,
        moved_by: input.byBackOffice ? 'back_office' : 'client',
        from: new Date(appointment.start).toISOString(),
        to: new Date(start).toISOString(),
        shift_ms: shift,
      },
    });
    return moved;
  });
}

/** `GET /book_record/{cid}/{id}/{hash}`: the client's view, only with the right hash. */
export async function viewOnlineAppointment(
  deps: BookAppointmentsDeps,
  input: { locationId: number; recordId: number; recordHash: string },
): Promise<Appointment> {
  return deps.uow(async (repos) => {
    const appointment = await repos.appointments.findAppointment(input.locationId, input.recordId, {
      withDeleted: true,
    });
    if (!appointment || deps.tokens.sha256(input.recordHash) !== appointment.hashDigest)
      throw notFound('Appointment');
    return appointment;
  });
}
