import type { Page, Paged } from '../catalog/types';
import type { ClientCondition } from '../clients/ports';
import type { NotificationSetting, NotificationType } from './catalog';

export interface NotificationSettingsRepo {
  /** The stored settings rows (types never saved are absent) and the location's brand name. */
  findNotificationSettings(
    locationId: number,
  ): Promise<{ brandName: string; stored: NotificationSetting[] } | null>;
  saveNotificationSetting(locationId: number, setting: NotificationSetting): Promise<void>;
  setBrandName(locationId: number, brandName: string): Promise<void>;
}

/** One inbox entry. */
export interface InboxNotification {
  id: number;
  type: NotificationType;
  locationId: number;
  sender: string;
  title: string;
  body: string;
  link: string;
  appointmentId: number | null;
  bulkPushId: number | null;
  createdAt: Date;
  readAt: Date | null;
  confirmedAt: Date | null;
}

export interface UnreadCount {
  total: number;
  byLocation: { locationId: number; count: number }[];
}

export interface InboxRepo {
  findInbox(
    appUserId: number,
    filter: { locationId?: number },
    page: Page,
  ): Promise<Paged<InboxNotification>>;
  countUnread(appUserId: number): Promise<UnreadCount>;
  findInboxNotification(appUserId: number, id: number): Promise<InboxNotification | null>;
  /** Marks read once; returns the entry (null when it is not this user's). */
  markRead(appUserId: number, id: number, at: Date): Promise<InboxNotification | null>;
  /** Marks every unread entry of the user read (optionally one location's); how many it marked. */
  markAllRead(appUserId: number, filter: { locationId?: number }, at: Date): Promise<number>;
  /** Sets `confirmed_at` when still empty; true only for the call that set it. */
  markConfirmed(id: number, at: Date): Promise<boolean>;
}

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSubscriptionsRepo {
  /** Registers the device for this user (a known endpoint moves to this user). */
  saveSubscription(appUserId: number, subscription: PushSubscriptionInput): Promise<void>;
  /** Removes the user's device; false when it was not registered for them. */
  removeSubscription(appUserId: number, endpoint: string): Promise<boolean>;
  /** The VAPID public key (base64url), null before the worker or server made one. */
  findVapidPublicKey(): Promise<string | null>;
}

export interface MutesRepo {
  setMuted(appUserId: number, locationId: number, muted: boolean): Promise<void>;
}

export interface BulkPush {
  id: number;
  locationId: number;
  text: string;
  recipients: number;
  queued: number;
  delivered: number;
  undeliverable: number;
  fanoutDone: boolean;
  createdAt: Date;
}

export interface BulkPushesRepo {
  /** Clients matching the conditions, and how many of them have the app. */
  countAudience(
    locationId: number,
    search: { conditions: ClientCondition[]; operation: 'AND' | 'OR' },
    asOf: number,
  ): Promise<{ matching: number; withApp: number }>;
  insertBulkPush(input: {
    locationId: number;
    userId: number | null;
    text: string;
    filters: unknown;
    operation: 'AND' | 'OR';
    recipients: number;
  }): Promise<BulkPush>;
  findBulkPush(locationId: number, id: number): Promise<BulkPush | null>;
  /** One page of the location's bulk pushes, newest first, and how many there are in all. */
  listBulkPushes(locationId: number, page: Page): Promise<Paged<BulkPush>>;
}

/** Queues a background job (the jobs table); `key` makes it unique by subject. */
export interface JobsRepo {
  enqueue(job: { kind: string; key?: string; payload: unknown; runAt: Date }): Promise<void>;
}
