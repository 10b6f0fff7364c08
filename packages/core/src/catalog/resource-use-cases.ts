import { DomainError, invalid, notFound } from '../errors/domain-error';
import { checkTitle } from './service-rules';
import type { ServiceCatalogDeps } from './service-use-cases';
import type { Resource } from './types';

export const MAX_RESOURCE_INSTANCES = 100;

export function listResources(deps: ServiceCatalogDeps, locationId: number): Promise<Resource[]> {
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.resources.findResources(locationId);
  });
}

export async function getResource(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
): Promise<Resource> {
  const [resource] = await deps.uow((r) => r.resources.findResources(locationId, [id]));
  if (!resource) throw notFound('Resource');
  return resource;
}

/**
 * A resource type with its physical instances: named ones (`instances`) or `count` numbered
 * copies ("Room #1", "Room #2"); one instance when neither is given, since a type without
 * instances could never be booked.
 */
export async function createResource(
  deps: ServiceCatalogDeps,
  locationId: number,
  input: { title: string; description?: string; instances?: string[]; count?: number },
): Promise<Resource> {
  checkTitle(input.title);
  const instances = instanceTitles(input);
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.resources.insertResource({
      locationId,
      title: input.title,
      description: input.description ?? '',
      instances,
    });
  });
}

function instanceTitles(input: { title: string; instances?: string[]; count?: number }): string[] {
  if (input.instances !== undefined) {
    if (input.instances.length === 0)
      throw invalid('instances', 'instances must name at least one instance');
    if (input.instances.length > MAX_RESOURCE_INSTANCES)
      throw invalid('instances', `at most ${MAX_RESOURCE_INSTANCES} instances`);
    input.instances.forEach((t, i) => checkTitle(t, `instances.${i}`));
    return input.instances;
  }
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_RESOURCE_INSTANCES)
    throw invalid('count', `count must be between 1 and ${MAX_RESOURCE_INSTANCES}`);
  return Array.from({ length: count }, (_, i) => `${input.title} #${i + 1}`);
}

export async function updateResource(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
  patch: { title?: string; description?: string },
): Promise<Resource> {
  checkTitle(patch.title);
  const updated = await deps.uow((r) => r.resources.updateResource(locationId, id, patch));
  if (!updated) throw notFound('Resource');
  return updated;
}

/** A resource that services still need is kept: deleting it would make them bookable without it. */
export async function deleteResource(
  deps: ServiceCatalogDeps,
  locationId: number,
  id: number,
): Promise<void> {
  await deps.uow(async (r) => {
    const [resource] = await r.resources.findResources(locationId, [id]);
    if (!resource) throw notFound('Resource');
    const services = await r.services.findServices(locationId, { resourceId: id });
    if (services.length > 0)
      throw new DomainError(
        'conflict',
        `resource ${id} is still needed by service(s) ${services.map((s) => s.id).join(', ')}`,
      );
    await r.resources.softDeleteResource(locationId, id);
  });
}
