import { notFound, invalid } from '../errors/domain-error';
import { findFreeSlots } from '../scheduling';
import { isValidLocalDate } from '../time/wire-format';
import { loadAvailability } from './availability';
import type { BookableTime, ReadDeps } from './find-bookable-times';

/**
 * Free start times for the front desk (the back office's calendar): the same slot engine as
 * online booking, but over every service and team member (not only those offered online), and
 * without the online notice and horizon, so a walk-in can be booked for right now. Times
 * already passed are still left out.
 */
export async function findDeskTimes(
  deps: ReadDeps,
  input: { locationId: number; staffId: number; date: string; serviceIds: number[] },
): Promise<{ timeZone: string; times: BookableTime[] }> {
  if (!isValidLocalDate(input.date)) throw invalid('date', 'date must be YYYY-MM-DD');
  return deps.read(async (repos) => {
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    const availability = await loadAvailability(repos, {
      ...input,
      timeZone: location.timezone,
      fromDate: input.date,
      toDate: input.date,
      now: deps.clock.now().getTime(),
      online: false,
    });
    const query = { ...availability.queryFor(input.date), minNoticeSeconds: 0, horizonEnd: null };
    return {
      timeZone: availability.timeZone,
      times: findFreeSlots(query).map((s) => ({
        ...s,
        length: availability
          .stepsFor(s.staffIds[0]!)
          .reduce((sum, step) => sum + step.durationSeconds, 0),
      })),
    };
  });
}
