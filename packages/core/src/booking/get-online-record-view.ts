import { loadLocation } from '../catalog/load-location';
import type { LocationsRepo, ServicesRepo, TeamMembersRepo } from '../catalog/ports';
import type { Location, Service, TeamMember } from '../catalog/types';
import type { UnitOfWork } from '../ports';
import type { BookingSettingsRepo } from './ports';
import type { Appointment, BookingSettings } from './types';

/** What the online-booking record view shows besides the appointment itself. */
export interface OnlineRecordView {
  location: Location;
  member: TeamMember | null;
  services: Service[];
  settings: BookingSettings;
}

type ViewRepos = {
  locations: LocationsRepo;
  teamMembers: TeamMembersRepo;
  services: ServicesRepo;
  bookingSettings: BookingSettingsRepo;
};

/** Reads the location, team member and services of an appointment, for a presenter without I/O. */
export function getOnlineRecordView(
  deps: { uow: UnitOfWork<ViewRepos> },
  input: { locationId: number; appointment: Appointment },
): Promise<OnlineRecordView> {
  return deps.uow(async (repos) => {
    const location = await loadLocation(repos, input.locationId);
    const [member, services, settings] = await Promise.all([
      repos.teamMembers.findTeamMember(location.id, input.appointment.staffId),
      repos.services.findServices(location.id, {
        ids: input.appointment.steps.map((s) => s.serviceId),
      }),
      repos.bookingSettings.findBookingSettings(location.id),
    ]);
    return { location, member, services, settings };
  });
}
