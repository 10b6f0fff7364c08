import { describe, expect, it } from 'vitest';
import {
  findFreeSlots,
  hasFreeSlot,
  isSlotBookable,
  localSlotsToIntervals,
  planResources,
  type LocalSlot,
  type ResourcePool,
  type SlotQuery,
  type StaffDay,
} from '../../src/scheduling';
import { instantAt, service, slotQuery, staffDay, wallTime } from './slot-query-builders';

const date = '2026-06-10';
const timeZone = 'Europe/Berlin';
const at = (time: string) => instantAt(date, time, timeZone);
const hours = (slots: LocalSlot[]) => localSlotsToIntervals(date, slots, timeZone);
const between = (from: string, to: string) => ({ start: at(from), end: at(to) });
const startsOf = (q: SlotQuery) => findFreeSlots(q).map((slot) => wallTime(slot.start, timeZone));
const oneStaff = (staff: Partial<StaffDay>, query: Partial<SlotQuery> = {}) =>
  slotQuery({ date, timeZone, staff: [staffDay(1, staff)], ...query });

describe('working hours and breaks', () => {
  it('offers starts on the step grid and never across the lunch break', () => {
    const q = oneStaff({
      working: hours([
        { from: '09:00', to: '12:00' },
        { from: '13:00', to: '15:00' },
      ]),
    });
    expect(startsOf(q)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '13:00',
      '13:30',
      '14:00',
    ]);
  });

  it('anchors the grid at the start of each working interval', () => {
    const q = oneStaff({ working: hours([{ from: '09:10', to: '11:00' }]) });
    expect(startsOf(q)).toEqual(['09:10', '09:40']);
  });

  it('gives an end equal to start plus the chained durations', () => {
    const q = oneStaff({
      working: hours([{ from: '09:00', to: '10:30' }]),
      steps: [service(1, 45), service(2, 15)],
    });
    expect(findFreeSlots(q)).toEqual([
      { start: at('09:00'), end: at('10:00'), staffIds: [1] },
      { start: at('09:30'), end: at('10:30'), staffIds: [1] },
    ]);
  });

  it('offers nothing to a team member who does not work that day', () => {
    const q = oneStaff({ working: [] });
    expect(findFreeSlots(q)).toEqual([]);
    expect(hasFreeSlot(q)).toBe(false);
  });

  it('only offers starts on the asked local date, even if the shift runs past midnight', () => {
    const q = oneStaff({ working: [{ start: at('22:00'), end: at('22:00') + 4 * 3_600_000 }] });
    expect(startsOf(q)).toEqual(['22:00', '22:30', '23:00', '23:30']);
  });
});

describe('existing appointments', () => {
  const working = hours([{ from: '09:00', to: '13:00' }]);

  it('excludes every start whose slot overlaps an appointment', () => {
    const q = oneStaff({ working, busy: [between('10:00', '11:00')] });
    expect(startsOf(q)).toEqual(['09:00', '11:00', '11:30', '12:00']);
  });

  it('allows a slot that touches an appointment on either side', () => {
    const q = oneStaff({ working, busy: [between('09:00', '10:00'), between('11:00', '12:00')] });
    expect(startsOf(q)).toEqual(['10:00', '12:00']);
  });

  it('handles unsorted and overlapping appointments', () => {
    const busy = [between('11:30', '12:00'), between('09:00', '09:45'), between('09:30', '10:00')];
    expect(startsOf(oneStaff({ working, busy }))).toEqual(['10:00', '10:30', '12:00']);
  });
});

describe('notice and horizon', () => {
  const working = hours([{ from: '09:00', to: '13:00' }]);

  it('requires the minimum notice, inclusive', () => {
    const q = oneStaff({ working }, { now: at('08:00'), minNoticeSeconds: 2 * 3600 });
    expect(startsOf(q)).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00']);
    const later = oneStaff({ working }, { now: at('09:05'), minNoticeSeconds: 3600 });
    expect(startsOf(later)[0]).toBe('10:30');
  });

  it('requires the start strictly before the booking horizon', () => {
    const q = oneStaff({ working }, { horizonEnd: at('10:30') });
    expect(startsOf(q)).toEqual(['09:00', '09:30', '10:00']);
    expect(hasFreeSlot(oneStaff({ working }, { horizonEnd: at('09:00') }))).toBe(false);
  });
});

