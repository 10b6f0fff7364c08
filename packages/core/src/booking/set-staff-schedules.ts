import { invalid } from '../errors/domain-error';
import type { UnitOfWork } from '../catalog/ports';
import type { LocalSlot } from '../scheduling';
import type { SchedulesRepo } from './ports';
import { checkDaySlots, checkLocalDate, MAX_SCHEDULE_DATES_PER_REQUEST } from './schedule-rules';
import type { StaffScheduleDay } from './types';

type Deps = { uow: UnitOfWork<{ schedules: SchedulesRepo }> };

export interface SchedulesToSet {
  staffId: number;
  dates: string[];
  /** An empty list makes the dates days off. */
  slots: LocalSlot[];
}

export interface SchedulesToDelete {
  staffId: number;
  dates: string[];
}

export interface StaffSchedulesChange {
  toSet: SchedulesToSet[];
  toDelete: SchedulesToDelete[];
}

interface CheckedChange {
  set: StaffScheduleDay[];
  deleted: { staffId: number; date: string }[];
}

/**
 * Every value is checked before anything is written; errors name the wire path
 * (`schedules_to_set.0.slots.1.to`). A team member's date may appear once in the whole request:
 * setting it twice, or setting and deleting it, has no clear meaning.
 */
function checkChange(change: StaffSchedulesChange): CheckedChange {
  const seen = new Set<string>();
  let dateCount = 0;
  const checkDates = (staffId: number, dates: string[], field: string): string[] =>
    dates.map((raw, index) => {
      dateCount += 1;
      if (dateCount > MAX_SCHEDULE_DATES_PER_REQUEST)
        throw invalid(
          field,
          `at most ${MAX_SCHEDULE_DATES_PER_REQUEST} dates can be changed in one request`,
        );
      const date = checkLocalDate(raw, `${field}.${index}`);
      const key = `${staffId}/${date}`;
      if (seen.has(key))
        throw invalid(
          `${field}.${index}`,
          `${date} of team member ${staffId} appears more than once in the request`,
        );
      seen.add(key);
      return date;
    });

  const set: StaffScheduleDay[] = [];
  change.toSet.forEach((entry, i) => {
    const slots = checkDaySlots(entry.slots, `schedules_to_set.${i}.slots`);
    for (const date of checkDates(entry.staffId, entry.dates, `schedules_to_set.${i}.dates`))
      set.push({ staffId: entry.staffId, date, slots });
  });
  const deleted: { staffId: number; date: string }[] = [];
  change.toDelete.forEach((entry, i) => {
    for (const date of checkDates(entry.staffId, entry.dates, `schedules_to_delete.${i}.dates`))
      deleted.push({ staffId: entry.staffId, date });
  });
  return { set, deleted };
}

/** Names the first entry whose team member is not one of the location's. */
function checkStaffBelong(change: StaffSchedulesChange, known: ReadonlySet<number>): void {
  const lists = [
    ['schedules_to_set', change.toSet],
    ['schedules_to_delete', change.toDelete],
  ] as const;
  for (const [name, entries] of lists)
    entries.forEach((entry, i) => {
      if (!known.has(entry.staffId))
        throw invalid(
          `${name}.${i}.staff_id`,
          `team member ${entry.staffId} does not work at this location`,
        );
    });
}

/**
 * Sets and removes working days of the location's team members in one transaction, then
 * returns the resulting schedules of the touched members from the earliest to the latest
 * touched date (what the contract's PUT answers).
 */
export async function setStaffSchedules(
  deps: Deps,
  locationId: number,
  change: StaffSchedulesChange,
): Promise<StaffScheduleDay[]> {
  const checked = checkChange(change);
  const touched = [...checked.set, ...checked.deleted];
  const staffIds = [...new Set(touched.map((d) => d.staffId))].sort((a, b) => a - b);
  const requestedStaff = [...new Set([...change.toSet, ...change.toDelete].map((e) => e.staffId))];
  return deps.uow(async (r) => {
    const known = new Set(await r.schedules.findStaffIdsOfLocation(locationId, requestedStaff));
    checkStaffBelong(change, known);
    if (touched.length === 0) return [];
    if (checked.deleted.length > 0) await r.schedules.deleteStaffSchedules(checked.deleted);
    if (checked.set.length > 0) await r.schedules.setStaffSchedules(checked.set);
    const dates = touched.map((d) => d.date).sort();
    return r.schedules.findStaffSchedules(staffIds, dates[0]!, dates[dates.length - 1]!);
  });
}
