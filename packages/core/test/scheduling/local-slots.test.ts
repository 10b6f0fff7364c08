import { describe, expect, it } from 'vitest';
import { localSlotsToIntervals } from '../../src/scheduling';
import { instantAt } from './slot-query-builders';

const date = '2026-06-10';
const timeZone = 'Asia/Kolkata';
const at = (time: string, day = date) => instantAt(day, time, timeZone);

describe('localSlotsToIntervals', () => {
  it('converts wall times in the location zone, not UTC', () => {
    expect(localSlotsToIntervals(date, [{ from: '09:00', to: '19:00' }], timeZone)).toEqual([
      { start: Date.UTC(2026, 5, 10, 3, 30), end: Date.UTC(2026, 5, 10, 13, 30) },
    ]);
  });

  it('sorts and merges overlapping and adjacent slots, keeping real breaks', () => {
    const slots = [
      { from: '14:00', to: '18:00' },
      { from: '09:00', to: '11:00' },
      { from: '10:30', to: '12:00' },
      { from: '12:00', to: '13:00' },
    ];
    expect(localSlotsToIntervals(date, slots, timeZone)).toEqual([
      { start: at('09:00'), end: at('13:00') },
      { start: at('14:00'), end: at('18:00') },
    ]);
  });

  it('drops empty and inverted slots', () => {
    const slots = [
      { from: '10:00', to: '10:00' },
      { from: '18:00', to: '09:00' },
    ];
    expect(localSlotsToIntervals(date, slots, timeZone)).toEqual([]);
  });

  it('reads 24:00 as the next day midnight', () => {
    expect(localSlotsToIntervals(date, [{ from: '20:00', to: '24:00' }], timeZone)).toEqual([
      { start: at('20:00'), end: at('00:00', '2026-06-11') },
    ]);
  });

  it('rejects malformed times and dates', () => {
    for (const bad of ['9:00', '24:30', '12:60', '25:00', 'noon']) {
      expect(() => localSlotsToIntervals(date, [{ from: bad, to: '24:00' }], timeZone)).toThrow(
        RangeError,
      );
    }
    expect(() => localSlotsToIntervals('2026-02-30', [], timeZone)).toThrow(RangeError);
    expect(() => localSlotsToIntervals('2026-06-10T09:00', [], timeZone)).toThrow(RangeError);
  });
});
