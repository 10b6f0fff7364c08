import { loadLocation } from './load-location';
import type { LocationsRepo, UnitOfWork } from './ports';
import type { LocationPromo } from './types';

/** The location's promotional block, or null when none is set (404 for an unknown location). */
export function getLocationPromo(
  deps: { uow: UnitOfWork<{ locations: LocationsRepo }> },
  locationId: number,
): Promise<LocationPromo | null> {
  return deps.uow(async (r) => (await loadLocation(r, locationId)).promo);
}
