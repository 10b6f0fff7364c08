import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import type { Page, Paged } from '../catalog/types';
import { loadLocation } from '../catalog/load-location';
import { DomainError } from '../errors/domain-error';
import type { Clock } from '../ports';
import { parseWireDateTime } from '../time/wire-format';
import type { ClientCondition, ClientOrderBy, ClientsBaseRepo, NumberRange } from './ports';
import { parseClientFilters } from './search-filters';
import type { ClientProfile } from './types';

type Deps = {
  uow: UnitOfWork<{ locations: LocationsRepo; clientsBase: ClientsBaseRepo }>;
  clock: Clock;
};

/** POST /company/{id}/clients/search, after the schema checked the shapes of the scalars. */
export interface ClientSearchRequest {
  page: Page;
  orderBy?: ClientOrderBy;
  direction?: 'ASC' | 'DESC';
  operation?: 'AND' | 'OR';
  /** The contract's `filters`, read here (a bad one is a 400 naming `filters`). */
  filters?: unknown;
}

export function searchClients(
  deps: Deps,
  locationId: number,
  request: ClientSearchRequest,
): Promise<Paged<ClientProfile>> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    const conditions = parseClientFilters(request.filters, location.timezone);
    return r.clientsBase.searchClients(
      locationId,
      {
        conditions,
        operation: request.operation ?? 'AND',
        orderBy: request.orderBy ?? 'id',
        direction: request.direction ?? 'ASC',
      },
      request.page,
      deps.clock.now().getTime(),
    );
  });
}

/** The deprecated GET /clients/{id} filters; texts match as substrings. */
export interface ClientListQuery {
  fullname?: string;
  phone?: string;
  email?: string;
  card?: string;
  paidMin?: number;
  paidMax?: number;
  ids?: number[];
  changedAfter?: string;
  changedBefore?: string;
}

const badQuery = (field: string, message: string) => new DomainError('bad_request', message, field);

function instant(value: string, field: string, timeZone: string): number {
  const at = parseWireDateTime(value, timeZone);
  if (at === null) throw badQuery(field, `${field} must be an ISO-8601 date-time`);
  return at;
}

function listConditions(q: ClientListQuery, timeZone: string): ClientCondition[] {
  const out: ClientCondition[] = [];
  const text = (field: 'name' | 'email' | 'card', value: string | undefined) => {
    if (value?.trim()) out.push({ kind: 'text', field, value: value.trim() });
  };
  text('name', q.fullname);
  text('email', q.email);
  text('card', q.card);
  if (q.phone?.trim()) {
    if (!/\d/.test(q.phone)) throw badQuery('phone', 'phone must contain digits');
    out.push({ kind: 'text', field: 'phone', value: q.phone });
  }
  if (q.paidMin !== undefined || q.paidMax !== undefined) {
    const range: NumberRange = {};
    if (q.paidMin !== undefined) range.from = q.paidMin;
    if (q.paidMax !== undefined) range.to = q.paidMax;
    out.push({ kind: 'spent', range });
  }
  if (q.ids?.length) out.push({ kind: 'ids', ids: q.ids });
  if (q.changedAfter || q.changedBefore) {
    const range: NumberRange = {};
    if (q.changedAfter) range.from = instant(q.changedAfter, 'changed_after', timeZone);
    if (q.changedBefore) range.to = instant(q.changedBefore, 'changed_before', timeZone);
    out.push({ kind: 'changed', range });
  }
  return out;
}

/** GET /clients/{id} (deprecated): full client cards by id, all filters combined with AND. */
export function listClients(
  deps: Deps,
  locationId: number,
  query: ClientListQuery,
  page: Page,
): Promise<Paged<ClientProfile>> {
  return deps.uow(async (r) => {
    const location = await loadLocation(r, locationId);
    return r.clientsBase.searchClients(
      locationId,
      {
        conditions: listConditions(query, location.timezone),
        operation: 'AND',
        orderBy: 'id',
        direction: 'ASC',
      },
      page,
      deps.clock.now().getTime(),
    );
  });
}
