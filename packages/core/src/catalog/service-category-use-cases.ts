import { DomainError, notFound } from '../errors/domain-error';
import type { ServiceCategoryInput } from './ports';
import { checkTitle } from './service-rules';
import type { ServiceCatalogDeps } from './service-use-cases';
import type { ServiceCategory } from './types';

export type ServiceCategoryFields = Omit<ServiceCategoryInput, 'locationId'>;

export function listServiceCategories(
  deps: ServiceCatalogDeps,
  locationId: number,
  filter: { staffId?: number } = {},
): Promise<ServiceCategory[]> {
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.services.findServiceCategories(locationId, undefined, filter);
  });
}

export async function getServiceCategory(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
): Promise<ServiceCategory> {
  const [category] = await deps.uow((r) => r.services.findServiceCategories(locationId, [id]));
  if (!category) throw notFound('Service category');
  return category;
}

export async function createServiceCategory(
  deps: ServiceCatalogDeps,
  locationId: number,
  input: Partial<ServiceCategoryFields> & Pick<ServiceCategoryFields, 'title'>,
): Promise<ServiceCategory> {
  checkTitle(input.title);
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.services.insertServiceCategory({
      weight: 0,
      apiId: null,
      ...input,
      locationId,
    });
  });
}

export async function updateServiceCategory(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
  patch: Partial<ServiceCategoryFields>,
): Promise<ServiceCategory> {
  checkTitle(patch.title);
  const updated = await deps.uow((r) => r.services.updateServiceCategory(locationId, id, patch));
  if (!updated) throw notFound('Service category');
  return updated;
}

/** A category that still holds services is kept: deleting it would orphan them silently. */
export async function deleteServiceCategory(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
): Promise<void> {
  await deps.uow(async (r) => {
    const [category] = await r.services.findServiceCategories(locationId, [id]);
    if (!category) throw notFound('Service category');
    const services = await r.services.findServices(locationId, { categoryId: id });
    if (services.length > 0)
      throw new DomainError(
        'conflict',
        `service category ${id} still holds ${services.length} service(s); move or delete them first`,
      );
    await r.services.softDeleteServiceCategory(locationId, id);
  });
}
