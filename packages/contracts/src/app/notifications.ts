import Type from 'typebox';
import { TEXT_PATTERN } from '../inputs';
import { ListEnvelope, Nullable, ObjectEnvelope, PageQuery } from '../envelope';

/** The client app's notifications: inbox, unread counts, actions, Web Push devices, mutes. */
export const AppNotificationAction = Type.Union([
  Type.Object({ kind: Type.Literal('details'), appointment_id: Type.Integer() }),
  Type.Object({
    kind: Type.Literal('book'),
    location_id: Type.Integer(),
    url: Type.String({ description: "the location's booking page in the app" }),
  }),
  Type.Object({
    kind: Type.Literal('confirm'),
    appointment_id: Type.Integer(),
    done: Type.Boolean({ description: 'already confirmed' }),
  }),
]);

export const AppNotification = Type.Object({
  id: Type.Integer(),
  type: Type.Integer({ minimum: 1, maximum: 13 }),
  type_name: Type.String(),
  location_id: Type.Integer(),
  sender: Type.String({ description: "the location's brand name, or Visita" }),
  title: Type.String(),
  body: Type.String(),
  url: Type.String({ description: 'where tapping it leads (path in the app)' }),
  created_at: Type.String({ format: 'date-time' }),
  read_at: Nullable(Type.String({ format: 'date-time' })),
  appointment_id: Nullable(Type.Integer()),
  actions: Type.Array(AppNotificationAction),
});

export const AppNotificationsQuery = Type.Object({
  location_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  ...PageQuery,
});
export const AppNotificationParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export const AppNotificationListEnvelope = ListEnvelope(AppNotification);
export const AppNotificationEnvelope = ObjectEnvelope(AppNotification);

export const AppUnreadCountEnvelope = ObjectEnvelope(
  Type.Object({
    total: Type.Integer(),
    by_location: Type.Array(Type.Object({ location_id: Type.Integer(), count: Type.Integer() })),
  }),
);

export const AppReadAllBody = Type.Object({
  location_id: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 2147483647,
      description: 'Only the notifications of this location (default: every location)',
    }),
  ),
});
export const AppReadAllEnvelope = ObjectEnvelope(
  Type.Object({
    marked: Type.Integer({ description: 'How many unread notifications were marked read' }),
    unread: Type.Integer({ description: 'Unread notifications left (all locations): the bell' }),
  }),
);

export const AppConfirmEnvelope = ObjectEnvelope(
  Type.Object({
    notification: AppNotification,
    confirmed_now: Type.Boolean({ description: 'false when it was confirmed before' }),
  }),
);

export const AppVapidKeyEnvelope = ObjectEnvelope(
  Type.Object({ public_key: Type.String({ description: 'VAPID public key, base64url' }) }),
);

/** The browser's `PushSubscription.toJSON()`. */
export const AppPushSubscriptionBody = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 2000, pattern: TEXT_PATTERN }),
  expirationTime: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e16 }))),
  keys: Type.Object({
    p256dh: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN }),
    auth: Type.String({ minLength: 1, maxLength: 100, pattern: TEXT_PATTERN }),
  }),
});
export const AppPushUnsubscribeBody = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 2000, pattern: TEXT_PATTERN }),
});
export const AppPushSubscriptionEnvelope = ObjectEnvelope(Type.Object({ endpoint: Type.String() }));

export const AppMuteBody = Type.Object({ muted: Type.Boolean() });
export const AppMuteEnvelope = ObjectEnvelope(
  Type.Object({ location_id: Type.Integer(), muted: Type.Boolean() }),
);
