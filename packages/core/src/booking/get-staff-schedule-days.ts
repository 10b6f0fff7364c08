import type { UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import type { LocalSlot } from '../scheduling';
import type { SchedulesRepo } from './ports';
import { scheduleDatesBetween } from './schedule-rules';

type Deps = { uow: UnitOfWork<{ schedules: SchedulesRepo }> };

export interface ScheduleDay {
  date: string;
  working: boolean;
  slots: LocalSlot[];
}

/**
 * One member's schedule for every date of [startDate, endDate] (the deprecated
 * `GET /schedule/...` form): dates without a stored working slot are not working.
 */
export async function getStaffScheduleDays(
  deps: Deps,
  locationId: number,
  staffId: number,
  startDate: string,
  endDate: string,
): Promise<ScheduleDay[]> {
  const dates = scheduleDatesBetween(startDate, endDate, { start: 'start_date', end: 'end_date' });
  return deps.uow(async (r) => {
    const [known] = await r.schedules.findStaffIdsOfLocation(locationId, [staffId]);
    if (known === undefined) throw notFound('Team member');
    const stored = await r.schedules.findStaffSchedules(
      [staffId],
      dates[0]!,
      dates[dates.length - 1]!,
    );
    const byDate = new Map(stored.map((day) => [day.date, day.slots]));
    return dates.map((date) => {
      const slots = byDate.get(date) ?? [];
      return { date, working: slots.length > 0, slots };
    });
  });
}
