import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  findFreeSlots,
  hasFreeSlot,
  isSlotBookable,
  localSlotsToIntervals,
  planResources,
  type Interval,
  type ResourcePool,
  type SlotQuery,
  type StaffDay,
} from '../../src/scheduling';

/**
 * The engine against a brute force written from the rules alone: walk every grid point of every
 * working interval and check each rule with plain linear scans.
 */

const MINUTE = 60_000;
const QUANTUM = 5 * MINUTE; // generated times share a coarse quantum so that touching and exact fits happen often
const RESOURCE_TYPES = [1, 2, 3];
const DAYS: [string, string][] = [
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['America/New_York', '2026-11-01'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['Asia/Kolkata', '2026-06-10'],
];

function dayBoundsOf(date: string, timeZone: string): Interval {
  const day = Temporal.PlainDate.from(date);
  return {
    start: day.toZonedDateTime(timeZone).epochMilliseconds,
    end: day.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds,
  };
}

const overlaps = (a: Interval, b: Interval) =>
  a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;

function mergeWorking(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

const totalMs = (staff: StaffDay) =>
  staff.steps.reduce((sum, s) => sum + s.durationSeconds * 1000, 0);

/** Each step's sub-interval, in order, back to back from `start`. */
function stepIntervals(staff: StaffDay, start: number) {
  let cursor = start;
  return staff.steps.map((step) => {
    const interval = { start: cursor, end: cursor + step.durationSeconds * 1000 };
    cursor = interval.end;
    return { step, interval };
  });
}

function someInstanceFree(resources: ResourcePool[], resourceId: number, interval: Interval) {
  return resources
    .filter((pool) => pool.resourceId === resourceId)
    .some((pool) => pool.instances.some((inst) => !inst.busy.some((b) => overlaps(b, interval))));
}

/** Every rule except the grid, for one team member and one start. */
function bruteForceBookable(q: SlotQuery, day: Interval, staff: StaffDay, start: number): boolean {
  const slot = { start, end: start + totalMs(staff) };
  return (
    slot.end > slot.start &&
    start >= day.start &&
    start < day.end &&
    start >= q.now + q.minNoticeSeconds * 1000 &&
    (q.horizonEnd === null || start < q.horizonEnd) &&
    mergeWorking(staff.working).some((w) => w.start <= slot.start && slot.end <= w.end) &&
    !staff.busy.some((b) => overlaps(b, slot)) &&
    stepIntervals(staff, start).every(({ step, interval }) =>
      step.resourceIds.every((id) => someInstanceFree(q.resources, id, interval)),
    )
  );
}

function bruteForceStarts(q: SlotQuery, day: Interval, staff: StaffDay): number[] {
  const starts: number[] = [];
  const total = totalMs(staff);
  for (const working of mergeWorking(staff.working)) {
    for (
      let t = working.start;
      total > 0 && t + total <= working.end;
      t += q.stepMinutes * MINUTE
    ) {
      if (bruteForceBookable(q, day, staff, t)) starts.push(t);
    }
  }
  return starts;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const localSlotArb = fc
  .record({ from: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 4, max: 48 }) })
  .map(({ from, length }) => ({
    from: hhmm(from * 15),
    to: hhmm(Math.min(96, from + length) * 15),
  }));

/** Offsets in quanta from the local day start, reaching a couple of hours into the neighbouring days. */
const relativeIntervalArb = fc.record({
  at: fc.integer({ min: -24, max: 310 }),
  length: fc.integer({ min: 1, max: 30 }),
});

const poolArb = (resourceId: number) =>
  fc.record({
    resourceId: fc.constant(resourceId),
    instances: fc.array(fc.array(relativeIntervalArb, { maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
  });

const stepsArb = fc.array(
  fc.record({
    minutes: fc.integer({ min: 0, max: 18 }).map((q) => q * 5),
    resourceIds: fc.subarray(RESOURCE_TYPES),
  }),
  { minLength: 1, maxLength: 3 },
);

const scenarioArb = fc.record({
  day: fc.constantFrom(...DAYS),
  stepMinutes: fc.constantFrom(5, 10, 15, 20, 25, 30, 45, 60, 7),
  // Half the time the clock is long before the day, so notice does not hide everything else.
  nowQuanta: fc.oneof(fc.constant(-300), fc.integer({ min: -300, max: 200 })),
  minNoticeSeconds: fc.constantFrom(0, 300, 1800, 3600, 4 * 3600),
  horizonQuanta: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 2 }),
  staff: fc.uniqueArray(
    fc.record({
      staffId: fc.integer({ min: 1, max: 6 }),
      localSlots: fc.array(localSlotArb, { minLength: 1, maxLength: 3 }),
      rawWorking: fc.array(relativeIntervalArb, { maxLength: 1 }),
      busy: fc.array(relativeIntervalArb, { maxLength: 6 }),
      steps: stepsArb,
    }),
    { minLength: 1, maxLength: 3, selector: (member) => member.staffId },
  ),
  // Usually one pool per type; sometimes a type has no pool, or its instances are split over two.
  resources: fc
    .tuple(
      fc.array(fc.constantFrom(...RESOURCE_TYPES).chain(poolArb), { maxLength: 1 }),
      ...RESOURCE_TYPES.map((id) => fc.option(poolArb(id), { freq: 8 })),
    )
    .map(([extra, ...perType]) => [...perType, ...extra].filter((pool) => pool !== null)),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildQuery(s: Scenario): SlotQuery {
  const [timeZone, date] = s.day;
  const day = dayBoundsOf(date, timeZone);
  const toInterval = ({ at, length }: { at: number; length: number }) => ({
    start: day.start + at * QUANTUM,
    end: day.start + (at + length) * QUANTUM,
  });
  return {
    date,
    timeZone,
    now: day.start + s.nowQuanta * QUANTUM,
    stepMinutes: s.stepMinutes,
    minNoticeSeconds: s.minNoticeSeconds,
    horizonEnd: s.horizonQuanta === null ? null : day.start + s.horizonQuanta * QUANTUM,
    staff: s.staff.map((member) => ({
      staffId: member.staffId,
      working: [
        ...localSlotsToIntervals(date, member.localSlots, timeZone),
        ...member.rawWorking.map(toInterval),
      ],
      busy: member.busy.map(toInterval),
      steps: member.steps.map((step, i) => ({
        serviceId: i + 1,
        durationSeconds: step.minutes * 60,
        resourceIds: step.resourceIds,
      })),
    })),
    resources: s.resources.map((pool, p) => ({
      resourceId: pool.resourceId,
      instances: pool.instances.map((busy, i) => ({
        instanceId: p * 10 + i,
        busy: busy.map(toInterval),
      })),
    })),
  };
}

/** The "any team member" answer assembled from per-member brute force. */
function bruteForceSlots(q: SlotQuery, day: Interval) {
  const byStart = new Map<number, { start: number; end: number; staffIds: number[] }>();
  for (const staff of q.staff) {
    for (const start of bruteForceStarts(q, day, staff)) {
      const slot = byStart.get(start) ?? { start, end: start, staffIds: [] };
      slot.end = Math.max(slot.end, start + totalMs(staff));
      slot.staffIds.push(staff.staffId);
      byStart.set(start, slot);
    }
  }
  return [...byStart.values()]
    .map((slot) => ({ ...slot, staffIds: slot.staffIds.sort((a, b) => a - b) }))
    .sort((a, b) => a.start - b.start);
}

/** On the grid of the very working interval that holds the whole slot. */
const onGridInsideWorking = (q: SlotQuery, staff: StaffDay, start: number) =>
  mergeWorking(staff.working).some(
    (w) =>
      w.start <= start &&
      start + totalMs(staff) <= w.end &&
      (start - w.start) % (q.stepMinutes * MINUTE) === 0,
  );

describe('findFreeSlots against a brute force over the grid', () => {
  it('returns exactly the bookable starts, and hasFreeSlot agrees', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const q = buildQuery(scenario);
        const expected = bruteForceSlots(q, dayBoundsOf(q.date, q.timeZone));
        expect(findFreeSlots(q)).toEqual(expected);
        expect(hasFreeSlot(q)).toBe(expected.length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('returns only slots clear of appointments, breaks and fully busy resources', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const q = buildQuery(scenario);
        const day = dayBoundsOf(q.date, q.timeZone);
        for (const slot of findFreeSlots(q)) {
          expect(slot.start >= day.start && slot.start < day.end).toBe(true);
          for (const staffId of slot.staffIds) {
            const staff = q.staff.find((member) => member.staffId === staffId)!;
            const own = { start: slot.start, end: slot.start + totalMs(staff) };
            expect(isSlotBookable(q, staffId, slot.start)).toBe(true);
            expect(bruteForceBookable(q, day, staff, slot.start)).toBe(true);
            expect(own.end).toBeLessThanOrEqual(slot.end);
            expect(staff.busy.filter((busy) => overlaps(busy, own))).toEqual([]);
            const insideOneWorkingInterval = mergeWorking(staff.working).some(
              (w) => w.start <= own.start && own.end <= w.end,
            );
            expect(insideOneWorkingInterval).toBe(true);
            const plan = planResources(staff.steps, slot.start, q.resources);
            expect(plan).not.toBeNull();
            for (const [i, { step, interval }] of stepIntervals(staff, slot.start).entries()) {
              expect(plan?.[i]?.interval).toEqual(interval);
              for (const [r, resourceId] of step.resourceIds.entries()) {
                const instances = q.resources
                  .filter((pool) => pool.resourceId === resourceId)
                  .flatMap((pool) => pool.instances);
                const fullyBusy = instances.every((inst) =>
                  inst.busy.some((b) => overlaps(b, interval)),
                );
                expect(fullyBusy).toBe(false);
                const chosen = instances.find(
                  (inst) => inst.instanceId === plan?.[i]?.instanceIds[r],
                );
                expect(chosen?.busy.some((b) => overlaps(b, interval))).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isSlotBookable against the brute force', () => {
  it('agrees on arbitrary starts, on and off the grid', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: -24, max: 310 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 4 }),
        (scenario, startQuanta, minuteShift) => {
          const q = buildQuery(scenario);
          const day = dayBoundsOf(q.date, q.timeZone);
          for (const staff of q.staff) {
            for (const quanta of startQuanta) {
              const start = day.start + quanta * QUANTUM + minuteShift * MINUTE;
              const expected =
                onGridInsideWorking(q, staff, start) && bruteForceBookable(q, day, staff, start);
              expect(isSlotBookable(q, staff.staffId, start)).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
