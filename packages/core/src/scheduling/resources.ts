import { intervalsOverlap, isFreeDuring, normalizeIntervals, type Interval } from './interval';
import type { Chain } from './slot-query';
import { layOutChain, type ResourcePool, type ServiceStep } from './slot-query';

export interface StepResourcePlan {
  serviceId: number;
  interval: Interval;
  /** One instance per distinct resource type of the step, in the order the step lists the types. */
  instanceIds: number[];
}

/**
 * Picks, for every step, one free instance of each resource type it needs, preferring the lowest
 * instanceId so repeated calls choose the same room. Steps run back to back and never overlap each
 * other, so each step can choose independently (and may use a different instance than the last).
 * Returns null when some type has no pool or no instance free over the step's sub-interval.
 */
export function planResources(
  steps: ServiceStep[],
  start: number,
  resources: ResourcePool[],
): StepResourcePlan[] | null {
  const plan: StepResourcePlan[] = [];
  for (const step of layOutChain(steps).steps) {
    const interval = { start: start + step.offsetMs, end: start + step.offsetMs + step.durationMs };
    const instanceIds: number[] = [];
    for (const resourceId of step.resourceIds) {
      const free = resources
        .filter((pool) => pool.resourceId === resourceId)
        .flatMap((pool) => pool.instances)
        .filter((instance) => !instance.busy.some((busy) => intervalsOverlap(busy, interval)))
        .map((instance) => instance.instanceId)
        .sort((a, b) => a - b);
      const chosen = free[0];
      if (chosen === undefined) return null;
      instanceIds.push(chosen);
    }
    plan.push({ serviceId: step.serviceId, interval, instanceIds });
  }
  return plan;
}

/**
 * Resource availability prepared once per query (busy lists normalized) so that checking a
 * candidate is a few binary searches rather than a scan of every booking of every room.
 */
export class ResourceAvailability {
  private readonly instancesByResource = new Map<number, Interval[][]>();

  constructor(resources: readonly ResourcePool[]) {
    for (const pool of resources) {
      const instances = this.instancesByResource.get(pool.resourceId) ?? [];
      for (const instance of pool.instances) instances.push(normalizeIntervals(instance.busy));
      this.instancesByResource.set(pool.resourceId, instances);
    }
  }

  /** Whether every step of the chain, started at `start`, finds a free instance of each type. */
  chainFits(chain: Chain, start: number): boolean {
    for (const step of chain.steps) {
      const stepStart = start + step.offsetMs;
      const stepEnd = stepStart + step.durationMs;
      for (const resourceId of step.resourceIds) {
        const instances = this.instancesByResource.get(resourceId);
        if (instances === undefined) return false;
        if (!instances.some((busy) => isFreeDuring(busy, stepStart, stepEnd))) return false;
      }
    }
    return true;
  }
}
