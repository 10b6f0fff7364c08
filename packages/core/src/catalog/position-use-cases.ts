import { invalid, notFound } from '../errors/domain-error';
import type { LocationsRepo, PositionsRepo, UnitOfWork } from './ports';
import type { Position } from './types';

type Deps = { uow: UnitOfWork<{ positions: PositionsRepo; locations: LocationsRepo }> };

export function listPositions(deps: Deps, locationId: number): Promise<Position[]> {
  return deps.uow((r) => r.positions.findPositions(locationId));
}

export async function createPosition(
  deps: Deps,
  locationId: number,
  title: string,
): Promise<Position> {
  const trimmed = title.trim();
  if (trimmed === '') throw invalid('title', 'title must not be empty');
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.positions.insertPosition(locationId, trimmed);
  });
}
