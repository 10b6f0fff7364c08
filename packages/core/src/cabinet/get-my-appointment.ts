import type { AppUser } from '../identity/types';
import {
  loadClientAppointment,
  type CabinetDeps,
  type ClientAppointment,
} from './client-appointment';

/** One of the client's appointments (canceled ones included); 404 for anybody else's. */
export function getMyAppointment(
  deps: CabinetDeps,
  user: AppUser,
  recordId: number,
): Promise<ClientAppointment> {
  return deps.uow((repos) =>
    loadClientAppointment(repos, user, recordId, deps.clock.now().getTime()),
  );
}
