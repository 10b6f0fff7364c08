import { DomainError } from '../errors/domain-error';
import { localDayBounds } from '../scheduling';
import { isValidLocalDate } from '../time/wire-format';
import type { ClientCondition, NumberRange } from './ports';
import type { ImportanceId, SexId } from './types';

/**
 * Reads the contract's `filters: [{type, state}]` of POST /company/{id}/clients/search. Any
 * malformed or unsupported filter is a 400 naming `filters` (the contract's "Недопустимое
 * значение фильтра"), so a typo never silently widens a search. Dates are the location's.
 */
export function parseClientFilters(raw: unknown, timeZone: string): ClientCondition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw bad('filters', 'must be an array');
  if (raw.length > 50) throw bad('filters', 'at most 50 filters');
  const out: ClientCondition[] = [];
  raw.forEach((item, i) => {
    const at = `filters[${i}]`;
    const filter = object(item, at);
    if (typeof filter.type !== 'string') throw bad(`${at}.type`, 'must be a string');
    const parsed = parseFilter(
      filter.type,
      object(filter.state ?? {}, `${at}.state`),
      at,
      timeZone,
    );
    if (parsed) out.push(parsed);
  });
  return out;
}

function parseFilter(
  type: string,
  state: Record<string, unknown>,
  at: string,
  timeZone: string,
): ClientCondition | null {
  const path = `${at}.state`;
  switch (type) {
    case 'id':
      return { kind: 'ids', ids: ids(state.value, `${path}.value`) };
    case 'quick_search': {
      if (typeof state.value !== 'string' && typeof state.value !== 'number')
        throw bad(`${path}.value`, 'must be a string');
      const value = String(state.value).trim();
      if (value.length > 200) throw bad(`${path}.value`, 'at most 200 characters');
      // An empty search box finds everyone: the condition is left out.
      return value ? { kind: 'text', field: 'any', value } : null;
    }
    case 'has_mobile_app':
      return { kind: 'hasApp', value: flag(state.value, `${path}.value`) };
    case 'sold_amount':
      return { kind: 'spent', range: numberRange(state, path) };
    case 'importance':
      return {
        kind: 'importance',
        values: smallInts(state.value, `${path}.value`, 3) as ImportanceId[],
      };
    case 'gender':
      return { kind: 'sex', values: smallInts(state.value, `${path}.value`, 2) as SexId[] };
    case 'category':
      return { kind: 'categories', ids: ids(state.value, `${path}.value`) };
    case 'birthday':
      return birthday(state, path);
    case 'record':
      return recordFilter(state, path, timeZone);
    case 'client': {
      const conditions: ClientCondition[] = [];
      if (state.id !== undefined)
        conditions.push({
          kind: 'ids',
          ids: ids(object(state.id, `${path}.id`).value, `${path}.id.value`),
        });
      if (state.birthday !== undefined)
        conditions.push(birthday(object(state.birthday, `${path}.birthday`), `${path}.birthday`));
      return conditions.length ? { kind: 'all', conditions } : null;
    }
    default:
      throw bad(`${at}.type`, `"${type}" is not a supported filter type`);
  }
}

function recordFilter(
  state: Record<string, unknown>,
  path: string,
  timeZone: string,
): ClientCondition {
  const list = (key: string) => {
    if (state[key] === undefined) return undefined;
    return ids(object(state[key], `${path}.${key}`).value, `${path}.${key}.value`);
  };
  const condition: Extract<ClientCondition, { kind: 'records' }> = {
    kind: 'records',
    count: { from: 1 },
  };
  const staffIds = list('staff');
  const serviceIds = list('service');
  const serviceCategoryIds = list('service_category');
  if (staffIds) condition.staffIds = staffIds;
  if (serviceIds) condition.serviceIds = serviceIds;
  if (serviceCategoryIds) condition.serviceCategoryIds = serviceCategoryIds;
  if (state.status !== undefined) {
    const status = object(state.status, `${path}.status`).value;
    const values = integers(status, `${path}.status.value`);
    if (values.some((v) => v < -1 || v > 2))
      throw bad(
        `${path}.status.value`,
        'statuses are -1 (no-show), 0, 1 (arrived) or 2 (confirmed)',
      );
    condition.attendance = values;
  }
  for (const key of ['created', 'start'] as const)
    if (state[key] !== undefined)
      condition[key] = dayRange(object(state[key], `${path}.${key}`), `${path}.${key}`, timeZone);
  if (state.records_count !== undefined) {
    const count = numberRange(
      object(state.records_count, `${path}.records_count`),
      `${path}.records_count`,
    );
    if (![count.from, count.to].every((v) => v === undefined || Number.isSafeInteger(v)))
      throw bad(`${path}.records_count`, 'must be whole numbers');
    condition.count = count;
  }
  if (state.sold_amount !== undefined)
    condition.sold = numberRange(
      object(state.sold_amount, `${path}.sold_amount`),
      `${path}.sold_amount`,
    );
  return condition;
}

const bad = (field: string, message: string) =>
  new DomainError('bad_request', `Invalid filter value: ${field} ${message}`, 'filters');

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(field, 'must be an object');
  return value as Record<string, unknown>;
}

function integers(value: unknown, field: string): number[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > 1000) throw bad(field, 'must list 1 to 1000 values');
  return list.map((v) => {
    const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad(field, 'must be integers');
    return n;
  });
}

function ids(value: unknown, field: string): number[] {
  const list = integers(value, field);
  if (list.some((v) => v < 1 || v > 2147483647)) throw bad(field, 'ids must be 1 to 2147483647');
  return list;
}

function smallInts(value: unknown, field: string, max: number): number[] {
  const list = integers(value, field);
  if (list.some((v) => v < 0 || v > max)) throw bad(field, `values must be 0 to ${max}`);
  return list;
}

function flag(value: unknown, field: string): boolean {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  throw bad(field, 'must be true or false');
}

function numberRange(state: Record<string, unknown>, path: string): NumberRange {
  const range: NumberRange = {};
  for (const key of ['from', 'to'] as const) {
    const v = state[key];
    if (v === undefined || v === null || v === '') continue;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw bad(`${path}.${key}`, 'must be a number');
    range[key] = n;
  }
  if (range.from !== undefined && range.to !== undefined && range.from > range.to)
    throw bad(path, 'from must not be after to');
  return range;
}

function date(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isValidLocalDate(value))
    throw bad(field, 'must be a date "YYYY-MM-DD"');
  return value;
}

/** Local dates, both included → [start of `from`, end of `to`) in the location's zone. */
function dayRange(state: Record<string, unknown>, path: string, timeZone: string): NumberRange {
  const range: NumberRange = {};
  if (state.from != null && state.from !== '')
    range.from = localDayBounds(date(state.from, `${path}.from`), timeZone).start;
  if (state.to != null && state.to !== '')
    range.to = localDayBounds(date(state.to, `${path}.to`), timeZone).end;
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to)
    throw bad(path, 'from must not be after to');
  return range;
}

/** Birthdays recur: only month and day count, so 12-20…01-10 spans the new year. */
function birthday(state: Record<string, unknown>, path: string): ClientCondition {
  const from = date(state.from, `${path}.from`).slice(5);
  const to = date(state.to, `${path}.to`).slice(5);
  return { kind: 'birthday', from, to };
}
