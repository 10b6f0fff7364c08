import { invalid } from '../errors/domain-error';
import { readWireDateTime } from '../time/wire-format';

/**
 * The start of an appointment or group event from the wire, with one rule for every path that
 * books or moves one (book_record, POST /records, reschedules, group events): see
 * `readWireDateTime` — a repeated local hour is its earlier occurrence, a skipped one is a 422
 * naming the field.
 */
export function readStart(value: string, timeZone: string, field: string): number {
  const read = readWireDateTime(value, timeZone);
  if (read.ok) return read.instant;
  if (read.reason === 'skipped_local_time')
    throw invalid(
      field,
      `${field} "${value}" does not exist in ${timeZone}: the clocks skip it (daylight saving time); choose another time or send it with its UTC offset`,
    );
  throw invalid(field, `${field} must be ISO-8601 or "YYYY-MM-DD HH:mm:ss", got "${value}"`);
}
