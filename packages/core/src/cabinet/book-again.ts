import type { AppUser } from '../identity/types';
import { loadClientAppointment, type CabinetDeps } from './client-appointment';

/** What the booking form needs pre-filled to repeat an appointment: only date and time remain. */
export interface BookAgainPrefill {
  locationId: number;
  serviceIds: number[];
  /** Null when the team member can no longer be booked: the form then offers any member. */
  staffId: number | null;
}

export function bookAgain(
  deps: CabinetDeps,
  user: AppUser,
  recordId: number,
): Promise<BookAgainPrefill> {
  return deps.uow(async (repos) => {
    const { appointment } = await loadClientAppointment(
      repos,
      user,
      recordId,
      deps.clock.now().getTime(),
    );
    const serviceIds = [...new Set(appointment.steps.map((s) => s.serviceId))];
    const still = await repos.clientAppointments.findRebookable(
      appointment.locationId,
      appointment.staffId,
      serviceIds,
    );
    return {
      locationId: appointment.locationId,
      serviceIds: still.serviceIds,
      staffId: still.staffBookable ? appointment.staffId : null,
    };
  });
}
