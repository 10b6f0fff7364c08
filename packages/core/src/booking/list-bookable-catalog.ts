import type { Service, ServiceCategory, TeamMember } from '../catalog/types';
import { notFound } from '../errors/domain-error';
import { findFreeSlots, type FreeSlot } from '../scheduling';
import { localDate } from '../time/wire-format';
import { loadAvailability } from './availability';
import type { ReadDeps } from './find-bookable-times';

/** `book_services`: what can be booked online, optionally only what this member provides. */
export async function listBookableServices(
  deps: ReadDeps,
  input: { locationId: number; staffId: number },
): Promise<{ services: Service[]; categories: ServiceCategory[] }> {
  return deps.read(async (repos) => {
    if (!(await repos.locations.findLocation(input.locationId))) throw notFound('Location');
    const services = await repos.services.findServices(input.locationId, {
      onlineOnly: true,
      ...(input.staffId ? { staffId: input.staffId } : {}),
    });
    const categoryIds = [
      ...new Set(services.map((s) => s.categoryId).filter((id): id is number => id !== null)),
    ];
    const categories = categoryIds.length
      ? await repos.services.findServiceCategories(input.locationId, categoryIds)
      : [];
    return { services, categories };
  });
}

export interface BookableMember {
  member: TeamMember;
  /** The first local date (from `date` on, within a week) with free slots, and those slots. */
  seanceDate: string | null;
  seances: FreeSlot[];
}

/** `book_staff` / `book_staff_seances`: members who provide the services, with their nearest free day. */
export async function listBookableStaff(
  deps: ReadDeps,
  input: {
    locationId: number;
    staffId: number;
    serviceIds: number[];
    from?: number;
    withSeances: boolean;
  },
): Promise<{ timeZone: string; members: BookableMember[] }> {
  return deps.read(async (repos) => {
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    const now = deps.clock.now().getTime();
    const fromDate = localDate(Math.max(input.from ?? now, now), location.timezone);
    const toDate = localDate(Math.max(input.from ?? now, now) + 6 * 86_400_000, location.timezone);
    const availability = await loadAvailability(repos, {
      locationId: input.locationId,
      staffId: input.staffId,
      serviceIds: input.serviceIds,
      timeZone: location.timezone,
      fromDate,
      toDate,
      now,
      online: true,
    });
    const members = availability.candidates.map((member): BookableMember => ({
      member,
      seanceDate: null,
      seances: [],
    }));
    if (input.withSeances) {
      for (const date of availability.dates()) {
        const slots = findFreeSlots(availability.queryFor(date));
        for (const entry of members) {
          if (entry.seanceDate) continue;
          const own = slots.filter((s) => s.staffIds.includes(entry.member.id));
          if (own.length) {
            entry.seanceDate = date;
            entry.seances = own;
          }
        }
        if (members.every((m) => m.seanceDate)) break;
      }
    }
    return { timeZone: location.timezone, members };
  });
}
