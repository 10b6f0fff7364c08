import type { UnitOfWork } from '../catalog/ports';
import type { Page, Paged } from '../catalog/types';
import type {
  AppointmentQueriesRepo,
  AppointmentSearch,
  AppointmentView,
} from '../booking/records-ports';
import { notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import type { ClientsBaseRepo } from './ports';

type Deps = {
  uow: UnitOfWork<{ clientsBase: ClientsBaseRepo; appointmentQueries: AppointmentQueriesRepo }>;
  clock: Clock;
};

/**
 * Which part of a client's history: `upcoming` (live, not started; soonest first), `past`
 * (live, started; latest first), `canceled` (deleted; latest first) or `all` (latest first).
 */
export type ClientVisitsStatus = 'all' | 'past' | 'upcoming' | 'canceled';

function searchFor(clientId: number, status: ClientVisitsStatus, now: number): AppointmentSearch {
  switch (status) {
    case 'upcoming':
      return { clientId, startFrom: now };
    case 'past':
      return { clientId, startTo: now, newestFirst: true };
    case 'canceled':
      return { clientId, onlyDeleted: true, newestFirst: true };
    case 'all':
      return { clientId, withDeleted: true, newestFirst: true };
  }
}

/** A live client's appointments at the location, paged; another location's client is 404. */
export function listClientVisits(
  deps: Deps,
  locationId: number,
  clientId: number,
  status: ClientVisitsStatus,
  page: Page,
): Promise<Paged<AppointmentView>> {
  const now = deps.clock.now().getTime();
  return deps.uow(async (r) => {
    if (!(await r.clientsBase.findClient(locationId, clientId, now))) throw notFound('Client');
    return r.appointmentQueries.searchAppointments(
      locationId,
      searchFor(clientId, status, now),
      page,
    );
  });
}
