import { Temporal } from 'temporal-polyfill';
import { invalid } from '../errors/domain-error';

/** Rules live in the location's IANA zone, so an unknown or fixed-offset-only name is refused. */
export function assertIanaTimeZone(value: string, field = 'timezone'): string {
  try {
    const id = Temporal.ZonedDateTime.from({
      timeZone: value,
      year: 2000,
      month: 1,
      day: 1,
    }).timeZoneId;
    if (/^[+-]\d/.test(id)) throw new Error('offset');
    return id;
  } catch {
    throw invalid(field, `"${value}" is not an IANA time zone name (e.g. Europe/Berlin)`);
  }
}
