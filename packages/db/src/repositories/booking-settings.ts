import {
  DEFAULT_BOOKING_SETTINGS,
  type BookingSettings,
  type BookingSettingsRepo,
} from '@visita/core';
import type { Queryable } from '../db';

const COLUMNS: Record<keyof BookingSettings, string> = {
  slotStepMinutes: 'slot_step_minutes',
  minNoticeMinutes: 'min_notice_minutes',
  horizonDays: 'horizon_days',
  allowClientCancel: 'allow_client_cancel',
  cancelUntilMinutes: 'cancel_until_minutes',
  allowClientReschedule: 'allow_client_reschedule',
  rescheduleUntilMinutes: 'reschedule_until_minutes',
  onlineNeedsConfirmation: 'online_needs_confirmation',
};

const KEYS = Object.keys(COLUMNS) as (keyof BookingSettings)[];

function toSettings(row: Record<string, unknown>): BookingSettings {
  return Object.fromEntries(
    KEYS.map((key) => [key, row[COLUMNS[key]]]),
  ) as unknown as BookingSettings;
}

export function bookingSettingsRepo(q: Queryable): BookingSettingsRepo {
  return {
    async findBookingSettings(locationId) {
      const rows = await q.query(
        `SELECT ${KEYS.map((k) => COLUMNS[k]).join(', ')}
           FROM location_booking_settings WHERE location_id = $1`,
        [locationId],
      );
      return rows[0] ? toSettings(rows[0]) : { ...DEFAULT_BOOKING_SETTINGS };
    },

    async saveBookingSettings(locationId, settings) {
      const columns = KEYS.map((k) => COLUMNS[k]);
      const rows = await q.query(
        `INSERT INTO location_booking_settings(location_id, ${columns.join(', ')})
         VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (location_id) DO UPDATE SET
           ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
         RETURNING ${columns.join(', ')}`,
        [locationId, ...KEYS.map((k) => settings[k])],
      );
      return toSettings(rows[0]!);
    },
  };
}
