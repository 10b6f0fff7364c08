import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { loadLocation } from '../catalog/load-location';
import { invalid } from '../errors/domain-error';
import type { ClientsBaseRepo } from './ports';
import type { ClientCategory } from './types';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo; clientsBase: ClientsBaseRepo }> };

export function listClientCategories(deps: Deps, locationId: number): Promise<ClientCategory[]> {
  return deps.uow(async (r) => {
    await loadLocation(r, locationId);
    return r.clientsBase.findCategories(locationId);
  });
}

/** A client category ("label"); the colour is `#RRGGBB` or empty. */
export function createClientCategory(
  deps: Deps,
  locationId: number,
  input: { title: string; color?: string },
): Promise<ClientCategory> {
  const title = input.title.trim();
  if (!title) throw invalid('title', 'title must not be empty');
  const color = (input.color ?? '').trim();
  if (color && !/^#[0-9a-fA-F]{6}$/.test(color)) throw invalid('color', 'color must be "#RRGGBB"');
  return deps.uow(async (r) => {
    await loadLocation(r, locationId);
    return r.clientsBase.insertCategory(locationId, title, color.toLowerCase());
  });
}
