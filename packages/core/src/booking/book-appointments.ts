import type { TokenCrypto } from '../auth/tokens';
import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { normalizePhone } from '../shared/phone';
import { DomainError, invalid, notFound } from '../errors/domain-error';
import { spendPhoneCode, withCountedCodeTries } from '../identity/phone-code-check';
import type { PhoneCodesRepo } from '../identity/ports';
import type { Clock } from '../ports';
import { discountedCost } from '../pricing/discounted-cost';
import { isSlotBookable, planResources, type Interval } from '../scheduling';
import { localDate } from '../time/wire-format';
import { readStart } from './appointment-start';
import { loadAvailability, type AvailabilityRepos } from './availability';
import { claimIdempotencyKey } from './idempotency-key';
import type { AppointmentsRepo, IdempotencyRepo, OutboxRepo } from './ports';
import type { ClientsRepo } from './records-ports';
import type { AppointmentDraft, AppointmentStep } from './types';

export type BookingRepos = AvailabilityRepos & {
  locations: LocationsRepo;
  appointments: AppointmentsRepo;
  outbox: OutboxRepo;
  idempotency: IdempotencyRepo;
  clients: ClientsRepo;
  phoneCodes: PhoneCodesRepo;
};

export interface RequestedAppointment {
  id: number;
  serviceIds: number[];
  staffId: number;
  datetime: string;
}

export interface BookAppointmentsInput {
  locationId: number;
  phone: string | number;
  fullname: string;
  email?: string;
  /** The SMS code (`book_code`), needed where the location demands a confirmed phone. */
  code?: string | number;
  /**
   * The phone is already verified by the caller (a logged-in app client booking with the number
   * they logged in with by SMS code): no second code is asked for.
   */
  phoneVerified?: boolean;
  comment?: string;
  appointments: RequestedAppointment[];
  notifyBySms?: number;
  notifyByEmail?: number;
  apiId?: string | null;
  source: 'online' | 'api';
  idempotencyKey?: string;
}

export interface BookedAppointment {
  id: number;
  record_id: number;
  record_hash: string;
}

export interface BookAppointmentsDeps {
  uow: UnitOfWork<BookingRepos>;
  clock: Clock;
  tokens: TokenCrypto;
}

interface PlannedAppointment {
  request: RequestedAppointment;
  staffId: number;
  start: number;
  end: number;
  steps: AppointmentStep[];
  resources: { instanceId: number; interval: Interval }[];
  needsConfirmation: boolean;
}

/**
 * Plans every requested appointment against the live slot picture. Each must be bookable as the
 * slot engine says; appointments of one request may not overlap each other (437). The final word
 * on races belongs to the database's exclusion constraints at insert time.
 */
async function planAppointments(
  repos: BookingRepos,
  input: BookAppointmentsInput,
  timeZone: string,
  now: number,
) {
  if (input.appointments.length === 0)
    throw invalid('appointments', 'appointments must not be empty');
  const planned: PlannedAppointment[] = [];
  const heldByRequest = new Map<number, Interval[]>();
  for (const [index, request] of input.appointments.entries()) {
    const start = readStart(request.datetime, timeZone, `appointments.${index}.datetime`);
    if (request.serviceIds.length === 0)
      throw new DomainError(
        'service_unavailable',
        'No services set',
        `appointments.${index}.services`,
        { id: request.id },
      );
    const date = localDate(start, timeZone);
    const availability = await loadAvailability(repos, {
      locationId: input.locationId,
      timeZone,
      staffId: request.staffId,
      serviceIds: request.serviceIds,
      fromDate: date,
      toDate: date,
      now,
      online: true,
    });
    if (request.staffId && availability.candidates.length === 0)
      throw new DomainError(
        'service_unavailable',
        `Team member ${request.staffId} does not provide these services online`,
        `appointments.${index}.staff_id`,
        { id: request.id },
      );
    const query = availability.queryFor(date, heldByRequest);
    const staffId = availability.candidates
      .map((m) => m.id)
      .find((id) => isSlotBookable(query, id, start));
    if (staffId === undefined && heldByRequest.size > 0) {
      // Free but for this request's own earlier appointments: the client cannot be in two places.
      const alone = availability.queryFor(date);
      if (availability.candidates.some((m) => isSlotBookable(alone, m.id, start)))
        throw new DomainError(
          'overlap_in_request',
          `Appointment ${request.id} overlaps another one of this request`,
          `appointments.${index}.datetime`,
          { id: request.id },
        );
    }
    if (staffId === undefined) {
      if (request.staffId)
        throw new DomainError(
          'slot_taken',
          `Team member ${request.staffId} cannot be booked at ${request.datetime}`,
          `appointments.${index}.datetime`,
          { id: request.id },
        );
      throw new DomainError(
        'no_free_staff',
        `No team member is free at ${request.datetime}`,
        `appointments.${index}.datetime`,
        { id: request.id },
      );
    }
    const stepPlan = availability.stepsFor(staffId);
    const resources = planResources(stepPlan, start, query.resources);
    if (!resources)
      throw new DomainError(
        'slot_taken',
        'A needed resource is busy at this time',
        `appointments.${index}.datetime`,
        { id: request.id },
      );
    let cursor = start;
    const steps = stepPlan.map((step): AppointmentStep => {
      const service = availability.services.find((s) => s.id === step.serviceId)!;
      const price = service.staff.find((l) => l.staffId === staffId)?.price ?? service.priceMin;
      const begin = cursor;
      cursor += step.durationSeconds * 1000;
      const cost = discountedCost(price, service.discount);
      return {
        serviceId: step.serviceId,
        start: begin,
        end: cursor,
        firstCost: price,
        discount: service.discount,
        cost,
        amount: 1,
      };
    });
    const end = cursor;
    for (const other of planned)
      if (other.start < end && start < other.end)
        throw new DomainError(
          'overlap_in_request',
          `Appointments ${other.request.id} and ${request.id} overlap`,
          `appointments.${index}.datetime`,
          { id: request.id },
        );
    (heldByRequest.get(staffId) ?? heldByRequest.set(staffId, []).get(staffId)!).push({
      start,
      end,
    });
    planned.push({
      needsConfirmation: availability.settings.onlineNeedsConfirmation,
      request,
      staffId,
      start,
      end,
      steps,
      resources: resources.flatMap((r) =>
        r.instanceIds.map((instanceId) => ({ instanceId, interval: r.interval })),
      ),
    });
  }
  return planned;
}

