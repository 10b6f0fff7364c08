import type { BookingSettingsRepo } from '../booking/ports';
import type { AppointmentQueriesRepo, AppointmentView } from '../booking/records-ports';
import type { BookingSettings } from '../booking/types';
import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import type { Location } from '../catalog/types';
import { notFound } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import {
  appointmentStatus,
  clientCancelRight,
  clientRescheduleRight,
  clientReviewRight,
  type ClientRight,
} from './client-change-rules';
import type {
  AppointmentStatus,
  ClientAppointmentRef,
  ClientAppointmentsRepo,
  ReviewTarget,
} from './ports';

/** One of the client's appointments with everything the cabinet shows and allows about it. */
export interface ClientAppointment {
  appointment: AppointmentView;
  location: Location;
  /** The location's online-booking rules the rights below were decided by. */
  settings: BookingSettings;
  status: AppointmentStatus;
  cancel: ClientRight;
  reschedule: ClientRight;
  review: Record<ReviewTarget, ClientRight>;
}

export interface CabinetRepos {
  clientAppointments: ClientAppointmentsRepo;
  appointmentQueries: AppointmentQueriesRepo;
  locations: LocationsRepo;
  bookingSettings: BookingSettingsRepo;
}

export interface CabinetDeps {
  uow: UnitOfWork<CabinetRepos>;
  clock: Clock;
}

const alreadyReviewed: ClientRight = {
  allowed: false,
  reason: 'already_reviewed',
  message: 'This appointment already has this review',
  until: null,
};

/** Views → cabinet appointments, loading each location and its settings once. */
export async function assembleClientAppointments(
  repos: CabinetRepos,
  ids: number[],
  now: number,
): Promise<ClientAppointment[]> {
  const appointments = await repos.appointmentQueries.findAppointmentViewsByIds(ids);
  const locationIds = [...new Set(appointments.map((a) => a.locationId))];
  const locations = new Map<number, Location>();
  const settings = new Map<number, BookingSettings>();
  if (locationIds.length > 0) {
    const found = await repos.locations.findLocations(
      { ids: locationIds },
      { page: 1, count: locationIds.length },
    );
    for (const l of found.items) locations.set(l.id, l);
    for (const id of locationIds)
      settings.set(id, await repos.bookingSettings.findBookingSettings(id));
  }
  const reviewed = await repos.clientAppointments.findReviewedTargets(ids);
  return appointments.flatMap((a) => {
    const location = locations.get(a.locationId);
    const rules = settings.get(a.locationId);
    if (!location || !rules) return [];
    const done = reviewed.get(a.id) ?? [];
    const reviewRight = clientReviewRight(a, now);
    return [
      {
        appointment: a,
        location,
        settings: rules,
        status: appointmentStatus(a, now),
        cancel: clientCancelRight(a, rules, now),
        reschedule: clientRescheduleRight(a, rules, now),
        review: {
          staff: done.includes('staff') ? alreadyReviewed : reviewRight,
          location: done.includes('location') ? alreadyReviewed : reviewRight,
        },
      },
    ];
  });
}

/** The client's appointment by id: 404 alike for an unknown id and for somebody else's. */
export async function findOwnAppointmentRef(
  repos: Pick<CabinetRepos, 'clientAppointments'>,
  user: AppUser,
  recordId: number,
): Promise<ClientAppointmentRef> {
  const ref = await repos.clientAppointments.findClientAppointmentRef(user.phone, recordId);
  if (!ref) throw notFound('Appointment');
  return ref;
}

export async function loadClientAppointment(
  repos: CabinetRepos,
  user: AppUser,
  recordId: number,
  now: number,
): Promise<ClientAppointment> {
  const ref = await findOwnAppointmentRef(repos, user, recordId);
  const [found] = await assembleClientAppointments(repos, [ref.id], now);
  if (!found) throw notFound('Appointment');
  return found;
}
