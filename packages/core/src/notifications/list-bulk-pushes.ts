import type { Page, Paged } from '../catalog/types';
import type { UnitOfWork } from '../catalog/ports';
import type { BulkPush, BulkPushesRepo } from './ports';

type Deps = { uow: UnitOfWork<{ bulkPushes: BulkPushesRepo }> };

/** How many earlier bulk pushes a page of the history shows when the caller does not say. */
export const BULK_PUSH_HISTORY = 50;

/** One page of the location's earlier bulk pushes, newest first, with their delivery counters. */
export function listBulkPushes(
  deps: Deps,
  locationId: number,
  page: Page = { page: 1, count: BULK_PUSH_HISTORY },
): Promise<Paged<BulkPush>> {
  return deps.uow((r) => r.bulkPushes.listBulkPushes(locationId, page));
}
