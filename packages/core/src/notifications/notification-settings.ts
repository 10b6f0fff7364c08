import { loadLocation } from '../booking/appointment-plan';
import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { invalid } from '../errors/domain-error';
import {
  ALL_NOTIFICATION_TYPES,
  defaultSetting,
  isNotificationType,
  senderName,
  TYPE_DEFINITIONS,
  type NotificationSetting,
  type NotificationType,
} from './catalog';
import type { NotificationSettingsRepo } from './ports';
import { unknownPlaceholders } from './render';

type Deps = {
  uow: UnitOfWork<{ locations: LocationsRepo; notificationSettings: NotificationSettingsRepo }>;
};

export interface LocationNotificationSettings {
  locationId: number;
  brandName: string;
  sender: string;
  types: NotificationSetting[];
}

/** Every type's settings at the location: the stored ones, defaults for the rest. */
export function mergeSettings(stored: NotificationSetting[]): NotificationSetting[] {
  const byType = new Map(stored.map((s) => [s.type, s]));
  return ALL_NOTIFICATION_TYPES.map((t) => byType.get(t) ?? defaultSetting(t));
}

export function getNotificationSettings(
  deps: Deps,
  locationId: number,
): Promise<LocationNotificationSettings> {
  return deps.uow(async (r) => {
    await loadLocation(r, locationId);
    const found = await r.notificationSettings.findNotificationSettings(locationId);
    const brandName = found?.brandName ?? '';
    return {
      locationId,
      brandName,
      sender: senderName(brandName),
      types: mergeSettings(found?.stored ?? []),
    };
  });
}

export interface NotificationSettingsPatch {
  brandName?: string;
  types?: { type: number; enabled?: boolean; template?: string; timing?: number | null }[];
}

/** Validates the whole patch first (nothing is written when any part is wrong), then saves it. */
export function updateNotificationSettings(
  deps: Deps,
  locationId: number,
  patch: NotificationSettingsPatch,
): Promise<LocationNotificationSettings> {
  return deps.uow(async (r) => {
    await loadLocation(r, locationId);
    const found = await r.notificationSettings.findNotificationSettings(locationId);
    const current = new Map(mergeSettings(found?.stored ?? []).map((s) => [s.type, s]));
    const changed: NotificationSetting[] = [];
    const seen = new Set<number>();
    (patch.types ?? []).forEach((p, i) => {
      const at = `types.${i}`;
      if (!isNotificationType(p.type)) throw invalid(`${at}.type`, 'type must be 1 to 13');
      if (seen.has(p.type)) throw invalid(`${at}.type`, `type ${p.type} is given twice`);
      seen.add(p.type);
      const next = { ...current.get(p.type)! };
      if (p.enabled !== undefined) next.enabled = p.enabled;
      if (p.template !== undefined) next.template = checkedTemplate(p.template, `${at}.template`);
      if (p.timing !== undefined) next.timing = checkedTiming(p.type, p.timing, `${at}.timing`);
      changed.push(next);
    });
    if (patch.brandName !== undefined) {
      const brand = patch.brandName.trim();
      if (brand.length > 100) throw invalid('brand_name', 'brand_name is at most 100 characters');
      await r.notificationSettings.setBrandName(locationId, brand);
    }
    for (const s of changed) await r.notificationSettings.saveNotificationSetting(locationId, s);
    const brandName = patch.brandName?.trim() ?? found?.brandName ?? '';
    for (const s of changed) current.set(s.type, s);
    return {
      locationId,
      brandName,
      sender: senderName(brandName),
      types: [...current.values()],
    };
  });
}

function checkedTemplate(template: string, field: string): string {
  const text = template.trim();
  if (!text) throw invalid(field, 'template must not be empty');
  if (text.length > 1000) throw invalid(field, 'template is at most 1000 characters');
  const unknown = unknownPlaceholders(text);
  if (unknown.length) throw invalid(field, `unknown placeholder {${unknown[0]}}`);
  return text;
}

function checkedTiming(type: NotificationType, timing: number | null, field: string) {
  const range = TYPE_DEFINITIONS[type].timingRange;
  if (!range) {
    if (timing !== null) throw invalid(field, `type ${type} is sent when it happens: no timing`);
    return null;
  }
  if (timing === null || !Number.isInteger(timing) || timing < range[0] || timing > range[1])
    throw invalid(
      field,
      `timing (${TYPE_DEFINITIONS[type].timingUnit}) must be ${range[0]} to ${range[1]}`,
    );
  return timing;
}
