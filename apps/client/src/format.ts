/**
 * Dates and times as the client chose to see them (profile `date_format`, `time_24h`), in the
 * app's language. Appointment dates and times arrive already local to the location
 * (`YYYY-MM-DD`, `HH:MM`), so nothing here converts zones: it only writes them out.
 */
export type DateFormat = 'DD.MM.YYYY' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD';
export const DATE_FORMATS: DateFormat[] = ['DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'];

export interface FormatPrefs {
  locale: string;
  dateFormat: DateFormat;
  time24h: boolean;
}

const parts = (date: string) => {
  const [y = '', m = '', d = ''] = date.slice(0, 10).split('-');
  return { y, m, d };
};

/** `2026-12-01` → `01.12.2026` / `01/12/2026` / `12/01/2026` / `2026-12-01`. */
export function formatDate(date: string, format: DateFormat): string {
  const { y, m, d } = parts(date);
  switch (format) {
    case 'DD.MM.YYYY':
      return `${d}.${m}.${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
  }
}

/** A calendar date as a UTC midnight, so Intl never shifts it by the device's zone. */
const utcDate = (date: string) => {
  const { y, m, d } = parts(date);
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
};

/** `HH:MM` → `14:30` or `2:30 PM` (in the language's way of writing 12-hour time). */
export function formatTime(time: string, prefs: Pick<FormatPrefs, 'locale' | 'time24h'>): string {
  const [h = 0, min = 0] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(prefs.locale, {
    // 24-hour clocks read 09:00; 12-hour ones 9:00 AM.
    hour: prefs.time24h ? '2-digit' : 'numeric',
    minute: '2-digit',
    hourCycle: prefs.time24h ? 'h23' : 'h12',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, h, min)));
}

/** `Tue` / `mar` / `вт`: the short weekday of a calendar date in the app's language. */
export function weekday(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    utcDate(date),
  );
}

/** `December 2026` / `diciembre de 2026` / `декабрь 2026 г.`: a month heading. */
export function monthTitle(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(date));
}

/** The weekday and the date in the chosen format: `Tue, 01.12.2026`. */
export function formatDay(date: string, prefs: FormatPrefs): string {
  return `${weekday(date, prefs.locale)}, ${formatDate(date, prefs.dateFormat)}`;
}

/** An appointment's moment: `Tue, 01.12.2026 · 14:30`. */
export function formatWhen(date: string, time: string, prefs: FormatPrefs): string {
  return `${formatDay(date, prefs)} · ${formatTime(time, prefs)}`;
}

/** A price in the location's currency; unknown currency codes fall back to the number + code. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency || 'EUR',
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`.trim();
  }
}

/** Length in seconds as `1 h 30 min` in the app's language. */
export function formatLength(seconds: number, locale: string): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (h && m) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  return h ? unit(h, 'hour') : unit(m, 'minute');
}

/** A span such as `3 months` / `3 meses` / `3 месяца` in the app's language. */
export function formatPeriod(
  amount: number,
  unit: 'day' | 'week' | 'month' | 'year',
  locale: string,
): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/** The local calendar dates of the 7 × n grid a month picker shows, Monday first. */
export function monthGrid(month: string): (string | null)[] {
  const { y, m } = parts(month);
  const first = new Date(Date.UTC(Number(y), Number(m) - 1, 1));
  const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${y}-${m}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}

/** `2026-12` + n months → `2027-02-01`. */
export function addMonths(date: string, n: number): string {
  const { y, m } = parts(date);
  const at = new Date(Date.UTC(Number(y), Number(m) - 1 + n, 1));
  return at.toISOString().slice(0, 10);
}
