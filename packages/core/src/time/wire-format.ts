import { Temporal } from 'temporal-polyfill';

/** Wire formats of the Altegio contract, always rendered in the location's zone. */
function zoned(instantMs: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-09-21T23:00:00+03:00` */
export function isoWithOffset(instantMs: number, timeZone: string): string {
  const z = zoned(instantMs, timeZone);
  return `${localDate(instantMs, timeZone)}T${pad(z.hour)}:${pad(z.minute)}:${pad(z.second)}${z.offset}`;
}

/** `2026-09-21T23:00:00+0300` (the contract's create_date / last_change_date form) */
export function isoWithCompactOffset(instantMs: number, timeZone: string): string {
  const iso = isoWithOffset(instantMs, timeZone);
  return iso.slice(0, -6) + iso.slice(-6).replace(':', '');
}

/** `2026-09-21 23:00:00` (local, no zone: the record's `date`) */
export function localDateTime(instantMs: number, timeZone: string): string {
  const z = zoned(instantMs, timeZone);
  return `${localDate(instantMs, timeZone)} ${pad(z.hour)}:${pad(z.minute)}:${pad(z.second)}`;
}

/** `2026-09-21` */
export function localDate(instantMs: number, timeZone: string): string {
  return zoned(instantMs, timeZone).toPlainDate().toString();
}

/** `23:00` */
export function localTime(instantMs: number, timeZone: string): string {
  const z = zoned(instantMs, timeZone);
  return `${pad(z.hour)}:${pad(z.minute)}`;
}

/** Current UTC offset in hours (5.5 for Asia/Kolkata), the contract's numeric `timezone`. */
export function utcOffsetHours(instantMs: number, timeZone: string): number {
  return zoned(instantMs, timeZone).offsetNanoseconds / 3.6e12;
}

/**
 * Reads the contract's datetime inputs: ISO with an offset (an instant), or a local
 * `YYYY-MM-DD HH:mm[:ss]` / `YYYY-MM-DDTHH:mm` without one, taken in the location's zone.
 * Returns null when it is neither.
 */
export function parseWireDateTime(value: string, timeZone: string): number | null {
  const text = value.trim();
  try {
    if (/[zZ]$|[+-]\d\d:?\d\d$/.test(text)) {
      const normalized = text.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
      return Temporal.Instant.from(normalized).epochMilliseconds;
    }
    const local = Temporal.PlainDateTime.from(text.replace(' ', 'T'));
    return local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  } catch {
    return null;
  }
}

export function isValidLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}
