import { Temporal } from 'temporal-polyfill';
import type { ServiceStep, SlotQuery, StaffDay } from '../../src/scheduling';

/** Instant of a wall time on a date in a zone, computed with Temporal directly (not via the engine). */
export function instantAt(date: string, time: string, timeZone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).epochMilliseconds;
}

/** "HH:MM" wall time of an instant in a zone, for assertions that read like a salon's calendar. */
export function wallTime(instant: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainTime()
    .toString({ smallestUnit: 'minute' });
}

export function isoUtc(instant: number): string {
  return new Date(instant).toISOString();
}

export function service(
  serviceId: number,
  minutes: number,
  resourceIds: number[] = [],
): ServiceStep {
  return { serviceId, durationSeconds: minutes * 60, resourceIds };
}

export function staffDay(staffId: number, overrides: Partial<StaffDay> = {}): StaffDay {
  return { staffId, working: [], busy: [], steps: [service(1, 60)], ...overrides };
}

/** A query with no notice, no horizon and a clock long before the day, so only the rule under test bites. */
export function slotQuery(
  overrides: Partial<SlotQuery> & Pick<SlotQuery, 'date' | 'timeZone'>,
): SlotQuery {
  return {
    now: Date.UTC(2026, 0, 1),
    stepMinutes: 30,
    minNoticeSeconds: 0,
    horizonEnd: null,
    staff: [],
    resources: [],
    ...overrides,
  };
}
