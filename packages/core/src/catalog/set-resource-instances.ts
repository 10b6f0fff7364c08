import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { Clock, UnitOfWork } from '../ports';
import { localDateTime } from '../time/wire-format';
import type { LocationsRepo, ResourcesRepo } from './ports';
import { MAX_RESOURCE_INSTANCES } from './resource-use-cases';
import { checkTitle } from './service-rules';
import type { Resource } from './types';

export interface InstanceChange {
  /** An existing instance of this resource (kept, maybe renamed); absent = a new one. */
  id?: number;
  title: string;
}

export type SetResourceInstancesDeps = {
  uow: UnitOfWork<{ locations: LocationsRepo; resources: ResourcesRepo }>;
  clock: Clock;
};

/**
 * Replaces a resource's instances with the given list in one transaction: listed ids are kept
 * (renamed when their title changed), entries without an id are added, and instances left out
 * are removed — unless an appointment still holds one from now on, since removing it would
 * leave that appointment without its room. The instances are locked first, so a booking that is
 * writing a hold on one of them is waited for and then seen; a booking that comes after the lock
 * is refused by the database (a hold needs a live instance, migration 0051).
 */
export async function setResourceInstances(
  deps: SetResourceInstancesDeps,
  locationId: number,
  resourceId: number,
  instances: InstanceChange[],
): Promise<Resource> {
  if (instances.length === 0) throw invalid('instances', 'a resource needs at least one instance');
  if (instances.length > MAX_RESOURCE_INSTANCES)
    throw invalid('instances', `at most ${MAX_RESOURCE_INSTANCES} instances`);
  const seen = new Set<number>();
  instances.forEach((instance, i) => {
    checkTitle(instance.title, `instances.${i}.title`);
    if (instance.id === undefined) return;
    if (seen.has(instance.id))
      throw invalid(`instances.${i}.id`, `instance ${instance.id} is listed twice`);
    seen.add(instance.id);
  });

  return deps.uow(async (r) => {
    const location = await r.locations.findLocation(locationId);
    if (!location) throw notFound('Location');
    const [resource] = await r.resources.findResources(locationId, [resourceId]);
    if (!resource) throw notFound('Resource');
    const current = await r.resources.lockInstances(resourceId);
    const currentIds = new Set(current.map((c) => c.id));
    instances.forEach((instance, i) => {
      if (instance.id !== undefined && !currentIds.has(instance.id))
        throw invalid(
          `instances.${i}.id`,
          `instance ${instance.id} is not an instance of resource ${resourceId}`,
        );
    });
    const removed = current.filter((c) => !seen.has(c.id));
    if (removed.length > 0) {
      const holds = await r.resources.findFutureHolds(
        removed.map((c) => c.id),
        deps.clock.now().getTime(),
      );
      const first = holds[0];
      if (first) {
        const title = removed.find((c) => c.id === first.instanceId)?.title ?? '';
        const more = holds.length > 1 ? ` and ${holds.length - 1} more` : '';
        throw new DomainError(
          'conflict',
          `${title} is booked on ${localDateTime(first.start, location.timezone).slice(0, 16)} (appointment ${first.recordId})${more}: move or cancel those appointments before removing it`,
          'instances',
          { instance_id: first.instanceId, record_ids: holds.map((h) => h.recordId) },
        );
      }
    }
    const byId = new Map(current.map((c) => [c.id, c.title]));
    await r.resources.writeInstances(resourceId, {
      renamed: instances.flatMap((c) =>
        c.id !== undefined && byId.get(c.id) !== c.title ? [{ id: c.id, title: c.title }] : [],
      ),
      added: instances.flatMap((c) => (c.id === undefined ? [c.title] : [])),
      removed: removed.map((c) => c.id),
    });
    const [updated] = await r.resources.findResources(locationId, [resourceId]);
    return updated!;
  });
}
