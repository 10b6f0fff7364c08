import type { Interval } from './interval';
import { localDayBounds } from './local-time';
import type { SlotQuery } from './slot-query';

/**
 * The instants a slot may start in: on the asked local date, not before now + minimum notice,
 * and strictly before the booking horizon. Half-open like every other interval here.
 */
export function bookingWindow(q: SlotQuery): Interval {
  const day = localDayBounds(q.date, q.timeZone);
  const earliest = q.now + q.minNoticeSeconds * 1000;
  return {
    start: Math.max(day.start, earliest),
    end: q.horizonEnd === null ? day.end : Math.min(day.end, q.horizonEnd),
  };
}
