import { describe, expect, it } from 'vitest';
import {
  busyOfDay,
  checkBookingSettings,
  checkDaySlots,
  checkLocalDate,
  DomainError,
  scheduleDatesBetween,
  setStaffSchedules,
  type SchedulesRepo,
  type StaffScheduleDay,
} from '../../src';

/** The field a rule refused, or null when it accepted. */
function refusedField(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.field ?? '(no field)';
    throw error;
  }
}

describe('checkDaySlots', () => {
  const field = 'schedules_to_set.0.slots';
  const slots = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));

  it('accepts ordered slots, touching slots, a day to 24:00 and a day off', () => {
    expect(
      refusedField(() => checkDaySlots(slots(['10:00', '12:00'], ['12:00', '19:00']), field)),
    ).toBeNull();
    expect(refusedField(() => checkDaySlots(slots(['00:00', '24:00']), field))).toBeNull();
    expect(checkDaySlots([], field)).toEqual([]);
  });

  it.each([
    [slots(['10:00', '13:00'], ['12:00', '15:00']), `${field}.1.from`],
    [slots(['14:00', '15:00'], ['10:00', '11:00']), `${field}.1.from`],
    [slots(['10:00', '10:00']), `${field}.0.to`],
    [slots(['18:00', '17:00']), `${field}.0.to`],
    [slots(['24:00', '24:00']), `${field}.0.from`],
    [slots(['10:00', '24:30']), `${field}.0.to`],
    [slots(['10:60', '12:00']), `${field}.0.from`],
    [slots(['9:00', '12:00']), `${field}.0.from`],
    [slots(['10:00', '25:00']), `${field}.0.to`],
  ])('refuses %j naming %s', (bad, expected) => {
    expect(refusedField(() => checkDaySlots(bad, field))).toBe(expected);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(checkLocalDate('2028-02-29', 'd')).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '2026-W01-1', '2026-01-01T00:00'])
      expect(refusedField(() => checkLocalDate(bad, 'dates.0'))).toBe('dates.0');
  });

  it('lists a range inclusively and bounds it', () => {
    const fields = { start: 'start_date', end: 'end_date' };
    expect(scheduleDatesBetween('2026-12-30', '2027-01-02', fields)).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(refusedField(() => scheduleDatesBetween('2026-12-02', '2026-12-01', fields))).toBe(
      'end_date',
    );
    expect(refusedField(() => scheduleDatesBetween('2026-01-01', '2027-01-02', fields))).toBe(
      'end_date',
    );
    expect(scheduleDatesBetween('2026-01-01', '2026-12-31', fields)).toHaveLength(365);
  });
});

describe('setStaffSchedules', () => {
  function memoryRepo(staffOfLocation: number[]) {
    const written: StaffScheduleDay[] = [];
    const repo: SchedulesRepo = {
      findStaffSchedules: () => Promise.resolve(written),
      setStaffSchedules: (days) => {
        written.push(...days);
        return Promise.resolve();
      },
      deleteStaffSchedules: () => Promise.resolve(),
      findStaffIdsOfLocation: (_, ids) =>
        Promise.resolve((ids ?? staffOfLocation).filter((id) => staffOfLocation.includes(id))),
    };
    const deps = {
      uow: <T>(fn: (r: { schedules: SchedulesRepo }) => Promise<T>) => fn({ schedules: repo }),
    };
    return { deps, written };
  }

  it('writes nothing when a member is not of the location, naming the entry', async () => {
    const { deps, written } = memoryRepo([1]);
    const change = {
      toSet: [
        { staffId: 1, dates: ['2026-12-01'], slots: [{ from: '10:00', to: '12:00' }] },
        { staffId: 2, dates: ['2026-12-01'], slots: [] },
      ],
      toDelete: [],
    };
    await expect(setStaffSchedules(deps, 1, change)).rejects.toMatchObject({
      field: 'schedules_to_set.1.staff_id',
    });
    expect(written).toEqual([]);
  });

  it('refuses the same member and date twice in one request', async () => {
    const { deps, written } = memoryRepo([1]);
    const change = {
      toSet: [{ staffId: 1, dates: ['2026-12-01', '2026-12-01'], slots: [] }],
      toDelete: [],
    };
    await expect(setStaffSchedules(deps, 1, change)).rejects.toMatchObject({
      field: 'schedules_to_set.0.dates.1',
    });
    expect(written).toEqual([]);
  });
});

describe('busyOfDay', () => {
  it('cuts busy time at the local day and writes the end of the day as 24:00', () => {
    // Berlin is UTC+1 in December: 22:00Z on the 1st is 23:00 local, running to 01:00 on the 2nd.
    const busy = [
      {
        staffId: 1,
        recordId: 7,
        start: Date.parse('2026-12-01T22:00:00Z'),
        end: Date.parse('2026-12-02T00:00:00Z'),
      },
    ];
    expect(busyOfDay('2026-12-01', busy, 'Europe/Berlin')).toEqual([
      { entity: { type: 'record', id: 7 }, from: '23:00', to: '24:00' },
    ]);
    expect(busyOfDay('2026-12-02', busy, 'Europe/Berlin')).toEqual([
      { entity: { type: 'record', id: 7 }, from: '00:00', to: '01:00' },
    ]);
  });
});

describe('checkBookingSettings', () => {
  it('names the wire field of an out-of-range setting', () => {
    expect(refusedField(() => checkBookingSettings({ slotStepMinutes: 4 }))).toBe('timetable_step');
    expect(refusedField(() => checkBookingSettings({ slotStepMinutes: 241 }))).toBe(
      'timetable_step',
    );
    expect(refusedField(() => checkBookingSettings({ horizonDays: 731 }))).toBe(
      'booking_horizon_days',
    );
    expect(refusedField(() => checkBookingSettings({ minNoticeMinutes: -5 }))).toBe(
      'seance_delay_step',
    );
    expect(refusedField(() => checkBookingSettings({ cancelUntilMinutes: 1.5 }))).toBe(
      'allow_delete_record_delay_step',
    );
    expect(
      refusedField(() => checkBookingSettings({ slotStepMinutes: 5, horizonDays: 730 })),
    ).toBeNull();
  });
});
