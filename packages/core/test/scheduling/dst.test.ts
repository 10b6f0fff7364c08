import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findFreeSlots, localSlotsToIntervals, type LocalSlot } from '../../src/scheduling';
import { isoUtc, service, slotQuery, staffDay, wallTime } from './slot-query-builders';

const allDay: LocalSlot[] = [{ from: '00:00', to: '24:00' }];

/** Free slots for one team member working `slots` that day, with a service as long as the step. */
function slotsFor(date: string, timeZone: string, slots: LocalSlot[], stepMinutes: number) {
  const working = localSlotsToIntervals(date, slots, timeZone);
  const q = slotQuery({
    date,
    timeZone,
    stepMinutes,
    staff: [staffDay(1, { working, steps: [service(1, stepMinutes)] })],
  });
  return findFreeSlots(q);
}

/** Local date-time and offset of the zone's next transition after `from`, straight from Temporal. */
function nextTransition(timeZone: string, from: string) {
  const before = Temporal.PlainDate.from(from).toZonedDateTime(timeZone);
  const after = before.getTimeZoneTransition('next');
  if (after === null) throw new Error(`${timeZone} has no transition after ${from}`);
  const justBefore = after.subtract({ nanoseconds: 1 });
  return {
    date: after.toPlainDate().toString(),
    offsetShiftMinutes: (after.offsetNanoseconds - justBefore.offsetNanoseconds) / 60e9,
  };
}

