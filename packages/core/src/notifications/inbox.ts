import type { Page, Paged } from '../catalog/types';
import type { UnitOfWork } from '../catalog/ports';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import { notFound } from '../errors/domain-error';
import type { InboxNotification, InboxRepo, UnreadCount } from './ports';

/**
 * The buttons the app shows under a notification: Details opens the appointment, Book opens
 * the location's booking page (reminders, repeat-visit invitations, bulk messages), Confirm
 * confirms the appointment (confirmation requests; `done` once confirmed).
 */
export type NotificationAction =
  | { kind: 'details'; appointmentId: number }
  | { kind: 'book'; locationId: number; url: string }
  | { kind: 'confirm'; appointmentId: number; done: boolean };

const DETAILS_TYPES = new Set([1, 2, 3, 4, 5, 7, 8]);
const BOOK_TYPES = new Set([5, 6, 13]);

/** The client app's booking page of a location (what Book and a bulk message open). */
export const bookingPath = (locationId: number) => `/app/book/${locationId}`;

export function actionsOf(n: InboxNotification): NotificationAction[] {
  const actions: NotificationAction[] = [];
  if (n.appointmentId !== null && DETAILS_TYPES.has(n.type))
    actions.push({ kind: 'details', appointmentId: n.appointmentId });
  if (BOOK_TYPES.has(n.type))
    actions.push({ kind: 'book', locationId: n.locationId, url: bookingPath(n.locationId) });
  if (n.type === 4 && n.appointmentId !== null)
    actions.push({ kind: 'confirm', appointmentId: n.appointmentId, done: n.confirmedAt !== null });
  return actions;
}

type InboxDeps = { uow: UnitOfWork<{ inbox: InboxRepo }> };

export function listMyNotifications(
  deps: InboxDeps,
  user: AppUser,
  filter: { locationId?: number },
  page: Page,
): Promise<Paged<InboxNotification>> {
  return deps.uow((r) => r.inbox.findInbox(user.id, filter, page));
}

export function countMyUnreadNotifications(deps: InboxDeps, user: AppUser): Promise<UnreadCount> {
  return deps.uow((r) => r.inbox.countUnread(user.id));
}

/** Idempotent: reading twice keeps the first read time. Another user's id is a 404. */
export function readNotification(
  deps: InboxDeps & { clock: Clock },
  user: AppUser,
  id: number,
): Promise<InboxNotification> {
  return deps.uow(async (r) => {
    const n = await r.inbox.markRead(user.id, id, deps.clock.now());
    if (!n) throw notFound('Notification');
    return n;
  });
}

/**
 * "Mark all read": every unread notification of this client (optionally of one location) is
 * read now, in one transaction; answers how many and how many are left unread (the bell).
 */
export function readAllMyNotifications(
  deps: InboxDeps & { clock: Clock },
  user: AppUser,
  filter: { locationId?: number },
): Promise<{ marked: number; unread: number }> {
  return deps.uow(async (r) => {
    const marked = await r.inbox.markAllRead(user.id, filter, deps.clock.now());
    const unread = (await r.inbox.countUnread(user.id)).total;
    return { marked, unread };
  });
}
