import { addDays } from '../../time';

export interface WeekdayPlan {
  works: boolean;
  from: string;
  to: string;
}

/** Monday first, as the calendar's week. */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

export const defaultWeek = (): WeekdayPlan[] =>
  WEEKDAYS.map((_, i) => ({ works: i < 5, from: '09:00', to: '18:00' }));

/**
 * A weekly pattern applied to `weeks` weeks from `start`, as the `schedules_to_set` of
 * `PUT /staff/schedule`: one entry per distinct day (a day off is an explicit `slots: []`).
 */
export function scheduleRequest(
  staffId: number,
  week: WeekdayPlan[],
  start: string,
  weeks: number,
) {
  const groups = new Map<
    string,
    { staff_id: number; dates: string[]; slots: { from: string; to: string }[] }
  >();
  for (let i = 0; i < weeks * 7; i++) {
    const date = addDays(start, i);
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const plan = week[weekday]!;
    const slots = plan.works ? [{ from: plan.from, to: plan.to }] : [];
    const key = JSON.stringify(slots);
    const group = groups.get(key) ?? { staff_id: staffId, dates: [], slots };
    group.dates.push(date);
    groups.set(key, group);
  }
  return { schedules_to_set: [...groups.values()] };
}
