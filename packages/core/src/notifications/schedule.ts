import { Temporal } from 'temporal-polyfill';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When the scheduled types are due. Visit-relative times are plain offsets of instants (a
 * reminder 24 h before is 24 real hours); birthdays follow the location's wall clock.
 */
export const reminderAt = (start: number, hoursBefore: number) => start - hoursBefore * HOUR;
export const repeatInvitationAt = (end: number, daysAfter: number) => end + daysAfter * DAY;
export const reviewRequestAt = (end: number, hoursAfter: number) => end + hoursAfter * HOUR;
export const discountExpiringAt = (expiresAt: number, daysBefore: number) =>
  expiresAt - daysBefore * DAY;

/** A reminder planned for a time already past is not sent (the visit is too close or over). */
export const isStillUseful = (sendAt: number, subjectAt: number, now: number) =>
  now < subjectAt && sendAt < subjectAt;

/**
 * Whether a client born on `birthDate` (YYYY-MM-DD) has their birthday today at the location,
 * and it is at or past the send hour there. 29 February birthdays are greeted on 28 February in
 * common years.
 */
export function birthdayGreetingDue(
  birthDate: string,
  now: number,
  timeZone: string,
  sendHour: number,
): { due: boolean; localDate: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone);
  const [, m, d] = birthDate.split('-').map(Number);
  const leap = Temporal.PlainDate.from({ year: local.year, month: 1, day: 1 }).inLeapYear;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  const isToday = local.month === m && local.day === day;
  return { due: isToday && local.hour >= sendHour, localDate: local.toPlainDate().toString() };
}

/** The next full hour after `now` (birthday scans run hourly). */
export const nextHour = (now: number) => Math.floor(now / HOUR) * HOUR + HOUR;
