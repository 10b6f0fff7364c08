import type { BookingSettings } from '@visita/core';

/** Durations travel in seconds on the wire, except `seance_delay_step` (minutes, as the contract). */
export function presentOnlineSettings(settings: BookingSettings) {
  return {
    seance_delay_step: settings.minNoticeMinutes,
    timetable_step: settings.slotStepMinutes * 60,
    booking_horizon_days: settings.horizonDays,
    allow_delete_record: settings.allowClientCancel,
    allow_delete_record_delay_step: settings.cancelUntilMinutes * 60,
    allow_change_record: settings.allowClientReschedule,
    allow_change_record_delay_step: settings.rescheduleUntilMinutes * 60,
    online_record_needs_confirmation: settings.onlineNeedsConfirmation,
  };
}

export function presentTimetableSettings(settings: BookingSettings) {
  return { timetable_step: settings.slotStepMinutes * 60 };
}
