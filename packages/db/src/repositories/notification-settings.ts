import type { NotificationSetting, NotificationSettingsRepo, NotificationType } from '@visita/core';
import type { Queryable } from '../db';

type Row = { type: number; enabled: boolean; template: string; timing: number | null };

export function notificationSettingsRepo(q: Queryable): NotificationSettingsRepo {
  return {
    async findNotificationSettings(locationId) {
      const [location] = await q.query<{ brand_name: string }>(
        'SELECT brand_name FROM locations WHERE id = $1 AND deleted_at IS NULL',
        [locationId],
      );
      if (!location) return null;
      const rows = await q.query<Row>(
        'SELECT type, enabled, template, timing FROM notification_settings WHERE location_id = $1 ORDER BY type',
        [locationId],
      );
      return { brandName: location.brand_name, stored: rows.map(toSetting) };
    },
    async saveNotificationSetting(locationId, s) {
      await q.query(
        `INSERT INTO notification_settings(location_id, type, enabled, template, timing)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (location_id, type) DO UPDATE
           SET enabled = EXCLUDED.enabled, template = EXCLUDED.template,
               timing = EXCLUDED.timing, updated_at = now()`,
        [locationId, s.type, s.enabled, s.template, s.timing],
      );
    },
    async setBrandName(locationId, brandName) {
      await q.query('UPDATE locations SET brand_name = $2, updated_at = now() WHERE id = $1', [
        locationId,
        brandName,
      ]);
    },
  };
}

export const toSetting = (r: Row): NotificationSetting => ({
  type: r.type as NotificationType,
  enabled: r.enabled,
  template: r.template,
  timing: r.timing,
});
