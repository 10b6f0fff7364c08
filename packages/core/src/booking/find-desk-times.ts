import { notFound, invalid } from '../errors/domain-error';
import { findFreeSlots } from '../scheduling';
import { isValidLocalDate } from '../time/wire-format';
import { loadAvailability } from './availability';
import type { BookableTime, ReadRepos } from './find-bookable-times';
import { withoutOwnTime } from './own-time';
import type { AppointmentsRepo } from './ports';
import type { Clock } from '../ports';

type DeskTimeDeps = {
  read: <T>(
    fn: (
      repos: ReadRepos & { appointments: Pick<AppointmentsRepo, 'findAppointment'> },
    ) => Promise<T>,
  ) => Promise<T>;
  clock: Clock;
};

/**
 * Free start times for the front desk (the back office's calendar): the same slot engine as
 * online booking, but over every service and team member (not only those offered online), and
 * without the online notice and horizon, so a walk-in can be booked for right now. Times
 * already passed are still left out. With `movingRecordId` the times are those that appointment
 * can move to: its own time counts as free (a move by 15 minutes overlaps where it was).
 */
export async function findDeskTimes(
  deps: DeskTimeDeps,
  input: {
    locationId: number;
    staffId: number;
    date: string;
    serviceIds: number[];
    movingRecordId?: number;
  },
): Promise<{ timeZone: string; times: BookableTime[] }> {
  if (!isValidLocalDate(input.date)) throw invalid('date', 'date must be YYYY-MM-DD');
  return deps.read(async (repos) => {
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    const availability = await loadAvailability(repos, {
      ...input,
      timeZone: location.timezone,
      fromDate: input.date,
      toDate: input.date,
      now: deps.clock.now().getTime(),
      online: false,
    });
    const moving =
      input.movingRecordId === undefined
        ? null
        : await repos.appointments.findAppointment(input.locationId, input.movingRecordId);
    if (input.movingRecordId !== undefined && !moving) throw notFound('Appointment');
    const day = { ...availability.queryFor(input.date), minNoticeSeconds: 0, horizonEnd: null };
    const query = moving ? withoutOwnTime(day, moving) : day;
    return {
      timeZone: availability.timeZone,
      times: findFreeSlots(query).map((s) => ({
        ...s,
        length: availability
          .stepsFor(s.staffIds[0]!)
          .reduce((sum, step) => sum + step.durationSeconds, 0),
      })),
    };
  });
}
