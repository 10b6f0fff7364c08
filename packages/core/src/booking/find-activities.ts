import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import type { Page, Paged } from '../catalog/types';
import { invalid, notFound } from '../errors/domain-error';
import { localDayBounds } from '../scheduling';
import { isValidLocalDate } from '../time/wire-format';
import { loadLocation } from './appointment-plan';
import type { ActivitiesRepo, ActivityView } from './records-ports';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo; activities: ActivitiesRepo }> };

export interface ActivitySearchQuery {
  /** Local dates "YYYY-MM-DD", both included. */
  from: string;
  till: string;
  serviceIds?: number[];
  staffIds?: number[];
}

/** GET /activity/{id}/search: live events starting on the local dates [from, till]. */
export function searchActivities(
  deps: Deps,
  locationId: number,
  query: ActivitySearchQuery,
  page: Page,
): Promise<Paged<ActivityView>> {
  for (const field of ['from', 'till'] as const)
    if (!isValidLocalDate(query[field]))
      throw invalid(field, `${field} must be a date "YYYY-MM-DD"`);
  if (query.till < query.from) throw invalid('till', 'till must not be before from');
  return deps.uow(async (r) => {
    const { timezone } = await loadLocation(r, locationId);
    return r.activities.searchActivities(
      locationId,
      {
        from: localDayBounds(query.from, timezone).start,
        to: localDayBounds(query.till, timezone).end,
        ...(query.serviceIds?.length ? { serviceIds: query.serviceIds } : {}),
        ...(query.staffIds?.length ? { staffIds: query.staffIds } : {}),
      },
      page,
    );
  });
}

export async function getActivity(
  deps: Deps,
  locationId: number,
  id: number,
): Promise<ActivityView> {
  const found = await deps.uow((r) => r.activities.findActivityView(locationId, id));
  if (!found) throw notFound('Event');
  return found;
}