describe('multi-service chains and resources', () => {
  const sink = 7;
  const working = hours([{ from: '10:00', to: '12:00' }]);
  const cutThenWash = [service(1, 30), service(2, 30, [sink])];
  const sinks = (...busy: { start: number; end: number }[][]): ResourcePool[] => [
    { resourceId: sink, instances: busy.map((b, i) => ({ instanceId: 70 + i, busy: b })) },
  ];

  it('checks the second service resource only on its own sub-interval', () => {
    const q = oneStaff(
      { working, steps: cutThenWash },
      { resources: sinks([between('10:30', '11:00')]) },
    );
    // 10:00 would wash at 10:30 while the sink is taken; 10:30 cuts then, and washes at 11:00.
    expect(startsOf(q)).toEqual(['10:30', '11:00']);
    expect(planResources(cutThenWash, at('10:30'), q.resources)).toEqual([
      { serviceId: 1, interval: between('10:30', '11:00'), instanceIds: [] },
      { serviceId: 2, interval: between('11:00', '11:30'), instanceIds: [70] },
    ]);
    expect(planResources(cutThenWash, at('10:00'), q.resources)).toBeNull();
  });

  it('lets two overlapping bookings share a resource type with two instances, not with one', () => {
    const room = 5;
    const steps = [service(1, 60, [room])];
    const pool = (instanceIds: number[]): ResourcePool[] => [
      { resourceId: room, instances: instanceIds.map((instanceId) => ({ instanceId, busy: [] })) },
    ];
    for (const [instanceIds, secondBookable] of [
      [[51, 52], true],
      [[51], false],
    ] as const) {
      const resources = pool([...instanceIds]);
      const first = planResources(steps, at('10:00'), resources);
      expect(first?.[0]?.instanceIds).toEqual([51]);
      resources[0]!.instances[0]!.busy.push(between('10:00', '11:00'));
      const colleague = oneStaff({ working, steps }, { resources });
      colleague.staff[0]!.staffId = 2;
      expect(isSlotBookable(colleague, 2, at('10:00'))).toBe(secondBookable);
      expect(startsOf(colleague).includes('10:00')).toBe(secondBookable);
      expect(planResources(steps, at('10:00'), resources)?.[0]?.instanceIds ?? null).toEqual(
        secondBookable ? [52] : null,
      );
    }
  });

  it('is not bookable when a needed resource type has no pool or no instances', () => {
    const steps = [service(1, 30, [99])];
    expect(findFreeSlots(oneStaff({ working, steps }))).toEqual([]);
    const empty = oneStaff({ working, steps }, { resources: [{ resourceId: 99, instances: [] }] });
    expect(hasFreeSlot(empty)).toBe(false);
  });
});

describe('any team member', () => {
  it('returns one slot per start listing every team member who can take it', () => {
    const q = slotQuery({
      date,
      timeZone,
      staff: [
        staffDay(3, {
          working: hours([{ from: '10:00', to: '12:00' }]),
          busy: [between('10:00', '10:30')],
        }),
        staffDay(1, { working: hours([{ from: '09:00', to: '11:00' }]) }),
        staffDay(2, { working: [] }),
      ],
    });
    expect(findFreeSlots(q).map((s) => [wallTime(s.start, timeZone), s.staffIds])).toEqual([
      ['09:00', [1]],
      ['09:30', [1]],
      ['10:00', [1]],
      ['10:30', [3]],
      ['11:00', [3]],
    ]);
  });

  it('lists a shared start once with ascending ids and the longest end', () => {
    const working = hours([{ from: '09:00', to: '10:00' }]);
    const q = slotQuery({
      date,
      timeZone,
      stepMinutes: 60,
      staff: [
        staffDay(8, { working, steps: [service(1, 60)] }),
        staffDay(4, { working, steps: [service(1, 45)] }),
      ],
    });
    expect(findFreeSlots(q)).toEqual([{ start: at('09:00'), end: at('10:00'), staffIds: [4, 8] }]);
  });
});

describe('isSlotBookable', () => {
  const q = oneStaff({ working: hours([{ from: '09:00', to: '11:00' }]) });

  it('accepts a grid start and rejects off-grid starts, unknown staff and slots past closing', () => {
    expect(isSlotBookable(q, 1, at('09:30'))).toBe(true);
    expect(isSlotBookable(q, 1, at('09:15'))).toBe(false);
    expect(isSlotBookable(q, 2, at('09:30'))).toBe(false);
    expect(isSlotBookable(q, 1, at('10:30'))).toBe(false);
  });
});

describe('invalid queries', () => {
  it('rejects a non-positive step instead of looping forever', () => {
    const q = oneStaff({ working: hours([{ from: '09:00', to: '11:00' }]) }, { stepMinutes: 0 });
    expect(() => findFreeSlots(q)).toThrow(RangeError);
  });

  it('offers nothing for an empty chain of services', () => {
    const q = oneStaff({ working: hours([{ from: '09:00', to: '11:00' }]), steps: [] });
    expect(findFreeSlots(q)).toEqual([]);
  });
});
