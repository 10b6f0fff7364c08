import type { LocationsRepo, ServicesRepo, TeamMembersRepo, UnitOfWork } from '../catalog/ports';
import { invalid } from '../errors/domain-error';
import { readStart } from './appointment-start';
import type { ChangeOrigin } from './appointment-events';
import { checkTeamMember, loadLocation } from './appointment-plan';
import type { OutboxRepo } from './ports';
import type { ActivitiesRepo, Activity, ActivityDraft, ActivityView } from './records-ports';
import type { DomainEvent } from './types';

/** POST/PUT /activity body in domain names. */
export interface ActivityRequest {
  date: string;
  serviceId: number;
  staffId: number;
  capacity: number;
  /** Seconds; when absent, the team member's duration of the service. */
  length?: number | null;
  comment?: string;
}

export type ActivityRepos = {
  locations: LocationsRepo;
  teamMembers: TeamMembersRepo;
  services: ServicesRepo;
  activities: ActivitiesRepo;
  outbox: OutboxRepo;
};

export type ActivityDeps = { uow: UnitOfWork<ActivityRepos> };

export function parseActivityStart(value: string, timeZone: string, field = 'date'): number {
  return readStart(value, timeZone, field);
}

/** Checks the team member and service of the location and lays the event out in time. */
export async function planActivity(
  r: ActivityRepos,
  locationId: number,
  request: ActivityRequest,
): Promise<ActivityDraft> {
  const location = await loadLocation(r, locationId);
  const staffId = await checkTeamMember(r, locationId, request.staffId);
  const [service] = await r.services.findServices(locationId, { ids: [request.serviceId] });
  if (!service)
    throw invalid(
      'service_id',
      `service_id ${request.serviceId} is not a service of this location`,
    );
  const link = service.staff.find((l) => l.staffId === staffId);
  if (!link)
    throw invalid('service_id', `team member ${staffId} does not provide service ${service.id}`);
  if (!Number.isInteger(request.capacity) || request.capacity < 1)
    throw invalid('capacity', 'capacity must be a positive integer');
  if (request.length != null && !(request.length > 0))
    throw invalid('length', 'length must be a positive number of seconds');
  const start = parseActivityStart(request.date, location.timezone);
  const seconds = request.length ?? link.durationSeconds ?? service.durationSeconds;
  return {
    locationId,
    serviceId: service.id,
    staffId,
    start,
    end: start + seconds * 1000,
    capacity: request.capacity,
    comment: request.comment ?? '',
  };
}

export function activityEvent(
  type: 'activity.created' | 'activity.updated' | 'activity.deleted',
  activity: Activity,
  origin: ChangeOrigin,
): DomainEvent {
  return {
    locationId: activity.locationId,
    type,
    aggregateId: activity.id,
    payload: {
      source: origin.source,
      userId: origin.userId,
      staffId: activity.staffId,
      serviceId: activity.serviceId,
      start: new Date(activity.start).toISOString(),
      end: new Date(activity.end).toISOString(),
      capacity: activity.capacity,
      bookedCount: activity.bookedCount,
    },
  };
}

/**
 * POST /activity: a group event. Its team member's time is held like an appointment's, so an
 * event never overlaps that member's appointments or other events (`slot_taken` otherwise).
 */
export async function createActivity(
  deps: ActivityDeps,
  locationId: number,
  request: ActivityRequest,
  origin: ChangeOrigin,
): Promise<ActivityView> {
  return deps.uow(async (r) => {
    const activity = await r.activities.insertActivity(await planActivity(r, locationId, request));
    await r.outbox.addEvent(activityEvent('activity.created', activity, origin));
    return (await r.activities.findActivityView(locationId, activity.id))!;
  });
}
