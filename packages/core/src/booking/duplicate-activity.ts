import { DomainError, invalid, notFound } from '../errors/domain-error';
import type { ChangeOrigin } from './appointment-events';
import { loadLocation } from './appointment-plan';
import { activityEvent, parseActivityStart, type ActivityDeps } from './create-activity';
import type { ActivityView } from './records-ports';

export const MAX_DUPLICATES = 100;

/**
 * POST /activity/{id}/duplicate with a list of start times: copies of the event (same team
 * member, service, length, capacity and comment; no clients). All or nothing: when any copy
 * would overlap the team member's other bookings, nothing is created and the answer is 409.
 */
export async function duplicateActivity(
  deps: ActivityDeps,
  locationId: number,
  id: number,
  dates: string[],
  origin: ChangeOrigin,
): Promise<ActivityView[]> {
  if (dates.length === 0) throw invalid('dates', 'dates must list at least one start time');
  if (dates.length > MAX_DUPLICATES)
    throw invalid('dates', `at most ${MAX_DUPLICATES} copies per request`);
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const source = await r.activities.findActivity(locationId, id);
    if (!source || source.deletedAt) throw notFound('Event');
    const length = source.end - source.start;
    const copies: ActivityView[] = [];
    for (const [index, date] of dates.entries()) {
      const start = parseActivityStart(date, location.timezone, `dates.${index}`);
      const copy = await r.activities
        .insertActivity({ ...source, start, end: start + length })
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'slot_taken')
            throw new DomainError(
              'conflict',
              `The team member is busy at ${date}; no copy was created`,
              `dates.${index}`,
            );
          throw error;
        });
      await r.outbox.addEvent(activityEvent('activity.created', copy, origin));
      copies.push((await r.activities.findActivityView(locationId, copy.id))!);
    }
    return copies;
  });
}
