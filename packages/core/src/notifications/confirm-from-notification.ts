import type { AppointmentsRepo, OutboxRepo } from '../booking/ports';
import { changeAttendance } from '../booking/change-attendance';
import type { UnitOfWork } from '../catalog/ports';
import { DomainError, notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import type { InboxNotification, InboxRepo } from './ports';

/** Why Confirm is refused (`meta.details.reason`, with `action: 'confirm'`). */
export const CONFIRM_DENIED_REASONS = ['nothing_to_confirm', 'canceled'] as const;
const refuse = (reason: (typeof CONFIRM_DENIED_REASONS)[number], message: string) =>
  new DomainError('not_allowed', message, 'id', { action: 'confirm', reason });

type Repos = { inbox: InboxRepo; appointments: AppointmentsRepo; outbox: OutboxRepo };

/**
 * The Confirm button of a confirmation request: the appointment becomes confirmed (attendance
 * 2, through the booking use case, so `appointment.confirmed` is emitted) exactly once; pressing
 * it again changes nothing. Only type 4 notifications have the button; a deleted appointment
 * cannot be confirmed.
 */
export function confirmFromNotification(
  deps: { uow: UnitOfWork<Repos>; clock: Clock },
  user: AppUser,
  id: number,
): Promise<{ notification: InboxNotification; confirmedNow: boolean }> {
  return deps.uow(async (r) => {
    const n = await r.inbox.findInboxNotification(user.id, id);
    if (!n) throw notFound('Notification');
    if (n.type !== 4 || n.appointmentId === null)
      throw refuse('nothing_to_confirm', 'This notification has nothing to confirm');
    const now = deps.clock.now();
    const confirmedNow = await r.inbox.markConfirmed(n.id, now);
    if (confirmedNow) {
      const appointment = await r.appointments.findAppointment(n.locationId, n.appointmentId);
      if (!appointment || appointment.deletedAt)
        throw refuse('canceled', 'The appointment was canceled');
      // Same transaction: the use case runs on this unit of work's repositories.
      await changeAttendance({ uow: (fn) => fn(r) }, n.locationId, n.appointmentId, 2, {
        source: 'online',
        userId: null,
      });
    }
    await r.inbox.markRead(user.id, n.id, now);
    return {
      notification: { ...n, confirmedAt: n.confirmedAt ?? now, readAt: n.readAt ?? now },
      confirmedNow,
    };
  });
}
