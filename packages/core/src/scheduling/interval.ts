/** Epoch milliseconds, half-open [start, end): an interval that ends where another starts does not overlap it. */
export interface Interval {
  start: number;
  end: number;
}

export function isEmptyInterval(interval: Interval): boolean {
  return !(interval.start < interval.end);
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && !isEmptyInterval(a) && !isEmptyInterval(b);
}

/**
 * Sorted, non-empty, with overlapping and touching intervals merged. The sweeps below rely on
 * this shape: once merged, ends are sorted too, which lets them binary-search and move a single
 * pointer forward instead of rescanning every interval for every candidate.
 */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((interval) => !isEmptyInterval(interval))
    .map((interval) => ({ start: interval.start, end: interval.end }))
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/**
 * Whether [start, end) avoids every interval of a normalized list, in O(log n).
 * An empty range collides with nothing.
 */
export function isFreeDuring(normalized: readonly Interval[], start: number, end: number): boolean {
  if (!(start < end)) return true;
  // First interval that ends after `start`; only it can be the earliest one reaching into the range.
  let low = 0;
  let high = normalized.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (normalized[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  const candidate = normalized[low];
  return candidate === undefined || candidate.start >= end;
}

/**
 * The intervals with `cut` taken out: what is left of each on either side. Busy lists arrive
 * merged (touching holds become one interval), so an appointment's own time is cut out of the
 * merged interval rather than looked for as an exact match.
 */
export function subtractInterval(intervals: readonly Interval[], cut: Interval): Interval[] {
  return intervals.flatMap((i) => {
    if (!intervalsOverlap(i, cut)) return [i];
    const left = { start: i.start, end: Math.min(i.end, cut.start) };
    const right = { start: Math.max(i.start, cut.end), end: i.end };
    return [left, right].filter((part) => !isEmptyInterval(part));
  });
}
