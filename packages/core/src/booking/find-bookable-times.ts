import { Temporal } from 'temporal-polyfill';
import type { LocationsRepo } from '../catalog/ports';
import { invalid, notFound } from '../errors/domain-error';
import type { Clock } from '../ports';
import { findFreeSlots, hasFreeSlot } from '../scheduling';
import { isValidLocalDate } from '../time/wire-format';
import { datesBetween, loadAvailability, type AvailabilityRepos } from './availability';

export type ReadRepos = AvailabilityRepos & { locations: LocationsRepo };

export interface ReadDeps {
  /** Reads need no transaction; they see committed data. */
  read: <T>(fn: (repos: ReadRepos) => Promise<T>) => Promise<T>;
  clock: Clock;
}

export interface BookableTime {
  start: number;
  end: number;
  staffIds: number[];
  /** Total length of the chain of services, seconds, for the first listed member. */
  length: number;
}

async function locationOf(repos: ReadRepos, locationId: number) {
  const location = await repos.locations.findLocation(locationId);
  if (!location) throw notFound('Location');
  return location;
}

/** `book_times`: the free start times of one local date, for one member or anyone (staffId 0). */
export async function findBookableTimes(
  deps: ReadDeps,
  input: { locationId: number; staffId: number; date: string; serviceIds: number[] },
): Promise<{ timeZone: string; times: BookableTime[] }> {
  if (!isValidLocalDate(input.date)) throw invalid('date', 'date must be YYYY-MM-DD');
  return deps.read(async (repos) => {
    const availability = await loadAvailability(repos, {
      ...input,
      timeZone: locationOf(repos, input.locationId).then((l) => l.timezone),
      fromDate: input.date,
      toDate: input.date,
      now: deps.clock.now().getTime(),
      online: true,
    });
    const slots = findFreeSlots(availability.queryFor(input.date));
    return {
      timeZone: availability.timeZone,
      times: slots.map((s) => ({
        ...s,
        length: availability
          .stepsFor(s.staffIds[0]!)
          .reduce((sum, step) => sum + step.durationSeconds, 0),
      })),
    };
  });
}

const MAX_DATES = 366;

/** `book_dates`: the local dates with at least one free slot, and the dates anyone works. */
export async function findBookableDates(
  deps: ReadDeps,
  input: {
    locationId: number;
    staffId: number;
    serviceIds: number[];
    dateFrom: string;
    dateTo: string;
  },
): Promise<{ bookingDates: string[]; workingDates: string[] }> {
  if (!isValidLocalDate(input.dateFrom)) throw invalid('date_from', 'date_from must be YYYY-MM-DD');
  if (!isValidLocalDate(input.dateTo)) throw invalid('date_to', 'date_to must be YYYY-MM-DD');
  if (input.dateTo < input.dateFrom)
    throw invalid('date_to', 'date_to must not be before date_from');
  if (datesBetween(input.dateFrom, input.dateTo).length > MAX_DATES)
    throw invalid('date_to', `at most ${MAX_DATES} days at once`);
  return deps.read(async (repos) => {
    const availability = await loadAvailability(repos, {
      locationId: input.locationId,
      staffId: input.staffId,
      serviceIds: input.serviceIds,
      timeZone: locationOf(repos, input.locationId).then((l) => l.timezone),
      fromDate: input.dateFrom,
      toDate: input.dateTo,
      now: deps.clock.now().getTime(),
      online: true,
    });
    const bookingDates: string[] = [];
    const workingDates: string[] = [];
    for (const date of availability.dates()) {
      const query = availability.queryFor(date);
      if (query.staff.some((s) => s.working.length > 0)) workingDates.push(date);
      if (hasFreeSlot(query)) bookingDates.push(date);
    }
    return { bookingDates, workingDates };
  });
}

/** The widget asks with "any date of the wanted month": the whole month around `date`. */
export function monthAround(date: string): { from: string; to: string } {
  if (!isValidLocalDate(date)) throw invalid('date', 'date must be YYYY-MM-DD');
  const month = Temporal.PlainDate.from(date).toPlainYearMonth();
  return {
    from: month.toPlainDate({ day: 1 }).toString(),
    to: month.toPlainDate({ day: month.daysInMonth }).toString(),
  };
}
