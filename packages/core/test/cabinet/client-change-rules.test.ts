import { describe, expect, it } from 'vitest';
import {
  appointmentStatus,
  clientCancelRight,
  clientRescheduleRight,
  clientReviewRight,
  DEFAULT_BOOKING_SETTINGS,
} from '../../src';

const now = Date.parse('2026-11-28T10:00:00Z');
const hour = 3_600_000;
const at = (offsetHours: number, extra: { deleted?: boolean; activityId?: number } = {}) => ({
  start: now + offsetHours * hour,
  deletedAt: extra.deleted ? new Date(now - hour) : null,
  activityId: extra.activityId ?? null,
});

describe('appointmentStatus', () => {
  it('canceled wins; otherwise upcoming until the start, then past', () => {
    expect(appointmentStatus(at(5, { deleted: true }), now)).toBe('canceled');
    expect(appointmentStatus(at(0), now)).toBe('upcoming');
    expect(appointmentStatus(at(-0.01), now)).toBe('past');
  });
});

describe('clientCancelRight', () => {
  const settings = { ...DEFAULT_BOOKING_SETTINGS, cancelUntilMinutes: 120 };

  it('allows it until the window closes, and says until when', () => {
    const right = clientCancelRight(at(3), settings, now);
    expect(right).toEqual({
      allowed: true,
      reason: null,
      message: null,
      until: now + 1 * hour,
    });
    expect(clientCancelRight(at(2), settings, now).allowed).toBe(true); // exactly at the edge
  });

  it('gives the reason when not allowed', () => {
    expect(clientCancelRight(at(1.5), settings, now).reason).toBe('too_late');
    expect(clientCancelRight(at(-1), settings, now).reason).toBe('started');
    expect(clientCancelRight(at(5, { deleted: true }), settings, now).reason).toBe('canceled');
    const forbidden = clientCancelRight(at(48), { ...settings, allowClientCancel: false }, now);
    expect(forbidden).toMatchObject({ allowed: false, reason: 'location_forbids', until: null });
  });
});

describe('clientRescheduleRight', () => {
  it('follows its own settings and refuses places in group events', () => {
    const settings = {
      ...DEFAULT_BOOKING_SETTINGS,
      allowClientCancel: false,
      rescheduleUntilMinutes: 30,
    };
    expect(clientRescheduleRight(at(1), settings, now).allowed).toBe(true);
    expect(clientRescheduleRight(at(0.25), settings, now).reason).toBe('too_late');
    expect(clientRescheduleRight(at(5, { activityId: 3 }), settings, now).reason).toBe(
      'group_event',
    );
  });
});

describe('clientReviewRight', () => {
  it('only past, not canceled appointments can be reviewed', () => {
    expect(clientReviewRight(at(-2), now).allowed).toBe(true);
    expect(clientReviewRight(at(2), now).reason).toBe('not_visited_yet');
    expect(clientReviewRight(at(-2, { deleted: true }), now).reason).toBe('canceled');
  });
});
