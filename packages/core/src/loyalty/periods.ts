import { Temporal } from 'temporal-polyfill';
import type { CertificateType, PeriodUnit } from './types';

const UNIT: Record<PeriodUnit, 'days' | 'weeks' | 'months' | 'years'> = {
  1: 'days',
  2: 'weeks',
  3: 'months',
  4: 'years',
};

export const DAY_MS = 86_400_000;

/**
 * `from` plus a period on the location's wall clock: a month-long membership sold at 18:00 on
 * 31 January ends at 18:00 on 28/29 February, and a DST change in between does not shift it.
 */
export function addPeriod(
  from: number,
  amount: number,
  unit: PeriodUnit,
  timeZone: string,
): number {
  const start = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone);
  return start.add({ [UNIT[unit]]: amount }).epochMilliseconds;
}

/** When a certificate of this type sold at `soldAt` stops being valid; null = never. */
export function certificateExpiry(
  type: Pick<CertificateType, 'expiration'>,
  soldAt: number,
  timeZone: string,
): number | null {
  const e = type.expiration;
  if (e.typeId === 1) return e.date;
  if (e.typeId === 2 && e.timeout && e.timeoutUnitId)
    return addPeriod(soldAt, e.timeout, e.timeoutUnitId, timeZone);
  return null;
}

/** The app's 🔥: an instrument that stops being valid within this many days. */
export const EXPIRING_SOON_DAYS = 14;

export function isExpiringSoon(expiresAt: number | null, now: number): boolean {
  return expiresAt !== null && expiresAt > now && expiresAt - now <= EXPIRING_SOON_DAYS * DAY_MS;
}
