import type { ActivitiesRepo } from '../booking/records-ports';
import type { AppointmentsRepo, OutboxRepo } from '../booking/ports';
import { deleteAppointment } from '../booking/delete-appointment';
import type { UnitOfWork } from '../catalog/ports';
import { DomainError } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import {
  loadClientAppointment,
  type CabinetRepos,
  type ClientAppointment,
} from './client-appointment';

type Deps = {
  uow: UnitOfWork<
    CabinetRepos & {
      appointments: AppointmentsRepo;
      activities: ActivitiesRepo;
      outbox: OutboxRepo;
    }
  >;
  clock: Clock;
};

/**
 * The client cancels their appointment when the location's settings allow it (422 `not_allowed`
 * with the reason otherwise). The check and the deletion (with its `appointment.deleted` event)
 * share one transaction.
 */
export function cancelMyAppointment(
  deps: Deps,
  user: AppUser,
  recordId: number,
): Promise<ClientAppointment> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (repos) => {
    const before = await loadClientAppointment(repos, user, recordId, now);
    if (!before.cancel.allowed)
      throw new DomainError('not_allowed', before.cancel.message ?? 'Cannot cancel', undefined, {
        action: 'cancel',
        reason: before.cancel.reason,
      });
    // Reuse the back office's deletion inside this transaction.
    await deleteAppointment(
      { uow: (fn) => fn(repos) },
      before.appointment.locationId,
      before.appointment.id,
      { source: 'online', userId: null },
    );
    return loadClientAppointment(repos, user, recordId, now);
  });
}
