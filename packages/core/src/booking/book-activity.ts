import type { TokenCrypto } from '../auth/tokens';
import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { normalizePhone } from '../shared/phone';
import { DomainError, notFound } from '../errors/domain-error';
import { spendPhoneCode, withCountedCodeTries } from '../identity/phone-code-check';
import type { PhoneCodesRepo } from '../identity/ports';
import type { Clock } from '../ports';
import { addAppointmentToActivity, type ActivityAppointmentRepos } from './activity-appointment';
import { appointmentCreated } from './appointment-events';
import { loadLocation, resolveClient } from './appointment-plan';
import { newRecordHash } from './create-appointment';
import type { OutboxRepo } from './ports';
import type { ClientsRepo } from './records-ports';

type Deps = {
  uow: UnitOfWork<
    ActivityAppointmentRepos & {
      locations: LocationsRepo;
      clients: ClientsRepo;
      outbox: OutboxRepo;
      phoneCodes: PhoneCodesRepo;
    }
  >;
  clock: Clock;
  tokens: TokenCrypto;
};

/** POST /activity/{company_id}/{activity_id}/book body in domain names. */
export interface ActivityBookingRequest {
  fullname: string;
  phone: string;
  email?: string;
  code?: string;
  comment?: string;
  clientsCount?: number;
  apiId?: string | null;
  notifyBySms?: number;
  notifyByEmail?: number;
}

/**
 * A client books places in a group event online. Capacity is never exceeded, whatever the
 * concurrency (see `addAppointmentToActivity`); a full event answers `capacity_exceeded`.
 * Returns the appointment id and its hash (the client's capability to view or cancel it).
 */
export async function bookActivity(
  deps: Deps,
  locationId: number,
  activityId: number,
  request: ActivityBookingRequest,
): Promise<{ id: number; hash: string }> {
  const fullname = request.fullname.trim();
  if (fullname === '') throw new DomainError('name_required', 'fullname is required', 'fullname');
  const { hash, digest } = newRecordHash(deps.tokens);
  const now = deps.clock.now().getTime();
  return withCountedCodeTries(deps.uow, async (r) => {
    const location = await loadLocation(r, locationId);
    const activity = await r.activities.findActivity(locationId, activityId);
    if (!activity || activity.deletedAt) throw notFound('Event');
    if (activity.start <= now)
      throw new DomainError('not_allowed', 'The event has already started', 'activity_id');
    if (location.phoneConfirmation) {
      // 432 for a missing or wrong code (the try is still counted); a right code is spent with the booking.
      const refused = await spendPhoneCode(
        r,
        deps,
        normalizePhone(request.phone),
        request.code,
        location.id,
      );
      if (refused) return refused;
    }
    const clientId = await resolveClient(
      r,
      locationId,
      { phone: request.phone, name: fullname, ...(request.email ? { email: request.email } : {}) },
      'phone',
    );
    const appointment = await addAppointmentToActivity(r, activity, {
      clientId,
      clientsCount: request.clientsCount ?? 1,
      comment: request.comment ?? '',
      apiId: request.apiId ?? null,
      notifyBySms: request.notifyBySms ?? 0,
      notifyByEmail: request.notifyByEmail ?? 0,
      attendance: 0,
      customColor: '',
      source: 'online',
      createdUserId: null,
      hashDigest: digest,
    });
    const origin = { source: 'online' as const, userId: null };
    await r.outbox.addEvent(appointmentCreated(appointment, origin));
    await r.outbox.addEvent({
      locationId,
      type: 'activity.booked',
      aggregateId: activity.id,
      payload: {
        source: 'online',
        recordId: appointment.id,
        clientId,
        clientsCount: appointment.clientsCount,
      },
    });
    return { id: appointment.id, hash };
  });
}
