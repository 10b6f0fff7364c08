import { intervalsOverlap, normalizeIntervals } from './interval';
import { bookingWindow } from './booking-window';
import { planResources } from './resources';
import { layOutChain, stepMilliseconds, type SlotQuery, type StaffDay } from './slot-query';

/**
 * Whether one team member can take a slot starting at `start`. Deliberately written as plain
 * linear checks, sharing no sweep logic with findFreeSlots, so the booking use case re-validates
 * a chosen slot independently and tests can cross-check the fast path against it.
 */
export function isSlotBookable(q: SlotQuery, staffId: number, start: number): boolean {
  const window = bookingWindow(q);
  if (start < window.start || start >= window.end) return false;
  const stepMs = stepMilliseconds(q);
  return q.staff.some(
    (staff) => staff.staffId === staffId && staffCanTake(staff, start, stepMs, q),
  );
}

function staffCanTake(staff: StaffDay, start: number, stepMs: number, q: SlotQuery): boolean {
  const { totalMs } = layOutChain(staff.steps);
  if (totalMs <= 0) return false;
  const slot = { start, end: start + totalMs };
  // Adjacent working intervals are continuous working time, so merge before looking for the grid.
  const onGridInsideWorkingTime = normalizeIntervals(staff.working).some(
    (working) =>
      working.start <= slot.start &&
      slot.end <= working.end &&
      (slot.start - working.start) % stepMs === 0,
  );
  if (!onGridInsideWorkingTime) return false;
  if (staff.busy.some((busy) => intervalsOverlap(busy, slot))) return false;
  return planResources(staff.steps, start, q.resources) !== null;
}
