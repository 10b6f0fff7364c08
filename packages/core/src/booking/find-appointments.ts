import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import type { Page, Paged } from '../catalog/types';
import { invalid, notFound } from '../errors/domain-error';
import { localDayBounds } from '../scheduling';
import { isValidLocalDate, parseWireDateTime } from '../time/wire-format';
import { loadLocation } from './appointment-plan';
import type {
  AppointmentQueriesRepo,
  AppointmentSearch,
  AppointmentView,
  VisitsRepo,
} from './records-ports';

type Deps = {
  uow: UnitOfWork<{
    locations: LocationsRepo;
    appointmentQueries: AppointmentQueriesRepo;
    visits: VisitsRepo;
  }>;
};

/** GET /records filters as the contract spells them; dates are the location's local dates. */
export interface AppointmentListQuery {
  staffId?: number;
  clientId?: number;
  createdUserId?: number;
  startDate?: string;
  endDate?: string;
  cStartDate?: string;
  cEndDate?: string;
  changedAfter?: string;
  changedBefore?: string;
  withDeleted?: boolean;
}

function dayBound(value: string, field: string, timeZone: string, edge: 'start' | 'end') {
  if (!isValidLocalDate(value)) throw invalid(field, `${field} must be a date "YYYY-MM-DD"`);
  return localDayBounds(value, timeZone)[edge];
}

function instant(value: string, field: string, timeZone: string): number {
  const at = parseWireDateTime(value, timeZone);
  if (at === null) throw invalid(field, `${field} must be an ISO-8601 date-time`);
  return at;
}

function toSearch(q: AppointmentListQuery, timeZone: string): AppointmentSearch {
  const s: AppointmentSearch = {};
  if (q.staffId) s.staffId = q.staffId;
  if (q.clientId) s.clientId = q.clientId;
  if (q.createdUserId) s.createdUserId = q.createdUserId;
  if (q.startDate) s.startFrom = dayBound(q.startDate, 'start_date', timeZone, 'start');
  if (q.endDate) s.startTo = dayBound(q.endDate, 'end_date', timeZone, 'end');
  if (q.cStartDate) s.createdFrom = dayBound(q.cStartDate, 'c_start_date', timeZone, 'start');
  if (q.cEndDate) s.createdTo = dayBound(q.cEndDate, 'c_end_date', timeZone, 'end');
  if (q.changedAfter) s.changedAfter = instant(q.changedAfter, 'changed_after', timeZone);
  if (q.changedBefore) s.changedBefore = instant(q.changedBefore, 'changed_before', timeZone);
  if (q.withDeleted) s.withDeleted = true;
  return s;
}

/** Appointments of a location, by start time. */
export function listAppointments(
  deps: Deps,
  locationId: number,
  query: AppointmentListQuery,
  page: Page,
): Promise<Paged<AppointmentView>> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    return r.appointmentQueries.searchAppointments(
      locationId,
      toSearch(query, location.timezone),
      page,
    );
  });
}

export async function getAppointment(
  deps: Deps,
  locationId: number,
  id: number,
): Promise<AppointmentView> {
  const found = await deps.uow((r) => r.appointmentQueries.findAppointmentView(locationId, id));
  if (!found) throw notFound('Record');
  return found;
}

/** The location of a visit (the caller's rights are checked against it before reading). */
export async function findVisitLocation(deps: Deps, visitId: number): Promise<number> {
  const visit = await deps.uow((r) => r.visits.findVisit(visitId));
  if (!visit) throw notFound('Visit');
  return visit.locationId;
}

export function getVisitAppointments(deps: Deps, visitId: number): Promise<AppointmentView[]> {
  return deps.uow((r) => r.appointmentQueries.findVisitAppointments(visitId));
}
