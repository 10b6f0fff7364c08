import { notFound } from '../errors/domain-error';
import type { LocationsRepo } from './ports';
import type { Location } from './types';

/** The location, or the 404 every use case at a location starts with. */
export async function loadLocation(r: { locations: LocationsRepo }, id: number): Promise<Location> {
  const location = await r.locations.findLocation(id);
  if (!location) throw notFound('Location');
  return location;
}
