import { invalid } from '../errors/domain-error';
import type { BookingSettings } from './types';

/**
 * The wire name of each setting, so a refusal names the field the caller sent
 * (`/company/{id}/settings/online` and `/settings/timetable`).
 */
export const BOOKING_SETTING_FIELDS: Record<keyof BookingSettings, string> = {
  slotStepMinutes: 'timetable_step',
  minNoticeMinutes: 'seance_delay_step',
  horizonDays: 'booking_horizon_days',
  allowClientCancel: 'allow_delete_record',
  cancelUntilMinutes: 'allow_delete_record_delay_step',
  allowClientReschedule: 'allow_change_record',
  rescheduleUntilMinutes: 'allow_change_record_delay_step',
  onlineNeedsConfirmation: 'online_record_needs_confirmation',
};

const RANGES: Partial<Record<keyof BookingSettings, { min: number; max: number; what: string }>> = {
  slotStepMinutes: { min: 5, max: 240, what: 'between 5 minutes and 4 hours' },
  minNoticeMinutes: { min: 0, max: Number.MAX_SAFE_INTEGER, what: 'zero or more minutes' },
  horizonDays: { min: 1, max: 730, what: 'between 1 and 730 days' },
  cancelUntilMinutes: { min: 0, max: Number.MAX_SAFE_INTEGER, what: 'zero or more minutes' },
  rescheduleUntilMinutes: {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    what: 'zero or more minutes',
  },
};

/** Refuses, naming the wire field, any setting of the patch that is out of its range. */
export function checkBookingSettings(patch: Partial<BookingSettings>): void {
  for (const [key, range] of Object.entries(RANGES) as [
    keyof BookingSettings,
    { min: number; max: number; what: string },
  ][]) {
    const value = patch[key];
    if (value === undefined) continue;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < range.min ||
      value > range.max
    ) {
      const field = BOOKING_SETTING_FIELDS[key];
      throw invalid(field, `${field} must be ${range.what}`);
    }
  }
}
