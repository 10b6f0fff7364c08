import type { ServicesRepo } from '../catalog/ports';
import { DomainError, invalid } from '../errors/domain-error';
import type { AppointmentsRepo } from './ports';
import type { ActivitiesRepo, Activity, VisitsRepo } from './records-ports';
import type { Appointment, AppointmentSource, Attendance } from './types';

export type ActivityAppointmentRepos = {
  activities: ActivitiesRepo;
  services: ServicesRepo;
  appointments: AppointmentsRepo;
  visits: VisitsRepo;
};

export interface ActivityAppointmentInput {
  clientId: number | null;
  clientsCount: number;
  comment: string;
  apiId: string | null;
  notifyBySms: number;
  notifyByEmail: number;
  attendance: Attendance;
  customColor: string;
  source: AppointmentSource;
  createdUserId: number | null;
  hashDigest: string;
}

/**
 * Adds a client to a group event. The places are taken first, by a conditional UPDATE that
 * only succeeds while `booked_count + places <= capacity`: concurrent bookings queue on the
 * event's row and the last ones see it full, so the capacity holds under any race. The
 * appointment itself holds no team-member time: the event already does.
 */
export async function addAppointmentToActivity(
  r: ActivityAppointmentRepos,
  activity: Activity,
  input: ActivityAppointmentInput,
): Promise<Appointment> {
  if (!Number.isInteger(input.clientsCount) || input.clientsCount < 1)
    throw invalid('clients_count', 'clients_count must be a positive integer');
  const booked = await r.activities.reservePlaces(activity.id, input.clientsCount);
  if (booked === null)
    throw new DomainError(
      'capacity_exceeded',
      `The event has not enough free places for ${input.clientsCount} (capacity ${activity.capacity})`,
      'clients_count',
      { capacity: activity.capacity },
    );
  const [service] = await r.services.findServices(activity.locationId, {
    ids: [activity.serviceId],
  });
  const price =
    service?.staff.find((l) => l.staffId === activity.staffId)?.price ?? service?.priceMin ?? 0;
  const visitId = await r.visits.insertVisit(activity.locationId, input.clientId);
  return r.appointments.insertAppointment({
    locationId: activity.locationId,
    staffId: activity.staffId,
    clientId: input.clientId,
    visitId,
    activityId: activity.id,
    start: activity.start,
    end: activity.end,
    steps: [
      {
        serviceId: activity.serviceId,
        start: activity.start,
        end: activity.end,
        firstCost: price,
        discount: 0,
        cost: Math.round(price * input.clientsCount * 100) / 100,
        amount: input.clientsCount,
      },
    ],
    resourceInstances: [],
    source: input.source,
    attendance: input.attendance,
    confirmed: true,
    clientsCount: input.clientsCount,
    comment: input.comment,
    apiId: input.apiId,
    hashDigest: input.hashDigest,
    notifyBySms: input.notifyBySms,
    notifyByEmail: input.notifyByEmail,
    masterRequested: true,
    customColor: input.customColor,
    createdUserId: input.createdUserId,
  });
}
