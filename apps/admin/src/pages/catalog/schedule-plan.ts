import { addDays } from '../../time';

/** "HH:MM" wall times of the location; they compare as text. */
export interface Interval {
  from: string;
  to: string;
}

export interface WeekdayPlan {
  works: boolean;
  from: string;
  to: string;
  /** Breaks inside the working hours, in any order ("" while a time is not typed yet). */
  breaks: Interval[];
}

/** What is wrong with one row of a day: `row` is "hours" or the break's index. */
export interface PlanProblem {
  row: 'hours' | number;
  message: string;
}

/**
 * Why a day's plan cannot be applied: each message names the day and the row ("Wednesday,
 * break 2 overlaps break 1."), so it reads on its own next to the field.
 */
export function planProblems(day: string, plan: WeekdayPlan): PlanProblem[] {
  if (!plan.works) return [];
  if (!plan.from || !plan.to || plan.from >= plan.to)
    return [{ row: 'hours', message: `${day}: the end must be after the start.` }];
  const problems: PlanProblem[] = [];
  const ok: number[] = [];
  plan.breaks.forEach((b, i) => {
    const name = `${day}, break ${i + 1}`;
    if (!b.from || !b.to)
      problems.push({ row: i, message: `${name}: give it a start and an end.` });
    else if (b.from >= b.to)
      problems.push({ row: i, message: `${name} must end after it starts.` });
    else if (b.from <= plan.from || b.to >= plan.to)
      problems.push({
        row: i,
        message: `${name} must lie inside the working hours (${plan.from}–${plan.to}).`,
      });
    else {
      const other = ok.find((j) => plan.breaks[j]!.from < b.to && b.from < plan.breaks[j]!.to);
      if (other !== undefined)
        problems.push({ row: i, message: `${name} overlaps break ${other + 1}.` });
      else ok.push(i);
    }
  });
  return problems;
}

/** The day's working intervals: the hours cut by the breaks (breaks that touch leave no gap). */
export function slotsOf(plan: WeekdayPlan): Interval[] {
  if (!plan.works) return [];
  const slots: Interval[] = [];
  let cursor = plan.from;
  for (const b of [...plan.breaks].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (b.from > cursor) slots.push({ from: cursor, to: b.from });
    if (b.to > cursor) cursor = b.to;
  }
  if (plan.to > cursor) slots.push({ from: cursor, to: plan.to });
  return slots;
}

/** A stored day's slots as a plan: the first start to the last end, the gaps as breaks. */
export function planOfSlots(slots: readonly Interval[]): WeekdayPlan {
  if (slots.length === 0) return { works: false, from: '09:00', to: '18:00', breaks: [] };
  const sorted = [...slots].sort((a, b) => (a.from < b.from ? -1 : 1));
  const breaks: Interval[] = [];
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.from > sorted[i - 1]!.to)
      breaks.push({ from: sorted[i - 1]!.to, to: sorted[i]!.from });
  return { works: true, from: sorted[0]!.from, to: sorted[sorted.length - 1]!.to, breaks };
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

/** 0 = Monday … 6 = Sunday of a "YYYY-MM-DD" date (a calendar date: no zone involved). */
export const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

export const defaultWeek = (): WeekdayPlan[] =>
  WEEKDAYS.map((_, i) => ({ works: i < 5, from: '09:00', to: '18:00', breaks: [] }));

export interface CurrentPlan {
  week: WeekdayPlan[];
  /** `schedule`: read from the stored days; `default`: none stored, Mon–Fri 09:00–18:00. */
  source: 'schedule' | 'default';
  /** Weekdays whose stored days differ from week to week (the most frequent hours are shown). */
  varying: string[];
}

/**
 * The weekly plan behind a member's stored days (`GET /staff/schedule`, dates without a row
 * left out): per weekday the most frequent day's slots, the earliest one on a tie; a weekday
 * never stored is a day off. No stored day at all gives the default plan.
 */
export function planFromSchedule(
  days: readonly { date: string; slots: Interval[] }[],
): CurrentPlan {
  if (days.length === 0) return { week: defaultWeek(), source: 'default', varying: [] };
  const byWeekday = WEEKDAYS.map(() => new Map<string, { count: number; slots: Interval[] }>());
  for (const day of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const patterns = byWeekday[weekdayOf(day.date)]!;
    const key = JSON.stringify(slotsOf(planOfSlots(day.slots)));
    const seen = patterns.get(key) ?? { count: 0, slots: day.slots };
    seen.count++;
    patterns.set(key, seen);
  }
  const week = byWeekday.map((patterns) => {
    let best: { count: number; slots: Interval[] } | undefined;
    for (const p of patterns.values()) if (!best || p.count > best.count) best = p;
    return planOfSlots(best?.slots ?? []);
  });
  const varying = WEEKDAYS.filter((_, i) => byWeekday[i]!.size > 1);
  return { week, source: 'schedule', varying };
}

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
  const groups = new Map<string, { staff_id: number; dates: string[]; slots: Interval[] }>();
  for (let i = 0; i < weeks * 7; i++) {
    const date = addDays(start, i);
    const slots = slotsOf(week[weekdayOf(date)]!);
    const key = JSON.stringify(slots);
    const group = groups.get(key) ?? { staff_id: staffId, dates: [], slots };
    group.dates.push(date);
    groups.set(key, group);
  }
  return { schedules_to_set: [...groups.values()] };
}
