import { loadLocation } from '../booking/appointment-plan';
import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { invalid, notFound } from '../errors/domain-error';
import { parseClientFilters } from '../clients/search-filters';
import type { Clock } from '../ports';
import type { BulkPush, BulkPushesRepo, JobsRepo } from './ports';

type Deps = {
  uow: UnitOfWork<{ locations: LocationsRepo; bulkPushes: BulkPushesRepo; jobs: JobsRepo }>;
  clock: Clock;
};

export interface BulkAudienceRequest {
  /** The clients search's `filters` (same types, same validation). */
  filters?: unknown;
  operation?: 'AND' | 'OR';
}

/** How many clients the filters find and how many of them have the app (the recipients). */
export function previewBulkPush(
  deps: Deps,
  locationId: number,
  request: BulkAudienceRequest,
): Promise<{ matching: number; withApp: number }> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const conditions = parseClientFilters(request.filters, location.timezone);
    return r.bulkPushes.countAudience(
      locationId,
      { conditions, operation: request.operation ?? 'AND' },
      deps.clock.now().getTime(),
    );
  });
}

export const BULK_FANOUT_JOB = 'bulk.fanout';

/**
 * Sends a message to every client the filters find who has the app. The answer (written with
 * the first fan-out job in one transaction) says how many that is; the fan-out then runs as
 * jobs and the bulk push's counters show its progress.
 */
export function sendBulkPush(
  deps: Deps,
  locationId: number,
  userId: number | null,
  request: BulkAudienceRequest & { text: string },
): Promise<{ bulk: BulkPush; matching: number }> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const text = request.text.trim();
    if (!text) throw invalid('text', 'text must not be empty');
    if (text.length > 1000) throw invalid('text', 'text is at most 1000 characters');
    const conditions = parseClientFilters(request.filters, location.timezone);
    const operation = request.operation ?? 'AND';
    const now = deps.clock.now();
    const audience = await r.bulkPushes.countAudience(
      locationId,
      { conditions, operation },
      now.getTime(),
    );
    const bulk = await r.bulkPushes.insertBulkPush({
      locationId,
      userId,
      text,
      filters: request.filters ?? [],
      operation,
      recipients: audience.withApp,
    });
    await r.jobs.enqueue({
      kind: BULK_FANOUT_JOB,
      key: `bulk:${bulk.id}:after:0`,
      payload: { bulkPushId: bulk.id, afterClientId: 0 },
      runAt: now,
    });
    return { bulk, matching: audience.matching };
  });
}

export function getBulkPush(deps: Deps, locationId: number, id: number): Promise<BulkPush> {
  return deps.uow(async (r) => {
    const bulk = await r.bulkPushes.findBulkPush(locationId, id);
    if (!bulk) throw notFound('Bulk push');
    return bulk;
  });
}
