import type { Page, Paged } from '../catalog/types';
import type { AppUser } from '../identity/types';
import {
  assembleClientAppointments,
  type CabinetDeps,
  type ClientAppointment,
} from './client-appointment';
import type { AppointmentStatus } from './ports';

/** The client's appointments at every location, in one status, a page at a time. */
export function listMyAppointments(
  deps: CabinetDeps,
  user: AppUser,
  filter: { status: AppointmentStatus; locationId?: number },
  page: Page,
): Promise<Paged<ClientAppointment>> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (repos) => {
    const ids = await repos.clientAppointments.findClientAppointmentIds(
      user.phone,
      { ...filter, now },
      page,
    );
    return {
      items: await assembleClientAppointments(repos, ids.items, now),
      total: ids.total,
    };
  });
}
