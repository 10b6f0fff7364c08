import type { UnitOfWork } from '../catalog/ports';
import type { BulkPush, BulkPushesRepo } from './ports';

type Deps = { uow: UnitOfWork<{ bulkPushes: BulkPushesRepo }> };

/** How many earlier bulk pushes the history shows. */
export const BULK_PUSH_HISTORY = 50;

/** The location's earlier bulk pushes, newest first, with their delivery counters. */
export function listBulkPushes(deps: Deps, locationId: number): Promise<BulkPush[]> {
  return deps.uow((r) => r.bulkPushes.listBulkPushes(locationId, BULK_PUSH_HISTORY));
}
