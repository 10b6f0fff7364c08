import type { TokenCrypto } from '../auth/tokens';
import type { BookingRepos } from '../booking/book-appointments';
import { rescheduleOnlineAppointment } from '../booking/reschedule-online-appointment';
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
  uow: UnitOfWork<CabinetRepos & BookingRepos>;
  clock: Clock;
  tokens: TokenCrypto;
};

/**
 * The client moves their appointment to another free time of the same team member, when the
 * location's settings allow it (422 `not_allowed` with the reason otherwise). Ownership is the
 * phone, so the online reschedule runs without the record hash, in this same transaction.
 */
export function rescheduleMyAppointment(
  deps: Deps,
  user: AppUser,
  input: { recordId: number; datetime: string },
): Promise<ClientAppointment> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (repos) => {
    const before = await loadClientAppointment(repos, user, input.recordId, now);
    if (!before.reschedule.allowed)
      throw new DomainError(
        'not_allowed',
        before.reschedule.message ?? 'Cannot reschedule',
        'datetime',
        { action: 'reschedule', reason: before.reschedule.reason },
      );
    await rescheduleOnlineAppointment(
      { uow: (fn) => fn(repos), clock: deps.clock, tokens: deps.tokens },
      {
        locationId: before.appointment.locationId,
        recordId: before.appointment.id,
        ownerVerified: true,
        byBackOffice: false,
        datetime: input.datetime,
      },
    );
    return loadClientAppointment(repos, user, input.recordId, now);
  });
}
