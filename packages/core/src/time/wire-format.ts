import { Temporal } from 'temporal-polyfill';

/**
 * Wire formats of the Altegio contract, always rendered in the location's zone.
 *
 * Rendering goes through the zone's UTC offset at that instant; the offset is looked up with
 * Temporal once per zone and quarter hour (every real transition falls on a quarter hour) and
 * the fields are then read off a shifted Date, which keeps slot lists cheap to render.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, number>();

function offsetMs(instantMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instantMs / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const zdt = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(timeZone);
    offset = zdt.offsetNanoseconds / 1e6;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface LocalParts {
  date: string;
  time: string;
  seconds: string;
  offset: string;
}

function localParts(instantMs: number, timeZone: string): LocalParts {
  const offset = offsetMs(instantMs, timeZone);
  const local = new Date(instantMs + offset);
  const year = local.getUTCFullYear();
  const yyyy = year >= 0 && year < 10000 ? String(year).padStart(4, '0') : String(year);
  const abs = Math.abs(offset) / 60_000;
  return {
    date: `${yyyy}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    seconds: pad(local.getUTCSeconds()),
    offset: `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}

/** `2026-09-21T23:00:00+03:00` */
export function isoWithOffset(instantMs: number, timeZone: string): string {
  const p = localParts(instantMs, timeZone);
  return `${p.date}T${p.time}:${p.seconds}${p.offset}`;
}

/** `2026-09-21T23:00:00+0300` (the contract's create_date / last_change_date form) */
export function isoWithCompactOffset(instantMs: number, timeZone: string): string {
  const p = localParts(instantMs, timeZone);
  return `${p.date}T${p.time}:${p.seconds}${p.offset.replace(':', '')}`;
}

/** `2026-09-21 23:00:00` (local, no zone: the record's `date`) */
export function localDateTime(instantMs: number, timeZone: string): string {
  const p = localParts(instantMs, timeZone);
  return `${p.date} ${p.time}:${p.seconds}`;
}

/** `2026-09-21` */
export function localDate(instantMs: number, timeZone: string): string {
  return localParts(instantMs, timeZone).date;
}

/** `23:00` */
export function localTime(instantMs: number, timeZone: string): string {
  return localParts(instantMs, timeZone).time;
}

/** Current UTC offset in hours (5.5 for Asia/Kolkata), the contract's numeric `timezone`. */
export function utcOffsetHours(instantMs: number, timeZone: string): number {
  return offsetMs(instantMs, timeZone) / 3_600_000;
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

export type WireDateTime =
  { ok: true; instant: number } | { ok: false; reason: 'not_a_datetime' | 'skipped_local_time' };

/**
 * Reads a datetime that starts something (an appointment, a group event) strictly: a local
 * time repeated by a fall-back change means its first (earlier) occurrence, like the slot list
 * shows first; a local time skipped by a spring-forward change does not exist and is refused
 * rather than silently moved. With an explicit offset the instant is exact.
 */
export function readWireDateTime(value: string, timeZone: string): WireDateTime {
  const text = value.trim();
  if (/[zZ]$|[+-]\d\d:?\d\d$/.test(text)) {
    const instant = parseWireDateTime(text, timeZone);
    return instant === null ? { ok: false, reason: 'not_a_datetime' } : { ok: true, instant };
  }
  try {
    const local = Temporal.PlainDateTime.from(text.replace(' ', 'T'));
    const zoned = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
    if (!zoned.toPlainDateTime().equals(local)) return { ok: false, reason: 'skipped_local_time' };
    return { ok: true, instant: zoned.epochMilliseconds };
  } catch {
    return { ok: false, reason: 'not_a_datetime' };
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
