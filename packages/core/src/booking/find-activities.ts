import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import type { Page, Paged } from '../catalog/types';
import { invalid, notFound } from '../errors/domain-error';
import { localDayBounds } from '../scheduling';
import type { Clock } from '../ports';
import { isValidLocalDate, localDate } from '../time/wire-format';
import { loadLocation } from './appointment-plan';
import type { ActivitiesRepo, ActivityView } from './records-ports';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo; activities: ActivitiesRepo }> };

export interface ActivitySearchQuery {
  /** Local dates "YYYY-MM-DD", both included; `from` defaults to today, `till` to `from`. */
  from?: string;
  till?: string;
  serviceIds?: number[];
  staffIds?: number[];
}

/** GET /activity/{id}/search: live events starting on the local dates [from, till]. */
export function searchActivities(
  deps: Deps & { clock: Clock },
  locationId: number,
  query: ActivitySearchQuery,
  page: Page,
): Promise<Paged<ActivityView>> {
  for (const field of ['from', 'till'] as const) {
    const value = query[field];
    if (value !== undefined && !isValidLocalDate(value))
      throw invalid(field, `${field} must be a date "YYYY-MM-DD"`);
  }
  return deps.uow(async (r) => {
    const { timezone } = await loadLocation(r, locationId);
    const from = query.from ?? localDate(deps.clock.now().getTime(), timezone);
    const till = query.till ?? from;
    // An empty range (till before from) matches nothing, like an empty search.
    if (till < from) return { items: [], total: 0 };
    return r.activities.searchActivities(
      locationId,
      {
        from: localDayBounds(from, timezone).start,
        to: localDayBounds(till, timezone).end,
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
