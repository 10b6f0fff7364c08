import type { LocationsRepo, ServicesRepo, TeamMembersRepo } from '../catalog/ports';
import type { Service } from '../catalog/types';
import { normalizePhone } from '../shared/phone';
import { DomainError, invalid } from '../errors/domain-error';
import { planResources, type Interval, type ResourcePool, type ServiceStep } from '../scheduling';
import { discountedCost } from '../pricing/discounted-cost';
import { readStart } from './appointment-start';
import type { OccupancyRepo } from './ports';
import type { ClientContact, ClientsRepo } from './records-ports';
import type { AppointmentStep, Attendance } from './types';

/** What the back office asks for (POST/PUT /records): the wire body, in domain names. */
export interface AppointmentRequest {
  staffId?: number | null;
  services: { id: number; firstCost?: number; discount?: number; cost?: number }[];
  client?: { phone: string; name?: string; surname?: string; email?: string } | null;
  datetime?: string | null;
  /** Seconds; when absent, the sum of the team member's durations of the services. */
  seanceLength?: number | null;
  comment?: string;
  attendance?: Attendance;
  apiId?: string | null;
  customColor?: string;
  smsRemainHours?: number;
  emailRemainHours?: number;
  /** A group event to add the client to (then staff, services and time come from the event). */
  activityId?: number | null;
  clientsCount?: number;
}

export type PlanRepos = {
  locations: LocationsRepo;
  teamMembers: TeamMembersRepo;
  services: ServicesRepo;
  occupancy: OccupancyRepo;
};

export interface PlannedTime {
  staffId: number;
  start: number;
  end: number;
  steps: AppointmentStep[];
  resourceInstances: { instanceId: number; interval: Interval }[];
}

export { loadLocation } from '../catalog/load-location';

/** A live, not fired team member of the location, or a 422 naming `field`. */
export async function checkTeamMember(
  r: { teamMembers: TeamMembersRepo },
  locationId: number,
  staffId: number | null | undefined,
  field = 'staff_id',
): Promise<number> {
  if (!staffId) throw invalid(field, `${field} is required`);
  const member = await r.teamMembers.findTeamMember(locationId, staffId);
  if (!member) throw invalid(field, `${field} ${staffId} is not a team member of this location`);
  if (member.fired) throw invalid(field, `team member ${staffId} is fired`);
  return staffId;
}

export function parseStart(datetime: string | null | undefined, timeZone: string): number {
  if (!datetime) throw invalid('datetime', 'datetime is required');
  return readStart(datetime, timeZone, 'datetime');
}

/** Price of one service line: what was sent wins, else the member's price, else the service's. */
function priceLine(
  service: Service,
  staffPrice: number | null,
  line: AppointmentRequest['services'][number],
  index: number,
) {
  const discount = line.discount ?? 0;
  if (discount < 0 || discount > 100)
    throw invalid(`services.${index}.discount`, 'discount is a percentage from 0 to 100');
  const firstCost = line.firstCost ?? staffPrice ?? service.priceMin;
  const cost = line.cost ?? discountedCost(firstCost, discount);
  return { firstCost, discount, cost };
}

/**
 * Turns the requested team member, services and start into the appointment's steps and
 * resource instances. Steps run back to back; a `seance_length` shorter or longer than the
 * services' sum cuts or stretches them so the appointment ends exactly when it says.
 * `ownResources` are the appointment's current rooms (an update must not collide with itself).
 */
