import { Temporal } from 'temporal-polyfill';
import { PLACEHOLDERS, type Placeholder } from './catalog';

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholder names used in a template that are not known (empty: the template is fine). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
}

/**
 * Fills `{placeholder}`s; a placeholder without a value becomes empty, and the whitespace and
 * dangling separators that leaves behind are tidied, so "with {team_member}." never reads "with .".
 */
export function renderTemplate(
  template: string,
  values: Partial<Record<Placeholder, string>>,
): string {
  const valueOf = (name: string) => values[name as Placeholder] ?? '';
  return (
    template
      // "with {team_member}" without a team member goes as a whole.
      .replace(/\s+(with|for|at|on|by)\s+\{([a-z_]+)\}/g, (whole, _w, name: string) =>
        valueOf(name) ? whole : '',
      )
      .replace(PLACEHOLDER, (_, name: string) => valueOf(name))
      .replace(/:\s*(?=[.,;]|$)/g, '')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +([.,:;!?])/g, '$1')
      .trim()
  );
}

export interface ClientFormat {
  /** One of the app's date formats: DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD. */
  dateFormat: string;
  time24h: boolean;
}

/** An instant as the client reads it: the location's wall clock, the client's date and time format. */
export function formatForClient(
  at: number,
  timeZone: string,
  format: ClientFormat,
): { date: string; time: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = format.dateFormat
    .replace('YYYY', pad(local.year, 4))
    .replace('MM', pad(local.month))
    .replace('DD', pad(local.day));
  const time = format.time24h
    ? `${pad(local.hour)}:${pad(local.minute)}`
    : `${local.hour % 12 === 0 ? 12 : local.hour % 12}:${pad(local.minute)} ${local.hour < 12 ? 'AM' : 'PM'}`;
  return { date, time };
}
