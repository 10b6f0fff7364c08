import type { LocationsRepo } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import { scheduleDatesBetween } from './schedule-rules';

export interface CalendarMarkerRepo {
  /**
   * A digest of what the calendar shows for the local dates [from, to] of the location: every
   * appointment starting then (cancelled ones included) and group event with its last change,
   * the team members' stored days, and the team itself. Any write there changes it.
   */
  findCalendarMarker(locationId: number, from: string, to: string): Promise<string>;
}

/** The calendar reads at most six weeks at once; the marker covers the same. */
export const MAX_CALENDAR_MARKER_DAYS = 42;

/**
 * The calendar's change marker: a short string that stays the same until something it shows
 * changes. The back office polls it and reloads only when it moved; it is computed from the
 * database on each call, so every server process answers the same.
 */
export async function getCalendarMarker(
  deps: {
    read: <T>(
      fn: (repos: { locations: LocationsRepo; calendarMarker: CalendarMarkerRepo }) => Promise<T>,
    ) => Promise<T>;
  },
  input: { locationId: number; startDate: string; endDate: string },
): Promise<string> {
  const dates = scheduleDatesBetween(
    input.startDate,
    input.endDate,
    { start: 'start_date', end: 'end_date' },
    MAX_CALENDAR_MARKER_DAYS,
  );
  return deps.read(async (r) => {
    if (!(await r.locations.findLocation(input.locationId))) throw notFound('Location');
    return r.calendarMarker.findCalendarMarker(input.locationId, dates[0]!, dates.at(-1)!);
  });
}