export async function planAppointmentTime(
  r: PlanRepos,
  locationId: number,
  timeZone: string,
  request: AppointmentRequest,
  ownResources: { instanceId: number; interval: Interval }[] = [],
): Promise<PlannedTime> {
  const staffId = await checkTeamMember(r, locationId, request.staffId);
  const start = parseStart(request.datetime, timeZone);
  if (request.services.length === 0 && !request.seanceLength)
    throw invalid('services', 'at least one service (or a seance_length) is required');
  if (request.seanceLength != null && !(request.seanceLength > 0))
    throw invalid('seance_length', 'seance_length must be a positive number of seconds');

  const ids = [...new Set(request.services.map((s) => s.id))];
  const found = ids.length ? await r.services.findServices(locationId, { ids }) : [];
  const lines = request.services.map((line, index) => {
    const service = found.find((s) => s.id === line.id);
    if (!service)
      throw invalid(`services.${index}.id`, `service ${line.id} is not a service of this location`);
    const link = service.staff.find((l) => l.staffId === staffId);
    if (!link)
      throw invalid(
        `services.${index}.id`,
        `team member ${staffId} does not provide service ${line.id}`,
      );
    return {
      service,
      seconds: link.durationSeconds ?? service.durationSeconds,
      ...priceLine(service, link.price, line, index),
    };
  });

  const natural = lines.reduce((sum, l) => sum + l.seconds, 0);
  const end = start + (request.seanceLength ?? natural) * 1000;
  let cursor = start;
  const steps: AppointmentStep[] = lines.map((line, index) => {
    const stepStart = Math.min(cursor, end);
    cursor += line.seconds * 1000;
    const stepEnd = index === lines.length - 1 ? end : Math.min(cursor, end);
    return {
      serviceId: line.service.id,
      start: stepStart,
      end: stepEnd,
      firstCost: line.firstCost,
      discount: line.discount,
      cost: line.cost,
      amount: 1,
    };
  });

  const resourceInstances = await planStepResources(r, steps, lines, start, ownResources);
  return { staffId, start, end, steps, resourceInstances };
}

async function planStepResources(
  r: PlanRepos,
  steps: AppointmentStep[],
  lines: { service: Service }[],
  start: number,
  ownResources: { instanceId: number; interval: Interval }[],
): Promise<PlannedTime['resourceInstances']> {
  const resourceIds = [...new Set(lines.flatMap((l) => l.service.resourceIds))];
  if (resourceIds.length === 0 || steps.length === 0) return [];
  const end = steps[steps.length - 1]!.end;
  const pools = withoutOwn(
    await r.occupancy.findResourcePools(resourceIds, start, end),
    ownResources,
  );
  const serviceSteps: ServiceStep[] = steps.map((step, i) => ({
    serviceId: step.serviceId,
    durationSeconds: (step.end - step.start) / 1000,
    // A service cut to nothing by a short seance_length needs no room.
    resourceIds: step.end > step.start ? lines[i]!.service.resourceIds : [],
  }));
  const plan = planResources(serviceSteps, start, pools);
  if (!plan)
    throw new DomainError(
      'slot_taken',
      'No instance of a resource the services need is free at this time',
      'datetime',
    );
  return plan.flatMap((step) =>
    step.instanceIds.map((instanceId) => ({ instanceId, interval: step.interval })),
  );
}

function withoutOwn(
  pools: ResourcePool[],
  own: { instanceId: number; interval: Interval }[],
): ResourcePool[] {
  if (own.length === 0) return pools;
  return pools.map((pool) => ({
    ...pool,
    instances: pool.instances.map((instance) => ({
      ...instance,
      busy: instance.busy.filter(
        (b) =>
          !own.some(
            (o) =>
              o.instanceId === instance.instanceId &&
              o.interval.start === b.start &&
              o.interval.end === b.end,
          ),
      ),
    })),
  }));
}

/** Finds or creates the client by phone; the B2B forms name the nested field `client.phone`. */
export async function resolveClient(
  r: { clients: ClientsRepo },
  locationId: number,
  client: AppointmentRequest['client'],
  phoneField = 'client.phone',
): Promise<number | null> {
  if (!client) return null;
  let phone: string;
  try {
    phone = normalizePhone(client.phone, undefined, phoneField);
  } catch (error) {
    if (error instanceof DomainError && phoneField.includes('.'))
      throw invalid(phoneField, error.message);
    throw error;
  }
  const contact: ClientContact = { phone };
  if (client.name !== undefined) contact.name = client.name.trim();
  if (client.surname !== undefined) contact.surname = client.surname.trim();
  if (client.email !== undefined) contact.email = client.email.trim();
  return (await r.clients.findOrCreateClientByPhone(locationId, contact)).id;
}
