/**
 * The 13 notification types of the client app (Altegio.me's list), their defaults and what each
 * one's `timing` means. A location that never saved a type's settings gets these defaults.
 */
export const NOTIFICATION_TYPES = {
  1: 'appointment_created_back_office',
  2: 'appointment_created_online',
  3: 'online_appointment_confirmed',
  4: 'confirmation_requested',
  5: 'visit_reminder',
  6: 'repeat_visit_invitation',
  7: 'online_appointment_deleted',
  8: 'review_request',
  9: 'birthday_greeting',
  10: 'new_discount',
  11: 'discount_expiring',
  12: 'online_payment_succeeded',
  13: 'bulk_message',
} as const;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export type NotificationTypeName = (typeof NOTIFICATION_TYPES)[NotificationType];

export const ALL_NOTIFICATION_TYPES = Object.keys(NOTIFICATION_TYPES).map(
  Number,
) as NotificationType[];

export function isNotificationType(value: number): value is NotificationType {
  return Number.isInteger(value) && value >= 1 && value <= 13;
}

/** What a type's `timing` number counts; null: the type is sent when its event happens. */
export type TimingUnit =
  | 'hours_before_visit'
  | 'days_after_visit'
  | 'hours_after_visit'
  | 'local_send_hour'
  | 'days_before_expiry';

export interface TypeDefinition {
  name: NotificationTypeName;
  title: string;
  template: string;
  enabled: boolean;
  timingUnit: TimingUnit | null;
  timing: number | null;
  /** Inclusive bounds of `timing`. */
  timingRange: [number, number] | null;
}

const def = (
  name: NotificationTypeName,
  title: string,
  template: string,
  timing: [TimingUnit, number, [number, number]] | null = null,
  enabled = true,
): TypeDefinition => ({
  name,
  title,
  template,
  enabled,
  timingUnit: timing?.[0] ?? null,
  timing: timing?.[1] ?? null,
  timingRange: timing?.[2] ?? null,
});

export const TYPE_DEFINITIONS: Record<NotificationType, TypeDefinition> = {
  1: def(
    'appointment_created_back_office',
    'New appointment',
    '{client}, you are booked at {location} on {date} at {time}: {services} with {team_member}. {link}',
  ),
  2: def(
    'appointment_created_online',
    'Booking received',
    '{client}, thank you for booking at {location}: {services} with {team_member} on {date} at {time}. {link}',
  ),
  3: def(
    'online_appointment_confirmed',
    'Appointment confirmed',
    '{location} confirmed your appointment on {date} at {time}. {link}',
  ),
  // Off by default: a location that wants clients to confirm turns it on.
  4: def(
    'confirmation_requested',
    'Please confirm your visit',
    '{client}, please confirm your visit to {location} on {date} at {time}. {link}',
    null,
    false,
  ),
  5: def(
    'visit_reminder',
    'Upcoming visit',
    'Reminder: {services} at {location} on {date} at {time} with {team_member}. {link}',
    ['hours_before_visit', 24, [1, 168]],
  ),
  6: def(
    'repeat_visit_invitation',
    'Time for your next visit?',
    '{client}, it has been a while since your last visit to {location}. Book again: {link}',
    ['days_after_visit', 30, [1, 365]],
  ),
  7: def(
    'online_appointment_deleted',
    'Appointment canceled',
    'Your appointment at {location} on {date} at {time} was canceled. {link}',
  ),
  8: def(
    'review_request',
    'How was your visit?',
    '{client}, how was your visit to {location}? Leave a review: {link}',
    ['hours_after_visit', 2, [1, 168]],
  ),
  9: def(
    'birthday_greeting',
    'Happy birthday!',
    'Happy birthday, {client}! Best wishes from {location}. {link}',
    ['local_send_hour', 10, [0, 23]],
  ),
  10: def(
    'new_discount',
    'New discount',
    '{client}, you have a new discount at {location}: {discount}. {link}',
  ),
  11: def(
    'discount_expiring',
    'Your discount expires soon',
    '{client}, your discount {discount} at {location} expires on {date}. {link}',
    ['days_before_expiry', 3, [1, 60]],
  ),
  12: def(
    'online_payment_succeeded',
    'Payment received',
    '{client}, we received your payment of {amount} for {item} at {location}. {link}',
  ),
  13: def('bulk_message', 'Message', '{text}'),
};

/** One location's settings of one type, as stored (or defaulted). */
export interface NotificationSetting {
  type: NotificationType;
  enabled: boolean;
  template: string;
  timing: number | null;
}

export function defaultSetting(type: NotificationType): NotificationSetting {
  const d = TYPE_DEFINITIONS[type];
  return { type, enabled: d.enabled, template: d.template, timing: d.timing };
}

/** The placeholders a template may use; anything else in braces is refused. */
export const PLACEHOLDERS = [
  'client',
  'location',
  'date',
  'time',
  'datetime',
  'services',
  'team_member',
  'link',
  'discount',
  'amount',
  'item',
  'text',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The sender name of a location's notifications. */
export const senderName = (brandName: string): string => brandName.trim() || 'Visita';
