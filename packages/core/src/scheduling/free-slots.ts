import { normalizeIntervals } from './interval';
import { bookingWindow } from './booking-window';
import { ResourceAvailability } from './resources';
import {
  layOutChain,
  stepMilliseconds,
  type FreeSlot,
  type SlotQuery,
  type StaffDay,
} from './slot-query';
import type { Interval } from './interval';

interface SweepContext {
  window: Interval;
  stepMs: number;
  resources: ResourceAvailability;
}

function prepareSweep(q: SlotQuery): SweepContext {
  return {
    window: bookingWindow(q),
    stepMs: stepMilliseconds(q),
    resources: new ResourceAvailability(q.resources),
  };
}

/** Smallest k >= 0 with origin + k * stepMs >= target. */
function firstGridIndexAtOrAfter(origin: number, target: number, stepMs: number): number {
  return Math.max(0, Math.ceil((target - origin) / stepMs));
}

/**
 * Calls `visit` with every bookable start of one team member in ascending order, until it returns
 * false. Candidates are the working-interval start plus whole steps of real (not wall-clock) time;
 * a single forward pointer over the merged busy list makes the whole sweep linear, and a collision
 * jumps straight to the first grid point after the blocking appointment.
 * Returns false when stopped early.
 */
function sweepStaffDay(
  staff: StaffDay,
  context: SweepContext,
  visit: (start: number, end: number) => boolean,
): boolean {
  const { window, stepMs, resources } = context;
  const chain = layOutChain(staff.steps);
  // An empty chain books nothing, so it must not light up every grid point.
  if (chain.totalMs <= 0) return true;
  const busy = normalizeIntervals(staff.busy);
  let busyIndex = 0;
  for (const working of normalizeIntervals(staff.working)) {
    let k = firstGridIndexAtOrAfter(working.start, window.start, stepMs);
    for (;;) {
      const start = working.start + k * stepMs;
      const end = start + chain.totalMs;
      if (start >= window.end || end > working.end) break;
      while (busyIndex < busy.length && busy[busyIndex]!.end <= start) busyIndex++;
      const blocking = busy[busyIndex];
      if (blocking !== undefined && blocking.start < end) {
        // max() guarantees progress even if fractional instants make the division round down.
        k = Math.max(k + 1, firstGridIndexAtOrAfter(working.start, blocking.end, stepMs));
        continue;
      }
      if (resources.chainFits(chain, start) && !visit(start, end)) return false;
      k++;
    }
  }
  return true;
}

/**
 * All bookable starts on the asked date. With several team members this is the "any team member"
 * view: one slot per distinct start listing everyone who can take it.
 */
export function findFreeSlots(q: SlotQuery): FreeSlot[] {
  const context = prepareSweep(q);
  const byStart = new Map<number, FreeSlot>();
  const staffInIdOrder = [...q.staff].sort((a, b) => a.staffId - b.staffId);
  for (const staff of staffInIdOrder) {
    sweepStaffDay(staff, context, (start, end) => {
      const slot = byStart.get(start);
      if (slot === undefined) {
        byStart.set(start, { start, end, staffIds: [staff.staffId] });
      } else {
        slot.end = Math.max(slot.end, end);
        // The same team member listed twice must not appear twice.
        if (slot.staffIds[slot.staffIds.length - 1] !== staff.staffId) {
          slot.staffIds.push(staff.staffId);
        }
      }
      return true;
    });
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Same rules as findFreeSlots, but stops at the first bookable start (for listing bookable dates). */
export function hasFreeSlot(q: SlotQuery): boolean {
  const context = prepareSweep(q);
  return q.staff.some((staff) => !sweepStaffDay(staff, context, () => false));
}