describe('Europe/Berlin', () => {
  const timeZone = 'Europe/Berlin';

  it('has 23 hourly slots on spring-forward day and skips 02:00', () => {
    expect(nextTransition(timeZone, '2026-03-01')).toEqual({
      date: '2026-03-29',
      offsetShiftMinutes: 60,
    });
    const slots = slotsFor('2026-03-29', timeZone, allDay, 60);
    expect(slots).toHaveLength(23);
    expect(isoUtc(slots[0]!.start)).toBe('2026-03-28T23:00:00.000Z');
    expect(isoUtc(slots[1]!.start)).toBe('2026-03-29T00:00:00.000Z');
    expect(isoUtc(slots[2]!.start)).toBe('2026-03-29T01:00:00.000Z');
    expect(isoUtc(slots[22]!.start)).toBe('2026-03-29T21:00:00.000Z');
    expect(slots.slice(0, 4).map((s) => wallTime(s.start, timeZone))).toEqual([
      '00:00',
      '01:00',
      '03:00',
      '04:00',
    ]);
  });

  it('has 25 hourly slots on fall-back day, with 02:00 twice', () => {
    expect(nextTransition(timeZone, '2026-10-01')).toEqual({
      date: '2026-10-25',
      offsetShiftMinutes: -60,
    });
    const slots = slotsFor('2026-10-25', timeZone, allDay, 60);
    expect(slots).toHaveLength(25);
    expect(isoUtc(slots[0]!.start)).toBe('2026-10-24T22:00:00.000Z');
    expect(isoUtc(slots[24]!.start)).toBe('2026-10-25T22:00:00.000Z');
    expect(slots.slice(1, 5).map((s) => wallTime(s.start, timeZone))).toEqual([
      '01:00',
      '02:00',
      '02:00',
      '03:00',
    ]);
  });

  it('moves a wall time inside the spring-forward gap forward by the gap', () => {
    const [working] = localSlotsToIntervals(
      '2026-03-29',
      [{ from: '02:30', to: '05:00' }],
      timeZone,
    );
    expect(isoUtc(working!.start)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(isoUtc(working!.end)).toBe('2026-03-29T03:00:00.000Z');
  });

  it('drops a slot that lies entirely inside the spring-forward gap', () => {
    expect(localSlotsToIntervals('2026-03-29', [{ from: '02:30', to: '03:00' }], timeZone)).toEqual(
      [],
    );
  });

  it('reads a repeated fall-back wall time as its first occurrence', () => {
    const [working] = localSlotsToIntervals(
      '2026-10-25',
      [{ from: '02:30', to: '04:00' }],
      timeZone,
    );
    expect(isoUtc(working!.start)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not CET
  });

  it('keeps the grid at real-time step distances across the jump', () => {
    const slots = slotsFor('2026-03-29', timeZone, [{ from: '01:00', to: '05:00' }], 45);
    // 01:00 CET to 05:00 CEST is three real hours: four 45-minute slots.
    expect(slots.map((s) => wallTime(s.start, timeZone))).toEqual([
      '01:00',
      '01:45',
      '03:30',
      '04:15',
    ]);
  });
});

describe('America/New_York', () => {
  const timeZone = 'America/New_York';

  it('has 23 hourly slots on 2026-03-08 and 25 on 2026-11-01', () => {
    expect(nextTransition(timeZone, '2026-03-01').date).toBe('2026-03-08');
    expect(nextTransition(timeZone, '2026-10-01').date).toBe('2026-11-01');
    const spring = slotsFor('2026-03-08', timeZone, allDay, 60);
    expect(spring).toHaveLength(23);
    expect(isoUtc(spring[0]!.start)).toBe('2026-03-08T05:00:00.000Z');
    expect(isoUtc(spring[2]!.start)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(isoUtc(spring[22]!.end)).toBe('2026-03-09T04:00:00.000Z');
    const fall = slotsFor('2026-11-01', timeZone, allDay, 60);
    expect(fall).toHaveLength(25);
    expect(isoUtc(fall[0]!.start)).toBe('2026-11-01T04:00:00.000Z');
    expect(isoUtc(fall[24]!.end)).toBe('2026-11-02T05:00:00.000Z');
  });
});

describe('Australia/Lord_Howe (30-minute DST shift)', () => {
  const timeZone = 'Australia/Lord_Howe';

  it('transitions on 2026-04-05 and 2026-10-04 by 30 minutes', () => {
    expect(nextTransition(timeZone, '2026-01-01')).toEqual({
      date: '2026-04-05',
      offsetShiftMinutes: -30,
    });
    expect(nextTransition(timeZone, '2026-04-06')).toEqual({
      date: '2026-10-04',
      offsetShiftMinutes: 30,
    });
  });

  it('has 49 half-hour slots when the day is 24.5 hours long', () => {
    const slots = slotsFor('2026-04-05', timeZone, allDay, 30);
    expect(slots).toHaveLength(49);
    expect(isoUtc(slots[0]!.start)).toBe('2026-04-04T13:00:00.000Z'); // 00:00 +11:00
    expect(isoUtc(slots[48]!.end)).toBe('2026-04-05T13:30:00.000Z'); // 24:00 +10:30
    expect(slots.slice(3, 6).map((s) => wallTime(s.start, timeZone))).toEqual([
      '01:30',
      '01:30',
      '02:00',
    ]);
  });

  it('has 47 half-hour slots when the day is 23.5 hours long', () => {
    const slots = slotsFor('2026-10-04', timeZone, allDay, 30);
    expect(slots).toHaveLength(47);
    expect(isoUtc(slots[0]!.start)).toBe('2026-10-03T13:30:00.000Z'); // 00:00 +10:30
    expect(isoUtc(slots[46]!.end)).toBe('2026-10-04T13:00:00.000Z'); // 24:00 +11:00
    expect(slots.slice(3, 5).map((s) => wallTime(s.start, timeZone))).toEqual(['01:30', '02:30']);
  });
});

describe('Asia/Kolkata (+05:30, no DST)', () => {
  it('puts 09:00 local at 03:30Z', () => {
    const slots = slotsFor('2026-03-29', 'Asia/Kolkata', [{ from: '09:00', to: '10:00' }], 60);
    expect(slots.map((s) => isoUtc(s.start))).toEqual(['2026-03-29T03:30:00.000Z']);
  });
});

describe('a normal 09:00-19:00 day', () => {
  const hourly = ['09', '10', '11', '12', '13', '14', '15', '16', '17', '18'].map((h) => `${h}:00`);
  it.each([
    ['Europe/Berlin', '2026-06-10T07:00:00.000Z'],
    ['America/New_York', '2026-06-10T13:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-06-09T22:30:00.000Z'],
    ['Asia/Kolkata', '2026-06-10T03:30:00.000Z'],
  ])('in %s gives exactly the hourly local times from 09:00', (timeZone, firstUtc) => {
    const slots = slotsFor('2026-06-10', timeZone, [{ from: '09:00', to: '19:00' }], 60);
    expect(slots.map((s) => wallTime(s.start, timeZone))).toEqual(hourly);
    expect(isoUtc(slots[0]!.start)).toBe(firstUtc);
    expect(slots.every((s, i) => s.start === slots[0]!.start + i * 3_600_000)).toBe(true);
  });
});
