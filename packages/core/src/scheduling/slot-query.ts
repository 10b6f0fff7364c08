import type { Interval } from './interval';

/** One requested service as a given team member performs it, and the resource types it holds meanwhile. */
export interface ServiceStep {
  serviceId: number;
  durationSeconds: number;
  resourceIds: number[];
}

export interface StaffDay {
  staffId: number;
  /** Working time for the day as instants; gaps between intervals are breaks. */
  working: Interval[];
  /** Existing appointments and events of this team member. */
  busy: Interval[];
  /** The requested services in order, with this team member's durations; they run back to back. */
  steps: ServiceStep[];
}

/** A resource type (e.g. "massage room") and its physical instances (room 1, room 2). */
export interface ResourcePool {
  resourceId: number;
  instances: { instanceId: number; busy: Interval[] }[];
}

export interface SlotQuery {
  /** The local date "YYYY-MM-DD" asked for. */
  date: string;
  /** IANA zone of the location. */
  timeZone: string;
  now: number;
  stepMinutes: number;
  /** A slot must start at or after now + minNoticeSeconds. */
  minNoticeSeconds: number;
  /** A slot must start strictly before this instant; null means no booking horizon. */
  horizonEnd: number | null;
  staff: StaffDay[];
  resources: ResourcePool[];
}

export interface FreeSlot {
  start: number;
  /**
   * start + total duration. Team members may have different durations for the same services;
   * then this is the latest end among `staffIds`, so the slot never looks shorter than it may be.
   */
  end: number;
  /** Team members who can take this exact start, ascending. */
  staffIds: number[];
}

export function stepMilliseconds(q: SlotQuery): number {
  const stepMs = Math.round(q.stepMinutes * 60_000);
  // A non-positive step would make the grid loop forever.
  if (!Number.isFinite(stepMs) || stepMs <= 0) {
    throw new RangeError(`stepMinutes must be positive, got ${q.stepMinutes}`);
  }
  return stepMs;
}

/** Where each step of the chain sits relative to the slot start. */
export interface ChainStep {
  serviceId: number;
  offsetMs: number;
  durationMs: number;
  /** Distinct resource types: a type listed twice still needs one instance. */
  resourceIds: number[];
}

export interface Chain {
  steps: ChainStep[];
  totalMs: number;
}

export function layOutChain(steps: readonly ServiceStep[]): Chain {
  let offsetMs = 0;
  const laidOut = steps.map((step) => {
    if (!Number.isFinite(step.durationSeconds) || step.durationSeconds < 0) {
      throw new RangeError(
        `durationSeconds must be a non-negative number, got ${step.durationSeconds}`,
      );
    }
    const durationMs = Math.round(step.durationSeconds * 1000);
    const chainStep = {
      serviceId: step.serviceId,
      offsetMs,
      durationMs,
      resourceIds: [...new Set(step.resourceIds)],
    };
    offsetMs += durationMs;
    return chainStep;
  });
  return { steps: laidOut, totalMs: offsetMs };
}
