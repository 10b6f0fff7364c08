import type { UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import { appointmentDeleted, type ChangeOrigin } from './appointment-events';
import { activityEvent } from './create-activity';
import type { AppointmentsRepo, OutboxRepo } from './ports';
import type { ActivitiesRepo } from './records-ports';

type Deps = {
  uow: UnitOfWork<{
    activities: ActivitiesRepo;
    appointments: AppointmentsRepo;
    outbox: OutboxRepo;
  }>;
};

/** DELETE /activity/{id}: the event and its appointments go, each with its deletion event. */
export async function deleteActivity(
  deps: Deps,
  locationId: number,
  id: number,
  origin: ChangeOrigin,
): Promise<void> {
  await deps.uow(async (r) => {
    const activity = await r.activities.findActivity(locationId, id, { forUpdate: true });
    if (!activity || activity.deletedAt) throw notFound('Event');
    for (const appointmentId of await r.activities.findActivityAppointmentIds(id)) {
      const appointment = await r.appointments.findAppointment(locationId, appointmentId);
      if (!appointment || !(await r.appointments.deleteAppointment(appointmentId))) continue;
      await r.outbox.addEvent(appointmentDeleted(appointment, origin));
    }
    await r.activities.deleteActivity(id);
    await r.outbox.addEvent(activityEvent('activity.deleted', activity, origin));
  });
}
