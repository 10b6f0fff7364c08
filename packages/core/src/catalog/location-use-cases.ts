import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { LocationFilter, LocationsRepo, UnitOfWork } from './ports';
import type { Location, LocationInput, Page, Paged } from './types';
import { assertIanaTimeZone } from './validate-timezone';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo }> };

export function listLocations(
  deps: Deps,
  filter: LocationFilter,
  page: Page,
): Promise<Paged<Location>> {
  return deps.uow((r) => r.locations.findLocations(filter, page));
}

export async function getLocation(deps: Deps, id: number): Promise<Location> {
  const location = await deps.uow((r) => r.locations.findLocation(id));
  if (!location) throw notFound('Location');
  return location;
}

const DEFAULTS: Omit<LocationInput, 'chainId' | 'title' | 'timezone'> = {
  shortDescr: '',
  description: '',
  country: '',
  city: '',
  address: '',
  zip: '',
  coordinateLat: null,
  coordinateLon: null,
  phone: '',
  phones: [],
  email: '',
  site: '',
  social: {},
  schedule: '',
  logo: '',
  currency: 'EUR',
  active: true,
  phoneConfirmation: false,
};

function checkLocationFields(input: Partial<LocationInput>): void {
  if (input.title !== undefined && input.title.trim() === '')
    throw invalid('title', 'title must not be empty');
  if (input.timezone !== undefined) input.timezone = assertIanaTimeZone(input.timezone, 'timezone');
  if (input.coordinateLat != null && Math.abs(input.coordinateLat) > 90)
    throw invalid('coordinate_lat', 'coordinate_lat must be between -90 and 90');
  if (input.coordinateLon != null && Math.abs(input.coordinateLon) > 180)
    throw invalid('coordinate_lon', 'coordinate_lon must be between -180 and 180');
}

export async function createLocation(
  deps: Deps,
  input: Partial<LocationInput> & Pick<LocationInput, 'title' | 'timezone' | 'chainId'>,
): Promise<Location> {
  checkLocationFields(input);
  return deps.uow(async (r) => {
    if (!(await r.locations.findChain(input.chainId))) throw invalid('group_id', 'chain not found');
    return r.locations.insertLocation({ ...DEFAULTS, ...input });
  });
}

export async function updateLocation(
  deps: Deps,
  id: number,
  patch: Partial<LocationInput>,
): Promise<Location> {
  checkLocationFields(patch);
  if (patch.chainId !== undefined)
    throw new DomainError('not_allowed', 'a location cannot change chain', 'group_id');
  const updated = await deps.uow((r) => r.locations.updateLocation(id, patch));
  if (!updated) throw notFound('Location');
  return updated;
}

export async function deleteLocation(deps: Deps, id: number): Promise<void> {
  const deleted = await deps.uow((r) => r.locations.softDeleteLocation(id));
  if (!deleted) throw notFound('Location');
}
