import { addDays } from '../../time';

export interface WeekdayPlan {
  works: boolean;
  from: string;
  to: string;
  /** A break inside the working hours ("" = none). */
  breakFrom: string;
  breakTo: string;
}

/** Why a day's plan cannot be applied, or null. Times are HH:MM, so they compare as text. */
export function planProblem(plan: WeekdayPlan): string | null {
  if (!plan.works) return null;
  if (plan.from >= plan.to) return 'The end must be after the start.';
  if (!plan.breakFrom && !plan.breakTo) return null;
  if (!plan.breakFrom || !plan.breakTo) return 'Give the break a start and an end.';
  if (plan.breakFrom >= plan.breakTo) return 'The break must end after it starts.';
  if (plan.breakFrom <= plan.from || plan.breakTo >= plan.to)
    return 'The break must lie inside the working hours.';
  return null;
}

/** The day's working intervals: one, or two around the break. */
export function slotsOf(plan: WeekdayPlan): { from: string; to: string }[] {
  if (!plan.works) return [];
  if (plan.breakFrom && plan.breakTo)
    return [
      { from: plan.from, to: plan.breakFrom },
      { from: plan.breakTo, to: plan.to },
    ];
  return [{ from: plan.from, to: plan.to }];
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
  WEEKDAYS.map((_, i) => ({
    works: i < 5,
    from: '09:00',
    to: '18:00',
    breakFrom: '',
    breakTo: '',
  }));

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
    const slots = slotsOf(plan);
    const key = JSON.stringify(slots);
    const group = groups.get(key) ?? { staff_id: staffId, dates: [], slots };
    group.dates.push(date);
    groups.set(key, group);
  }
  return { schedules_to_set: [...groups.values()] };
}
