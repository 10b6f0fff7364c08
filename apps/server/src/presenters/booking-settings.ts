import type { BookingSettings } from '@visita/core';

/** Durations travel in seconds on the wire, except `seance_delay_step` (minutes, as the contract). */
export function presentOnlineSettings(settings: BookingSettings, confirmsPhone: boolean) {
  return {
    confirm_number: confirmsPhone,
    // Clients may ask for "any team member" (staff_id 0) whenever they book online.
    any_master: true,
    seance_delay_step: settings.minNoticeMinutes,
    // One place per online booking of a group event unless the booking says `clients_count`.
    activity_online_record_clients_count_max: 1,
    timetable_step: settings.slotStepMinutes * 60,
    booking_horizon_days: settings.horizonDays,
    allow_delete_record: settings.allowClientCancel,
    allow_delete_record_delay_step: settings.cancelUntilMinutes * 60,
    allow_change_record: settings.allowClientReschedule,
    allow_change_record_delay_step: settings.rescheduleUntilMinutes * 60,
    online_record_needs_confirmation: settings.onlineNeedsConfirmation,
  };
}

/** Visita keeps one calendar kind (appointments by team member) and no newsletter consent. */
export function presentTimetableSettings(settings: BookingSettings) {
  return {
    record_type: 0,
    activity_record_clients_count_max: 1,
    is_show_newsletter_agreement: false,
    is_show_personal_data_processing_agreement: false,
    timetable_step: settings.slotStepMinutes * 60,
  };
}
