/**
 * Calendar dates and wall times of a location. The API speaks the location's wall time
 * (`date: "YYYY-MM-DD HH:mm:ss"`, schedule slots `HH:MM`), so placing things on the grid
 * needs no zone arithmetic; only "today" and "now" are read in the location's IANA zone.
 */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Minutes since local midnight, now, in the zone. */
export function nowMinutesIn(timeZone: string, now = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  const d = asUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the date's week. */
export function weekStart(date: string): string {
  const weekday = (asUtc(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function formatDay(date: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
  }).format(asUtc(date));
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** `"2026-12-01 10:30:00"` → `{date: "2026-12-01", minutes: 630}`. */
export function splitLocal(local: string): { date: string; minutes: number } {
  return { date: local.slice(0, 10), minutes: minutesOf(local.slice(11, 16)) };
}

export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "30 Nov – 6 Dec 2026". */
export function formatRange(from: string, to: string): string {
  const f = (date: string, withYear: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    }).format(asUtc(date));
  return `${f(from, from.slice(0, 4) !== to.slice(0, 4))} – ${f(to, true)}`;
}

/** The zone's UTC offset at an instant, as `+01:00`. */
export function offsetIn(timeZone: string, at: Date): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** The last second of a local date in the zone, as ISO 8601 with the offset in force then. */
export function endOfDayIn(date: string, timeZone: string): string {
  const guess = new Date(`${date}T23:59:59Z`);
  return `${date}T23:59:59${offsetIn(timeZone, guess)}`;
}
