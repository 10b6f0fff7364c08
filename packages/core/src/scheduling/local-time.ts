import { Temporal } from 'temporal-polyfill';
import { normalizeIntervals, type Interval } from './interval';

/** Local wall time "HH:MM" in the location's zone; `to` may be "24:00" (the next day's midnight). */
export interface LocalSlot {
  from: string;
  to: string;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{2}):(\d{2})$/;

/** Parses "YYYY-MM-DD" strictly; Temporal alone would also accept date-times and week dates. */
export function parseLocalDate(date: string): Temporal.PlainDate {
  if (!LOCAL_DATE.test(date))
    throw new RangeError(`Expected a local date "YYYY-MM-DD", got "${date}"`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** Minutes after local midnight; 24:00 is allowed so a schedule can run to the end of the day. */
function parseWallTime(time: string): number {
  const match = WALL_TIME.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const valid = match !== null && minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0));
  if (!valid) throw new RangeError(`Expected a wall time "HH:MM" (00:00-24:00), got "${time}"`);
  return hours * 60 + minutes;
}

/**
 * The instant a wall clock shows `minutesAfterMidnight` on `day`. 'compatible' is what people
 * expect from a clock: a time skipped by spring-forward moves forward by the gap, and a time
 * repeated by fall-back means its first occurrence.
 */
function wallTimeToInstant(
  day: Temporal.PlainDate,
  minutesAfterMidnight: number,
  timeZone: string,
): number {
  const dayOfTime = minutesAfterMidnight === 24 * 60 ? day.add({ days: 1 }) : day;
  const minutes = minutesAfterMidnight % (24 * 60);
  return dayOfTime
    .toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

export function localSlotsToIntervals(
  date: string,
  slots: LocalSlot[],
  timeZone: string,
): Interval[] {
  const day = parseLocalDate(date);
  const intervals = slots.map((slot) => ({
    start: wallTimeToInstant(day, parseWallTime(slot.from), timeZone),
    end: wallTimeToInstant(day, parseWallTime(slot.to), timeZone),
  }));
  // Slots lying entirely inside a spring-forward gap collapse to nothing and vanish here.
  return normalizeIntervals(intervals);
}

/**
 * The local calendar day as instants. Its length is 23 or 25 hours on DST days, and its start is
 * not always 00:00 (some zones skip midnight itself), so it must come from the zone, not arithmetic.
 */
export function localDayBounds(date: string, timeZone: string): Interval {
  const day = parseLocalDate(date);
  return {
    start: day.toZonedDateTime({ timeZone }).epochMilliseconds,
    end: day.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
}
