import { Temporal } from 'temporal-polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isoWithCompactOffset,
  isoWithOffset,
  localDate,
  localDateTime,
  localTime,
  parseWireDateTime,
  readWireDateTime,
  utcOffsetHours,
} from '../../src/time/wire-format';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];

describe('wire formats', () => {
  it('render the local wall time with the offset in force at that instant', () => {
    expect(isoWithOffset(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
    expect(isoWithOffset(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-05:00',
    );
    expect(isoWithCompactOffset(Date.parse('2026-06-01T03:30:00Z'), 'Asia/Kolkata')).toBe(
      '2026-06-01T09:00:00+0530',
    );
    expect(localDateTime(Date.parse('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe(
      '2027-01-01 00:30:00',
    );
    expect(localDate(Date.parse('2026-12-31T23:30:00Z'), 'America/New_York')).toBe('2026-12-31');
    // Lord Howe falls back 30 minutes at 02:00 local: 01:30 happens twice.
    expect(localTime(Date.parse('2026-04-04T14:30:00Z'), 'Australia/Lord_Howe')).toBe('01:30');
    expect(isoWithOffset(Date.parse('2026-04-04T15:00:00Z'), 'Australia/Lord_Howe')).toBe(
      '2026-04-05T01:30:00+10:30',
    );
    expect(utcOffsetHours(Date.parse('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5);
  });

  it('agree with Temporal for any instant in the supported zones (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') }),
        fc.constantFrom(...ZONES),
        (ms, tz) => {
          const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz);
          const expected = `${z.toPlainDate().toString()}T${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}:${String(z.second).padStart(2, '0')}${z.offset}`;
          expect(isoWithOffset(ms, tz)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parse ISO with offset as an instant and local forms in the zone', () => {
    expect(parseWireDateTime('2026-12-01T09:00:00+01:00', 'Asia/Kolkata')).toBe(
      Date.parse('2026-12-01T08:00:00Z'),
    );
    expect(parseWireDateTime('2026-12-01 09:00:00', 'Europe/Berlin')).toBe(
      Date.parse('2026-12-01T08:00:00Z'),
    );
    expect(parseWireDateTime('2026-12-01T09:00:00+0530', 'UTC')).toBe(
      Date.parse('2026-12-01T03:30:00Z'),
    );
    expect(parseWireDateTime('not a date', 'UTC')).toBeNull();
  });

  it('read a start strictly: repeated hour → earlier instant, skipped hour → refused', () => {
    expect(readWireDateTime('2026-11-01 01:30:00', 'America/New_York')).toEqual({
      ok: true,
      instant: Date.parse('2026-11-01T05:30:00Z'),
    });
    expect(readWireDateTime('2026-03-29 02:30:00', 'Europe/Berlin')).toEqual({
      ok: false,
      reason: 'skipped_local_time',
    });
    expect(readWireDateTime('2026-03-29T02:30:00+01:00', 'Europe/Berlin')).toEqual({
      ok: true,
      instant: Date.parse('2026-03-29T01:30:00Z'),
    });
    expect(readWireDateTime('2026-03-29 03:00:00', 'Europe/Berlin')).toEqual({
      ok: true,
      instant: Date.parse('2026-03-29T01:00:00Z'),
    });
    expect(readWireDateTime('2026-02-30 10:00', 'UTC')).toEqual({
      ok: false,
      reason: 'not_a_datetime',
    });
  });
});
