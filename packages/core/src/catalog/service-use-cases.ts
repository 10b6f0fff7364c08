import { invalid, notFound } from '../errors/domain-error';
import type {
  LocationsRepo,
  ResourcesRepo,
  ServiceFilter,
  ServiceInput,
  ServicesRepo,
  UnitOfWork,
} from './ports';
import {
  checkCategory,
  checkDuration,
  checkPriceRange,
  checkResourceIds,
  checkStaffLinks,
  checkTitle,
} from './service-rules';
import type { Service } from './types';

export type ServiceCatalogDeps = {
  uow: UnitOfWork<{ locations: LocationsRepo; services: ServicesRepo; resources: ResourcesRepo }>;
};

/** What a caller may set on a service; the location comes from the path, never the body. */
export type ServiceFields = Omit<ServiceInput, 'locationId'>;

const DEFAULTS: Omit<ServiceFields, 'title'> = {
  categoryId: null,
  comment: '',
  priceMin: 0,
  priceMax: 0,
  discount: 0,
  durationSeconds: 3600,
  onlineBookable: true,
  weight: 0,
  apiId: null,
  staff: [],
  resourceIds: [],
};

async function requireLocation(locations: LocationsRepo, locationId: number): Promise<void> {
  if (!(await locations.findLocation(locationId))) throw notFound('Location');
}

export function listServices(
  deps: ServiceCatalogDeps,
  locationId: number,
  filter: Omit<ServiceFilter, 'ids'>,
): Promise<Service[]> {
  return deps.uow(async (r) => {
    await requireLocation(r.locations, locationId);
    return r.services.findServices(locationId, filter);
  });
}

export function getService(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
): Promise<Service> {
  return deps.uow(async (r) => {
    await requireLocation(r.locations, locationId);
    const [service] = await r.services.findServices(locationId, { ids: [id] });
    if (!service) throw notFound('Service');
    return service;
  });
}

/** Field checks that need no database; `merged` is the service as it would be after the write. */
function checkFields(patch: Partial<ServiceFields>, merged: ServiceFields): void {
  checkTitle(patch.title);
  if (patch.durationSeconds !== undefined) checkDuration(patch.durationSeconds, 'seance_length');
  if (patch.discount !== undefined && (patch.discount < 0 || patch.discount > 100))
    throw invalid('discount', 'discount must be a percentage between 0 and 100');
  if (patch.priceMin !== undefined || patch.priceMax !== undefined)
    checkPriceRange(merged.priceMin, merged.priceMax);
}

export async function createService(
  deps: ServiceCatalogDeps,
  locationId: number,
  input: Partial<ServiceFields> & Pick<ServiceFields, 'title'>,
): Promise<Service> {
  // An unpriced maximum follows the minimum, so `price_min: 40` alone means "40".
  const priceMin = input.priceMin ?? DEFAULTS.priceMin;
  const fields: ServiceFields = {
    ...DEFAULTS,
    ...input,
    priceMin,
    priceMax: input.priceMax ?? priceMin,
  };
  checkFields(fields, fields);
  return deps.uow(async (r) => {
    await requireLocation(r.locations, locationId);
    await checkCategory(r.services, locationId, fields.categoryId);
    await checkStaffLinks(r.services, locationId, fields.staff);
    await checkResourceIds(r.resources, locationId, fields.resourceIds);
    return r.services.insertService({ ...fields, locationId });
  });
}

/** Partial update: only the keys present change; `staff` and `resourceIds` replace the whole set. */
export async function updateService(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
  patch: Partial<ServiceFields>,
): Promise<Service> {
  return deps.uow(async (r) => {
    const [current] = await r.services.findServices(locationId, { ids: [id] });
    if (!current) throw notFound('Service');
    checkFields(patch, { ...current, ...patch });
    if (patch.categoryId !== undefined)
      await checkCategory(r.services, locationId, patch.categoryId);
    if (patch.staff) await checkStaffLinks(r.services, locationId, patch.staff);
    if (patch.resourceIds) await checkResourceIds(r.resources, locationId, patch.resourceIds);
    const updated = await r.services.updateService(locationId, id, patch);
    if (!updated) throw notFound('Service');
    return updated;
  });
}

export async function deleteService(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
): Promise<void> {
  const deleted = await deps.uow((r) => r.services.softDeleteService(locationId, id));
  if (!deleted) throw notFound('Service');
}
