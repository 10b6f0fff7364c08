import { describe, expect, it } from 'vitest';
import {
  defaultWeek,
  planFromSchedule,
  planOfSlots,
  planProblems,
  scheduleRequest,
  slotsOf,
  type WeekdayPlan,
} from '../src/pages/catalog/schedule-plan';

const day = (
  breaks: { from: string; to: string }[],
  from = '09:00',
  to = '18:00',
): WeekdayPlan => ({
  works: true,
  from,
  to,
  breaks,
});

describe('several breaks a day', () => {
  it('cut the hours into the working intervals, whatever order they were added in', () => {
    const plan = day([
      { from: '15:00', to: '15:15' },
      { from: '12:30', to: '13:30' },
    ]);
    expect(planProblems('Wednesday', plan)).toEqual([]);
    expect(slotsOf(plan)).toEqual([
      { from: '09:00', to: '12:30' },
      { from: '13:30', to: '15:00' },
      { from: '15:15', to: '18:00' },
    ]);
  });

  it('breaks that touch leave no empty interval between them', () => {
    expect(
      slotsOf(
        day([
          { from: '12:00', to: '13:00' },
          { from: '13:00', to: '13:30' },
        ]),
      ),
    ).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '18:00' },
    ]);
  });

  it('refuses overlapping breaks, naming the day and both rows', () => {
    const problems = planProblems(
      'Wednesday',
      day([
        { from: '12:00', to: '13:00' },
        { from: '12:30', to: '14:00' },
      ]),
    );
    expect(problems).toEqual([{ row: 1, message: 'Wednesday, break 2 overlaps break 1.' }]);
  });

  it('refuses a break outside the hours, a half-typed one and a reversed one, each on its row', () => {
    const problems = planProblems(
      'Friday',
      day([
        { from: '12:00', to: '13:00' },
        { from: '17:30', to: '18:30' },
        { from: '14:00', to: '' },
        { from: '16:00', to: '15:00' },
      ]),
    );
    expect(problems).toEqual([
      { row: 1, message: 'Friday, break 2 must lie inside the working hours (09:00–18:00).' },
      { row: 2, message: 'Friday, break 3: give it a start and an end.' },
      { row: 3, message: 'Friday, break 4 must end after it starts.' },
    ]);
  });

  it('refuses hours that end before they start; a day off has no problems', () => {
    expect(planProblems('Monday', day([], '18:00', '09:00'))).toEqual([
      { row: 'hours', message: 'Monday: the end must be after the start.' },
    ]);
    expect(planProblems('Sunday', { ...day([], '18:00', '09:00'), works: false })).toEqual([]);
  });
});

describe('the current schedule as a weekly plan', () => {
  it('turns a stored day with gaps back into hours and breaks', () => {
    expect(
      planOfSlots([
        { from: '13:30', to: '15:00' },
        { from: '09:00', to: '12:30' },
        { from: '15:15', to: '18:00' },
      ]),
    ).toEqual(
      day([
        { from: '12:30', to: '13:30' },
        { from: '15:00', to: '15:15' },
      ]),
    );
  });

  it('takes each weekday’s most frequent hours, says which weekdays vary, and leaves unstored weekdays off', () => {
    const wed = [
      { from: '10:00', to: '12:00' },
      { from: '13:00', to: '19:00' },
    ];
    const { week, source, varying } = planFromSchedule([
      // Mondays 2026-12-07, -14, -21: twice 09–17, once 08–12.
      { date: '2026-12-07', slots: [{ from: '09:00', to: '17:00' }] },
      { date: '2026-12-14', slots: [{ from: '08:00', to: '12:00' }] },
      { date: '2026-12-21', slots: [{ from: '09:00', to: '17:00' }] },
      { date: '2026-12-09', slots: wed },
      { date: '2026-12-16', slots: wed },
      { date: '2026-12-12', slots: [] }, // a Saturday stored as a day off
    ]);
    expect(source).toBe('schedule');
    expect(varying).toEqual(['Monday']);
    expect(week[0]).toEqual(day([], '09:00', '17:00'));
    expect(week[2]).toEqual(day([{ from: '12:00', to: '13:00' }], '10:00', '19:00'));
    for (const i of [1, 3, 4, 5, 6]) expect(week[i]!.works).toBe(false);
    // Applied again, it writes the same days back.
    const request = scheduleRequest(7, week, '2026-12-07', 1);
    const wednesday = request.schedules_to_set.find((g) => g.dates.includes('2026-12-09'));
    expect(wednesday?.slots).toEqual(wed);
  });

  it('a member with no stored day gets the default plan, marked as such', () => {
    expect(planFromSchedule([])).toEqual({ week: defaultWeek(), source: 'default', varying: [] });
  });
});

describe('applying a plan to dates', () => {
  it('maps each date to its weekday in a DST week (Europe/Berlin leaves summer time on 25 Oct 2026)', () => {
    const week = defaultWeek();
    week[6] = day([{ from: '12:00', to: '12:30' }], '10:00', '14:00'); // Sundays
    const request = scheduleRequest(3, week, '2026-10-19', 2);
    const dates = request.schedules_to_set.flatMap((g) => g.dates).sort();
    expect(dates).toHaveLength(14);
    expect(new Set(dates).size).toBe(14);
    const sunday = request.schedules_to_set.find((g) => g.dates.includes('2026-10-25'));
    expect(sunday?.slots).toEqual([
      { from: '10:00', to: '12:00' },
      { from: '12:30', to: '14:00' },
    ]);
    expect(sunday?.dates).toEqual(['2026-10-25', '2026-11-01']);
    const saturday = request.schedules_to_set.find((g) => g.dates.includes('2026-10-24'));
    expect(saturday?.slots).toEqual([]);
  });
});
