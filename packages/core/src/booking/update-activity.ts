import type { UnitOfWork } from '../catalog/ports';
import { invalid, notFound } from '../errors/domain-error';
import { appointmentMovedOrUpdated, type ChangeOrigin } from './appointment-events';
import {
  activityEvent,
  planActivity,
  type ActivityRepos,
  type ActivityRequest,
} from './create-activity';
import type { AppointmentsRepo } from './ports';
import type { ActivityView } from './records-ports';

type Deps = { uow: UnitOfWork<ActivityRepos & { appointments: AppointmentsRepo }> };

/**
 * PUT /activity/{id}: replaces the event. Capacity may not drop below the places already
 * taken; when the time, team member or service changes, every appointment of the event follows
 * and gets its own `appointment.moved` event (clients are told their class moved).
 */
export async function updateActivity(
  deps: Deps,
  locationId: number,
  id: number,
  request: ActivityRequest,
  origin: ChangeOrigin,
): Promise<ActivityView> {
  return deps.uow(async (r) => {
    const before = await r.activities.findActivity(locationId, id, { forUpdate: true });
    if (!before || before.deletedAt) throw notFound('Event');
    const draft = await planActivity(r, locationId, request);
    if (draft.capacity < before.bookedCount)
      throw invalid(
        'capacity',
        `capacity cannot be less than the ${before.bookedCount} places already booked`,
      );
    const after = await r.activities.replaceActivity(id, draft);
    const moved =
      before.start !== after.start ||
      before.end !== after.end ||
      before.staffId !== after.staffId ||
      before.serviceId !== after.serviceId;
    if (moved) {
      const ids = await r.activities.findActivityAppointmentIds(id);
      const previous = await Promise.all(
        ids.map((a) => r.appointments.findAppointment(locationId, a)),
      );
      await r.activities.moveActivityAppointments(id, draft);
      for (const old of previous) {
        if (!old) continue;
        const now = await r.appointments.findAppointment(locationId, old.id);
        if (now) await r.outbox.addEvent(appointmentMovedOrUpdated(old, now, origin));
      }
    }
    await r.outbox.addEvent(activityEvent('activity.updated', after, origin));
    return (await r.activities.findActivityView(locationId, id))!;
  });
}
