import { Temporal } from 'temporal-polyfill';
import type { Service, TeamMember } from '../catalog/types';
import type { ServicesRepo, TeamMembersRepo } from '../catalog/ports';
import { DomainError } from '../errors/domain-error';
import {
  localDayBounds,
  localSlotsToIntervals,
  type Interval,
  type ResourcePool,
  type ServiceStep,
  type SlotQuery,
  type StaffDay,
} from '../scheduling';
import type { BookingSettingsRepo, OccupancyRepo, SchedulesRepo } from './ports';
import type { BookingSettings, StaffScheduleDay } from './types';

export interface AvailabilityRepos {
  bookingSettings: BookingSettingsRepo;
  schedules: SchedulesRepo;
  occupancy: OccupancyRepo;
  services: ServicesRepo;
  teamMembers: TeamMembersRepo;
}

export interface AvailabilityRequest {
  locationId: number;
  /** The location's IANA zone, or the pending read of it (so it can overlap the other reads). */
  timeZone: string | Promise<string>;
  /** 0 = any team member who provides every requested service. */
  staffId: number;
  serviceIds: number[];
  fromDate: string;
  toDate: string;
  now: number;
  /** Online booking hides services and members not offered online; the back office sees all. */
  online: boolean;
}

/** Everything the slot engine needs for a date range, read once, sliced per date. */
export interface Availability {
  timeZone: string;
  settings: BookingSettings;
  services: Service[];
  candidates: TeamMember[];
  queryFor(date: string, extraBusy?: Map<number, Interval[]>): SlotQuery;
  stepsFor(staffId: number): ServiceStep[];
  dates(): string[];
}

const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export function datesBetween(fromDate: string, toDate: string): string[] {
  const out: string[] = [];
  let d = Temporal.PlainDate.from(fromDate);
  const end = Temporal.PlainDate.from(toDate);
  while (Temporal.PlainDate.compare(d, end) <= 0 && out.length <= MAX_RANGE_DAYS) {
    out.push(d.toString());
    d = d.add({ days: 1 });
  }
  return out;
}

/** The requested services, in request order; unknown or not-bookable ones are the contract's 438. */
async function loadServices(
  repos: AvailabilityRepos,
  req: AvailabilityRequest,
): Promise<Service[]> {
  if (req.serviceIds.length === 0) return [];
  const found = await repos.services.findServices(req.locationId, {
    ids: [...new Set(req.serviceIds)],
    ...(req.online ? { onlineOnly: true } : {}),
  });
  const byId = new Map(found.map((s) => [s.id, s]));
  return req.serviceIds.map((id) => {
    const service = byId.get(id);
    if (!service)
      throw new DomainError(
        'service_unavailable',
        `Service ${id} is not available for booking`,
        'service_ids',
        { service_id: id },
      );
    return service;
  });
}

function provides(member: TeamMember, services: Service[]): boolean {
  return services.every((s) => s.staff.some((link) => link.staffId === member.id));
}

/**
 * The intervals overlapping `window`, from a list sorted by start (as the repository returns
 * them): a binary search finds the first candidate instead of scanning months of appointments.
 */
function overlapping(sorted: Interval[], window: Interval, longest: number): Interval[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < window.start - longest) lo = mid + 1;
    else hi = mid;
  }
  const out: Interval[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < window.end; i++)
    if (sorted[i]!.end > window.start) out.push(sorted[i]!);
  return out;
}

