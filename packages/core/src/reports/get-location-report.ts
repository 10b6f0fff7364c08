import type { LocationsRepo } from '../catalog/ports';
import { invalid, notFound } from '../errors/domain-error';
import { isValidLocalDate } from '../time/wire-format';

/** One local day of a location's report. */
export interface ReportDay {
  date: string;
  appointments: number;
  /** Services' cost of the day's appointments that are not cancelled and not no-shows. */
  revenue: number;
  /** Clients whose first appointment at the location is on this day. */
  newClients: number;
  returningClients: number;
  clients: number;
  clientsWithApp: number;
}

export interface ReportTotals {
  appointments: number;
  revenue: number;
  /** Distinct clients of the period (a client counted once however often they came). */
  clients: number;
  newClients: number;
  returningClients: number;
  clientsWithApp: number;
  /** The whole clients base of the location, for adoption: cards, and cards of app users. */
  baseClients: number;
  baseClientsWithApp: number;
}

export interface ReportsRepo {
  /** Days from `from` to `to` (local dates in `timeZone`, both included), every day present. */
  findReportDays(
    locationId: number,
    timeZone: string,
    from: string,
    to: string,
  ): Promise<ReportDay[]>;
  findReportTotals(
    locationId: number,
    timeZone: string,
    from: string,
    to: string,
  ): Promise<ReportTotals>;
}

export interface LocationReport {
  from: string;
  to: string;
  timeZone: string;
  days: ReportDay[];
  totals: ReportTotals;
}

const MAX_DAYS = 366;

/** The dashboard's numbers over a period of local dates, read in the location's zone. */
export async function getLocationReport(
  deps: {
    read: <T>(
      fn: (repos: { reports: ReportsRepo; locations: LocationsRepo }) => Promise<T>,
    ) => Promise<T>;
  },
  input: { locationId: number; from: string; to: string },
): Promise<LocationReport> {
  if (!isValidLocalDate(input.from)) throw invalid('from', 'from must be YYYY-MM-DD');
  if (!isValidLocalDate(input.to)) throw invalid('to', 'to must be YYYY-MM-DD');
  if (input.to < input.from) throw invalid('to', 'to must not be before from');
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 + 1;
  if (days > MAX_DAYS) throw invalid('to', `at most ${MAX_DAYS} days at once`);
  return deps.read(async (repos) => {
    const location = await repos.locations.findLocation(input.locationId);
    if (!location) throw notFound('Location');
    const [reportDays, totals] = await Promise.all([
      repos.reports.findReportDays(input.locationId, location.timezone, input.from, input.to),
      repos.reports.findReportTotals(input.locationId, location.timezone, input.from, input.to),
    ]);
    return {
      from: input.from,
      to: input.to,
      timeZone: location.timezone,
      days: reportDays,
      totals,
    };
  });
}
