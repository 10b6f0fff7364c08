import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { localDayBounds } from '../scheduling';
import { localDate, localTime } from '../time/wire-format';
import type { OccupancyRepo, SchedulesRepo } from './ports';
import { scheduleDatesBetween } from './schedule-rules';
import type { StaffBusyInterval, StaffScheduleDay } from './types';

type Deps = {
  uow: UnitOfWork<{ locations: LocationsRepo; schedules: SchedulesRepo; occupancy: OccupancyRepo }>;
  clock: Clock;
};

export interface StaffSchedulesQuery {
  /** Local "YYYY-MM-DD"; defaults to today at the location. */
  startDate?: string;
  /** Defaults to `startDate`. */
  endDate?: string;
  /** Defaults to every team member who is not fired. */
  staffIds?: number[];
  includeBusy: boolean;
}

/** Time taken by an appointment or group event, in the location's wall time of that day. */
export interface LocalBusyInterval {
  entity: { type: 'record' | 'activity'; id: number } | null;
  from: string;
  /** "24:00" when the time runs past the end of the day. */
  to: string;
}

export interface StaffScheduleView extends StaffScheduleDay {
  busy?: LocalBusyInterval[];
}

function entityOf(busy: StaffBusyInterval): LocalBusyInterval['entity'] {
  if (busy.recordId != null) return { type: 'record', id: busy.recordId };
  if (busy.activityId != null) return { type: 'activity', id: busy.activityId };
  return null;
}

/** The busy time of one member on one local day, cut at the day's edges (DST-aware). */
export function busyOfDay(
  date: string,
  busy: readonly StaffBusyInterval[],
  timeZone: string,
): LocalBusyInterval[] {
  const day = localDayBounds(date, timeZone);
  const result: LocalBusyInterval[] = [];
  for (const interval of busy) {
    const start = Math.max(interval.start, day.start);
    const end = Math.min(interval.end, day.end);
    if (start >= end) continue;
    result.push({
      entity: entityOf(interval),
      from: localTime(start, timeZone),
      to: end === day.end ? '24:00' : localTime(end, timeZone),
    });
  }
  return result;
}

/**
 * The stored working days (and explicit days off) of the location's team members in a date
 * range, optionally with the appointments and group events that take their time.
 */
export async function getStaffSchedules(
  deps: Deps,
  locationId: number,
  query: StaffSchedulesQuery,
): Promise<StaffScheduleView[]> {
  return deps.uow(async (r) => {
    const location = await r.locations.findLocation(locationId);
    if (!location) throw notFound('Location');
    const startDate = query.startDate ?? localDate(deps.clock.now().getTime(), location.timezone);
    const dates = scheduleDatesBetween(startDate, query.endDate ?? startDate, {
      start: 'start_date',
      end: 'end_date',
    });
    const requested = query.staffIds?.length ? [...new Set(query.staffIds)] : undefined;
    const staffIds = await r.schedules.findStaffIdsOfLocation(locationId, requested);
    if (requested && staffIds.length < requested.length) throw notFound('Team member');
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    const days = await r.schedules.findStaffSchedules(staffIds, first, last);
    if (!query.includeBusy) return days;

    const from = localDayBounds(first, location.timezone).start;
    const to = localDayBounds(last, location.timezone).end;
    const busy = await r.occupancy.findStaffBusy(staffIds, from, to);
    return days.map((day) => ({
      ...day,
      busy: busyOfDay(
        day.date,
        busy.filter((b) => b.staffId === day.staffId),
        location.timezone,
      ),
    }));
  });
}
