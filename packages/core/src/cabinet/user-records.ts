import type { TokenCrypto } from '../auth/tokens';
import { deleteAppointment } from '../booking/delete-appointment';
import type { AppointmentsRepo, OutboxRepo } from '../booking/ports';
import type { ActivitiesRepo } from '../booking/records-ports';
import type { UnitOfWork } from '../catalog/ports';
import { DomainError, notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import {
  assembleClientAppointments,
  type CabinetRepos,
  type ClientAppointment,
} from './client-appointment';
import type { ClientAppointmentRef } from './ports';

/**
 * The contract's `/user/records/{record_id}/{record_hash}`: the record hash handed out at
 * booking proves the appointment on its own; without it, a logged-in client (who accepted the
 * terms, checked by the caller) reaches the appointments of their phone.
 */
export interface UserRecordAccess {
  recordId: number;
  recordHash: string;
  /** The client behind `User <token>`, when one was sent and has accepted the terms. */
  owner: AppUser | null;
}

type Deps = {
  uow: UnitOfWork<
    CabinetRepos & {
      appointments: AppointmentsRepo;
      activities: ActivitiesRepo;
      outbox: OutboxRepo;
    }
  >;
  clock: Clock;
  tokens: TokenCrypto;
};

async function resolve(
  repos: CabinetRepos,
  tokens: TokenCrypto,
  access: UserRecordAccess,
): Promise<ClientAppointmentRef> {
  const byHash = access.recordHash
    ? await repos.clientAppointments.findAppointmentRefByHash(
        access.recordId,
        tokens.sha256(access.recordHash),
      )
    : null;
  const ref =
    byHash ??
    (access.owner
      ? await repos.clientAppointments.findClientAppointmentRef(access.owner.phone, access.recordId)
      : null);
  if (!ref) throw notFound('Record');
  return ref;
}

async function load(repos: CabinetRepos, id: number, now: number): Promise<ClientAppointment> {
  const [found] = await assembleClientAppointments(repos, [id], now);
  if (!found) throw notFound('Record');
  return found;
}

export function viewUserRecord(deps: Deps, access: UserRecordAccess): Promise<ClientAppointment> {
  return deps.uow(async (repos) => {
    const ref = await resolve(repos, deps.tokens, access);
    return load(repos, ref.id, deps.clock.now().getTime());
  });
}

/** Cancels as the client, under the location's cancellation rules (422 `not_allowed` otherwise). */
export function deleteUserRecord(deps: Deps, access: UserRecordAccess): Promise<void> {
  return deps.uow(async (repos) => {
    const ref = await resolve(repos, deps.tokens, access);
    const found = await load(repos, ref.id, deps.clock.now().getTime());
    if (!found.cancel.allowed)
      throw new DomainError('not_allowed', found.cancel.message ?? 'Cannot cancel', undefined, {
        reason: found.cancel.reason,
      });
    await deleteAppointment({ uow: (fn) => fn(repos) }, ref.locationId, ref.id, {
      source: 'online',
      userId: null,
    });
  });
}
