import { invalid, notFound } from '../errors/domain-error';
import type { UnitOfWork } from '../catalog/ports';
import type { LocalSlot } from '../scheduling';
import type { SchedulesRepo } from './ports';
import { checkDaySlots, checkLocalDate, MAX_SCHEDULE_DATES_PER_REQUEST } from './schedule-rules';
import type { StaffScheduleDay } from './types';

type Deps = { uow: UnitOfWork<{ schedules: SchedulesRepo }> };

export interface ScheduleDayInput {
  date: string;
  working: boolean;
  slots: LocalSlot[];
}

/**
 * The deprecated per-member form (`PUT /schedule/{company_id}/{staff_id}`, body
 * `[{date, is_working, slots}]`). A day that is not working is stored as a day off; errors name
 * the wire path `0.slots.1.to`. Returns the member's days as written.
 */
export async function setStaffScheduleDays(
  deps: Deps,
  locationId: number,
  staffId: number,
  days: ScheduleDayInput[],
): Promise<StaffScheduleDay[]> {
  if (days.length > MAX_SCHEDULE_DATES_PER_REQUEST)
    throw invalid(
      'request',
      `at most ${MAX_SCHEDULE_DATES_PER_REQUEST} dates can be changed in one request`,
    );
  const seen = new Set<string>();
  const checked: StaffScheduleDay[] = days.map((day, i) => {
    const date = checkLocalDate(day.date, `${i}.date`);
    if (seen.has(date)) throw invalid(`${i}.date`, `${date} appears more than once in the request`);
    seen.add(date);
    if (!day.working) return { staffId, date, slots: [] };
    if (day.slots.length === 0)
      throw invalid(`${i}.slots`, `${i}.slots must not be empty on a working day`);
    return { staffId, date, slots: checkDaySlots(day.slots, `${i}.slots`) };
  });
  return deps.uow(async (r) => {
    const [known] = await r.schedules.findStaffIdsOfLocation(locationId, [staffId]);
    if (known === undefined) throw notFound('Team member');
    if (checked.length > 0) await r.schedules.setStaffSchedules(checked);
    return [...checked].sort((a, b) => a.date.localeCompare(b.date));
  });
}