/** `POST /book_check`: every rule of booking, nothing written. */
export async function checkAppointments(
  deps: BookAppointmentsDeps,
  input: BookAppointmentsInput,
): Promise<void> {
  await deps.uow(async (repos) => {
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    await planAppointments(repos, input, location.timezone, deps.clock.now().getTime());
  });
}

/** `POST /book_record`: the client's online booking, all appointments or none, once per Idempotency-Key. */
export async function bookAppointments(
  deps: BookAppointmentsDeps,
  input: BookAppointmentsInput,
): Promise<BookedAppointment[]> {
  return withCountedCodeTries(deps.uow, async (repos) => {
    const scope = `book_record:${input.locationId}`;
    const { idempotencyKey, ...request } = input;
    if (idempotencyKey) {
      const earlier = await claimIdempotencyKey(
        repos.idempotency,
        deps,
        scope,
        idempotencyKey,
        request,
      );
      if (earlier) return earlier.response as BookedAppointment[];
    }
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    const fullname = input.fullname.trim();
    if (!fullname) throw new DomainError('name_required', 'fullname is required', 'fullname');
    const phone = normalizePhone(input.phone);
    if (location.phoneConfirmation && !input.phoneVerified) {
      // 432 for a missing or wrong code (the try is still counted); a right code is spent with the booking.
      const refused = await spendPhoneCode(repos, deps, phone, input.code, location.id);
      if (refused) {
        // Only the counted try is written; the key stays free for the retry with the right code.
        if (idempotencyKey) await repos.idempotency.release(scope, idempotencyKey);
        return refused;
      }
    }
    const planned = await planAppointments(
      repos,
      input,
      location.timezone,
      deps.clock.now().getTime(),
    );
    const client = await repos.clients.findOrCreateClientByPhone(location.id, {
      phone,
      name: fullname,
      email: input.email ?? '',
    });
    if (client.blacklisted === true)
      throw new DomainError('blacklisted', 'This phone number cannot book online here', 'phone');

    const booked: BookedAppointment[] = [];
    for (const plan of planned) {
      const recordHash = deps.tokens.randomToken().slice(0, 32);
      const draft: AppointmentDraft = {
        locationId: location.id,
        staffId: plan.staffId,
        clientId: client.id,
        visitId: null,
        activityId: null,
        start: plan.start,
        end: plan.end,
        steps: plan.steps,
        resourceInstances: plan.resources,
        source: input.source,
        attendance: 0,
        confirmed: !plan.needsConfirmation,
        clientsCount: 1,
        comment: input.comment ?? '',
        apiId: input.apiId ?? null,
        hashDigest: deps.tokens.sha256(recordHash),
        notifyBySms: input.notifyBySms ?? 0,
        notifyByEmail: input.notifyByEmail ?? 0,
        masterRequested: plan.request.staffId !== 0,
        customColor: '',
        createdUserId: null,
      };
      const appointment = await repos.appointments.insertAppointment(draft);
      await repos.outbox.addEvent({
        locationId: location.id,
        type: 'appointment.created',
        aggregateId: appointment.id,
        payload: {
          source: input.source,
          staff_id: plan.staffId,
          client_id: client.id,
          start: new Date(plan.start).toISOString(),
        },
      });
      booked.push({ id: plan.request.id, record_id: appointment.id, record_hash: recordHash });
    }
    if (idempotencyKey) await repos.idempotency.complete(scope, idempotencyKey, 201, booked);
    return booked;
  });
}
