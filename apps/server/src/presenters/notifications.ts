import {
  actionsOf,
  bookingPath,
  NOTIFICATION_TYPES,
  PLACEHOLDERS,
  TYPE_DEFINITIONS,
  type BulkPush,
  type InboxNotification,
  type LocationNotificationSettings,
  type NotificationAction,
} from '@visita/core';

const presentAction = (a: NotificationAction) => {
  switch (a.kind) {
    case 'details':
      return { kind: a.kind, appointment_id: a.appointmentId };
    case 'book':
      return { kind: a.kind, location_id: a.locationId, url: a.url };
    case 'confirm':
      return { kind: a.kind, appointment_id: a.appointmentId, done: a.done };
  }
};

export function presentNotification(n: InboxNotification) {
  return {
    id: n.id,
    type: n.type,
    type_name: NOTIFICATION_TYPES[n.type],
    location_id: n.locationId,
    sender: n.sender,
    title: n.title,
    body: n.body,
    url: n.link,
    created_at: n.createdAt.toISOString(),
    read_at: n.readAt?.toISOString() ?? null,
    appointment_id: n.appointmentId,
    actions: actionsOf(n).map(presentAction),
  };
}

export function presentNotificationSettings(s: LocationNotificationSettings) {
  return {
    location_id: s.locationId,
    brand_name: s.brandName,
    sender: s.sender,
    placeholders: [...PLACEHOLDERS],
    types: s.types.map((t) => {
      const d = TYPE_DEFINITIONS[t.type];
      return {
        type: t.type,
        name: d.name,
        title: d.title,
        enabled: t.enabled,
        template: t.template,
        timing: t.timing,
        timing_unit: d.timingUnit,
        timing_range: d.timingRange,
      };
    }),
  };
}

export function presentBulkPush(b: BulkPush, matching?: number) {
  return {
    id: b.id,
    location_id: b.locationId,
    text: b.text,
    url: bookingPath(b.locationId),
    ...(matching !== undefined ? { matching_clients: matching } : {}),
    recipients_with_app: b.recipients,
    queued: b.queued,
    delivered: b.delivered,
    undeliverable: b.undeliverable,
    done: b.fanoutDone && b.delivered + b.undeliverable >= b.queued,
    created_at: b.createdAt.toISOString(),
  };
}
