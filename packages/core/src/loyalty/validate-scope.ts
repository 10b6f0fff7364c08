import { DomainError, invalid } from '../errors/domain-error';
import type { ChainScope } from './ports';

/** Location, service and category ids a type names must belong to the chain (named by field). */
export async function checkChainIds(
  scope: ChainScope,
  chainId: number,
  ids: { locationIds?: number[]; serviceIds?: number[]; categoryIds?: number[] },
  fields: { locationIds?: string; serviceIds?: string; categoryIds?: string },
): Promise<void> {
  if (ids.locationIds?.length) {
    const own = new Set((await scope.findChainLocations(chainId)).map((l) => l.id));
    const foreign = ids.locationIds.filter((id) => !own.has(id));
    if (foreign.length)
      throw invalid(
        fields.locationIds ?? 'salon_ids',
        `Locations ${foreign.join(', ')} are not in this chain`,
      );
  }
  if (ids.serviceIds?.length) {
    const found = new Set(await scope.findChainServiceIds(chainId, ids.serviceIds));
    const missing = ids.serviceIds.filter((id) => !found.has(id));
    if (missing.length)
      throw invalid(
        fields.serviceIds ?? 'service_ids',
        `Services ${missing.join(', ')} are not in this chain`,
      );
  }
  if (ids.categoryIds?.length) {
    const found = new Set(await scope.findChainCategoryIds(chainId, ids.categoryIds));
    const missing = ids.categoryIds.filter((id) => !found.has(id));
    if (missing.length)
      throw invalid(
        fields.categoryIds ?? 'category_ids',
        `Service categories ${missing.join(', ')} are not in this chain`,
      );
  }
}

export const typeIssued = (what: string) =>
  new DomainError(
    'conflict',
    `This ${what} type has issued ${what}s: it can no longer be changed or deleted`,
  );

export function requireTitle(title: string, field = 'title'): string {
  const t = title.trim();
  if (!t) throw invalid(field, `${field} must not be empty`);
  return t;
}
