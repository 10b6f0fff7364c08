import { Temporal } from 'temporal-polyfill';
import { invalid } from '../errors/domain-error';
import type { LocalSlot } from '../scheduling';

/** One request may touch at most a year of days, so a single call cannot lock the table for long. */
export const MAX_SCHEDULE_DATES_PER_REQUEST = 366;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{2}):(\d{2})$/;

/** Checks a "YYYY-MM-DD" calendar date (no 2026-02-30, no week dates) and returns it. */
export function checkLocalDate(date: string, field: string): string {
  if (LOCAL_DATE.test(date)) {
    try {
      return Temporal.PlainDate.from(date, { overflow: 'reject' }).toString();
    } catch {
      // falls through to the one error below
    }
  }
  throw invalid(field, `${field} must be a date "YYYY-MM-DD"`);
}

/** Minutes after midnight of "HH:MM"; "24:00" only where the end of the day is meant. */
function wallTimeMinutes(time: string, field: string, allowEndOfDay: boolean): number {
  const match = WALL_TIME.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const endOfDay = allowEndOfDay && hours === 24 && minutes === 0;
  if (match === null || minutes > 59 || (hours > 23 && !endOfDay))
    throw invalid(
      field,
      `${field} must be a time "HH:MM" between 00:00 and ${allowEndOfDay ? '24:00' : '23:59'}`,
    );
  return hours * 60 + minutes;
}

/**
 * A working day's slots, as people write them: each `from` before its `to`, the slots in order
 * and apart (touching is fine: 10:00-12:00 then 12:00-14:00). `field` is the slots' wire path,
 * e.g. `schedules_to_set.0.slots`; errors name the exact offending value.
 */
export function checkDaySlots(slots: readonly LocalSlot[], field: string): LocalSlot[] {
  let previousEnd = -1;
  return slots.map((slot, index) => {
    const from = wallTimeMinutes(slot.from, `${field}.${index}.from`, false);
    const to = wallTimeMinutes(slot.to, `${field}.${index}.to`, true);
    if (from >= to)
      throw invalid(`${field}.${index}.to`, `${field}.${index}.to must be later than its from`);
    if (from < previousEnd)
      throw invalid(
        `${field}.${index}.from`,
        `${field}.${index}.from overlaps or precedes the slot before it`,
      );
    previousEnd = to;
    return { from: slot.from, to: slot.to };
  });
}

/**
 * The dates of [startDate, endDate], both checked; at most `maxDays` of them so a read stays
 * bounded. `fields` name the two inputs on the wire.
 */
export function scheduleDatesBetween(
  startDate: string,
  endDate: string,
  fields: { start: string; end: string },
  maxDays = MAX_SCHEDULE_DATES_PER_REQUEST,
): string[] {
  const start = Temporal.PlainDate.from(checkLocalDate(startDate, fields.start));
  const end = Temporal.PlainDate.from(checkLocalDate(endDate, fields.end));
  if (Temporal.PlainDate.compare(end, start) < 0)
    throw invalid(fields.end, `${fields.end} must not be before ${fields.start}`);
  const days = start.until(end, { largestUnit: 'days' }).days + 1;
  if (days > maxDays) throw invalid(fields.end, `at most ${maxDays} days can be read at once`);
  return Array.from({ length: days }, (_, i) => start.add({ days: i }).toString());
}
