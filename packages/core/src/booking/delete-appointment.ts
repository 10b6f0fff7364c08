import type { UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import { appointmentDeleted, type ChangeOrigin } from './appointment-events';
import type { AppointmentsRepo, OutboxRepo } from './ports';
import type { ActivitiesRepo } from './records-ports';

type Deps = {
  uow: UnitOfWork<{
    appointments: AppointmentsRepo;
    activities: ActivitiesRepo;
    outbox: OutboxRepo;
  }>;
};

/**
 * DELETE /record: soft-deletes the appointment and releases its team member's and resources'
 * time (and its places in a group event), with `appointment.deleted` in the same transaction.
 */
export async function deleteAppointment(
  deps: Deps,
  locationId: number,
  id: number,
  origin: ChangeOrigin,
): Promise<void> {
  await deps.uow(async (r) => {
    const appointment = await r.appointments.findAppointment(locationId, id);
    if (!appointment || !(await r.appointments.deleteAppointment(id))) throw notFound('Record');
    if (appointment.activityId !== null)
      await r.activities.releasePlaces(appointment.activityId, appointment.clientsCount);
    await r.outbox.addEvent(appointmentDeleted(appointment, origin));
  });
}