export async function loadAvailability(
  repos: AvailabilityRepos,
  req: AvailabilityRequest,
): Promise<Availability> {
  // Independent reads go out together: on PostgreSQL they run on separate pool connections.
  // When one member is asked for, their schedules and busy time need no other answer first, so
  // they join the first wave, read over a window wide enough for any UTC offset (±14 h).
  const wideFrom = Date.parse(`${req.fromDate}T00:00:00Z`) - DAY_MS;
  const wideTo = Date.parse(`${req.toDate}T00:00:00Z`) + 2 * DAY_MS;
  const early = req.staffId ? [req.staffId] : null;
  const [timeZone, settings, services, members, earlySchedules, earlyBusy] = await Promise.all([
    req.timeZone,
    repos.bookingSettings.findBookingSettings(req.locationId),
    loadServices(repos, req),
    repos.teamMembers.findTeamMembers(req.locationId, {
      ...(req.staffId ? { ids: [req.staffId] } : {}),
      ...(req.online ? { onlyBookable: true, onlyVisible: true } : {}),
    }),
    early ? repos.schedules.findStaffSchedules(early, req.fromDate, req.toDate) : null,
    early ? repos.occupancy.findStaffBusyTimes(early, wideFrom, wideTo) : null,
  ]);
  const candidates = members.filter((m) => !m.fired && provides(m, services));

  const from = localDayBounds(req.fromDate, timeZone).start;
  const to = localDayBounds(req.toDate, timeZone).end;
  const staffIds = candidates.map((m) => m.id);
  const resourceIds = [...new Set(services.flatMap((s) => s.resourceIds))];
  const [schedules, busyOf, pools] = await Promise.all([
    earlySchedules ??
      (staffIds.length
        ? repos.schedules.findStaffSchedules(staffIds, req.fromDate, req.toDate)
        : Promise.resolve([])),
    earlyBusy ?? repos.occupancy.findStaffBusyTimes(staffIds, from, to),
    repos.occupancy.findResourcePools(resourceIds, from, to),
  ]);

  const scheduleOf = new Map<string, StaffScheduleDay>(
    schedules.map((d) => [`${d.staffId}|${d.date}`, d]),
  );

  const stepsFor = (staffId: number): ServiceStep[] =>
    services.length === 0
      ? [{ serviceId: 0, durationSeconds: settings.slotStepMinutes * 60, resourceIds: [] }]
      : services.map((s) => ({
          serviceId: s.id,
          durationSeconds:
            s.staff.find((l) => l.staffId === staffId)?.durationSeconds ?? s.durationSeconds,
          resourceIds: s.resourceIds,
        }));

  // Most members share a few schedule patterns: converting each (date, pattern) once keeps the
  // time-zone arithmetic off the per-member path (it dominates a 90-day book_dates otherwise).
  const workingCache = new Map<string, Interval[]>();
  const workingOf = (date: string, slots: StaffScheduleDay['slots']): Interval[] => {
    if (slots.length === 0) return [];
    const key = `${date}|${slots.map((s) => `${s.from}-${s.to}`).join(',')}`;
    let intervals = workingCache.get(key);
    if (!intervals)
      workingCache.set(key, (intervals = localSlotsToIntervals(date, slots, timeZone)));
    return intervals;
  };

  // The longest busy interval bounds how far before a window an overlapping one can start.
  let longest = 0;
  for (const list of busyOf.values())
    for (const b of list) longest = Math.max(longest, b.end - b.start);
  for (const p of pools)
    for (const i of p.instances)
      for (const b of i.busy) longest = Math.max(longest, b.end - b.start);

  const queryFor = (date: string, extraBusy?: Map<number, Interval[]>): SlotQuery => {
    const day = localDayBounds(date, timeZone);
    // Chains of services can run past midnight, so busy time is read with a day of margin.
    const window = { start: day.start - 86_400_000, end: day.end + 86_400_000 };
    const staff: StaffDay[] = candidates.map((m) => ({
      staffId: m.id,
      working: workingOf(date, scheduleOf.get(`${m.id}|${date}`)?.slots ?? []),
      busy: [
        ...overlapping(busyOf.get(m.id) ?? [], window, longest),
        ...(extraBusy?.get(m.id) ?? []),
      ],
      steps: stepsFor(m.id),
    }));
    const resources: ResourcePool[] = pools.map((p) => ({
      resourceId: p.resourceId,
      instances: p.instances.map((i) => ({
        instanceId: i.instanceId,
        busy: overlapping(i.busy, window, longest),
      })),
    }));
    return {
      date,
      timeZone: timeZone,
      now: req.now,
      stepMinutes: settings.slotStepMinutes,
      minNoticeSeconds: settings.minNoticeMinutes * 60,
      horizonEnd: req.now + settings.horizonDays * 86_400_000,
      staff,
      resources,
    };
  };

  return {
    timeZone,
    settings,
    services,
    candidates,
    queryFor,
    stepsFor,
    dates: () => datesBetween(req.fromDate, req.toDate),
  };
}
