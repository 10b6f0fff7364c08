import type { UnitOfWork } from '../catalog/ports';
import type { TokenCrypto } from '../auth/tokens';
import { invalid } from '../errors/domain-error';
import { addAppointmentToActivity, type ActivityAppointmentRepos } from './activity-appointment';
import { appointmentCreated, type ChangeOrigin } from './appointment-events';
import {
  loadLocation,
  planAppointmentTime,
  resolveClient,
  type AppointmentRequest,
  type PlanRepos,
} from './appointment-plan';
import type { OutboxRepo } from './ports';
import type { AppointmentQueriesRepo, AppointmentView, ClientsRepo } from './records-ports';
import type { Appointment } from './types';

export type AppointmentWriteRepos = PlanRepos &
  ActivityAppointmentRepos & {
    clients: ClientsRepo;
    outbox: OutboxRepo;
    appointmentQueries: AppointmentQueriesRepo;
  };

export type AppointmentWriteDeps = { uow: UnitOfWork<AppointmentWriteRepos>; tokens: TokenCrypto };

/** A new random record hash; only its digest is stored. */
export function newRecordHash(tokens: TokenCrypto): { hash: string; digest: string } {
  const hash = tokens.randomToken();
  return { hash, digest: tokens.sha256(hash) };
}

/**
 * The back office books a client in (POST /records). Working hours are not enforced (staff may
 * book outside them), overlaps are: the database's exclusion constraints refuse a second
 * appointment on the same team member or resource instance (`slot_taken`). With `activityId`
 * the client joins that group event instead. One transaction: appointment, client, visit and
 * the `appointment.created` event are written together or not at all.
 */
export async function createAppointment(
  deps: AppointmentWriteDeps,
  locationId: number,
  request: AppointmentRequest,
  origin: ChangeOrigin,
): Promise<AppointmentView> {
  const { digest } = newRecordHash(deps.tokens);
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const clientId = await resolveClient(r, locationId, request.client);
    let appointment: Appointment;
    if (request.activityId) {
      const activity = await r.activities.findActivity(locationId, request.activityId);
      if (!activity || activity.deletedAt)
        throw invalid('activity_id', `activity_id ${request.activityId} is not an event here`);
      appointment = await addAppointmentToActivity(r, activity, {
        clientId,
        clientsCount: request.clientsCount ?? 1,
        comment: request.comment ?? '',
        apiId: request.apiId ?? null,
        notifyBySms: request.smsRemainHours ?? 0,
        notifyByEmail: request.emailRemainHours ?? 0,
        attendance: request.attendance ?? 0,
        customColor: request.customColor ?? '',
        source: origin.source,
        createdUserId: origin.userId,
        hashDigest: digest,
      });
    } else {
      const time = await planAppointmentTime(r, locationId, location.timezone, request);
      appointment = await r.appointments.insertAppointment({
        locationId,
        ...time,
        clientId,
        visitId: await r.visits.insertVisit(locationId, clientId),
        activityId: null,
        source: origin.source,
        attendance: request.attendance ?? 0,
        confirmed: true,
        clientsCount: 1,
        comment: request.comment ?? '',
        apiId: request.apiId ?? null,
        hashDigest: digest,
        notifyBySms: request.smsRemainHours ?? 0,
        notifyByEmail: request.emailRemainHours ?? 0,
        masterRequested: true,
        customColor: request.customColor ?? '',
        createdUserId: origin.userId,
      });
    }
    await r.outbox.addEvent(appointmentCreated(appointment, origin));
    return (await r.appointmentQueries.findAppointmentView(locationId, appointment.id))!;
  });
}
