import type { ClientCondition, ClientOrderBy, NumberRange } from '@visita/core';

/**
 * SQL for the clients search, over `clients c` and the per-client statistics `st`
 * (visits, first_visit, last_visit, sold). Every value travels as a parameter.
 */
export interface SqlBuilder {
  params: unknown[];
  /** Set once a condition reads `st`, so a count can leave the statistics out otherwise. */
  usesStats: boolean;
  add(value: unknown): string;
}

export function sqlBuilder(initial: unknown[] = []): SqlBuilder {
  const builder: SqlBuilder = {
    params: [...initial],
    usesStats: false,
    add(value) {
      builder.params.push(value);
      return `$${builder.params.length}`;
    },
  };
  return builder;
}

/** Past, live, not no-show appointments before `asOfParam`: what `visits` and `spent` count. */
export const statsJoin = (asOfParam: string) => `
  LEFT JOIN LATERAL (
    SELECT count(DISTINCT r.id)::int AS visits, min(r.starts_at) AS first_visit,
           max(r.starts_at) AS last_visit, coalesce(sum(rs.cost), 0) AS sold
      FROM records r LEFT JOIN record_services rs ON rs.record_id = r.id
     WHERE r.client_id = c.id AND r.deleted_at IS NULL AND r.attendance <> -1
       AND r.starts_at < ${asOfParam}
  ) st ON true`;

const SPENT = '(c.opening_spent + coalesce(st.sold, 0))';

export const ORDER_SQL: Record<ClientOrderBy, string> = {
  id: 'c.id',
  name: 'c.name',
  phone: 'c.phone',
  email: 'c.email',
  discount: 'c.discount',
  first_visit_date: 'st.first_visit',
  last_visit_date: 'st.last_visit',
  sold_amount: SPENT,
  visits_count: 'coalesce(st.visits, 0)',
};

/** `%text%` for LIKE, with the pattern characters of the text taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
const digitsOf = (text: string) => text.replace(/\D/g, '');
const FULL_NAME = "concat_ws(' ', c.name, c.surname, c.patronymic)";

type Bounds = { from?: unknown; to?: unknown };

function range(expr: string, r: Bounds, b: SqlBuilder, toInclusive = true): string[] {
  const parts: string[] = [];
  if (r.from !== undefined) parts.push(`${expr} >= ${b.add(r.from)}`);
  if (r.to !== undefined) parts.push(`${expr} ${toInclusive ? '<=' : '<'} ${b.add(r.to)}`);
  return parts;
}

/** Epoch-ms bounds as timestamps (both drivers send a Date as timestamptz). */
const asDates = (r: NumberRange): Bounds => ({
  from: r.from === undefined ? undefined : new Date(r.from),
  to: r.to === undefined ? undefined : new Date(r.to),
});

const all = (parts: string[]) => (parts.length ? `(${parts.join(' AND ')})` : 'true');

function textCondition(c: Extract<ClientCondition, { kind: 'text' }>, b: SqlBuilder): string {
  const digits = digitsOf(c.value);
  switch (c.field) {
    case 'name':
      return `${FULL_NAME} ILIKE ${b.add(contains(c.value))}`;
    case 'email':
      return `c.email ILIKE ${b.add(contains(c.value))}`;
    case 'card':
      return `c.card ILIKE ${b.add(contains(c.value))}`;
    case 'phone':
      return `c.phone LIKE ${b.add(contains(digits))}`;
    case 'any': {
      const text = b.add(contains(c.value));
      const parts = [`${FULL_NAME} ILIKE ${text}`, `c.email ILIKE ${text}`];
      // Only a phone-looking value searches phones: "Anna 2" must not match every "2" in a number.
      if (/^[\d\s()+-]+$/.test(c.value) && digits.length >= 3)
        parts.push(`c.phone LIKE ${b.add(contains(digits))}`);
      return `(${parts.join(' OR ')})`;
    }
  }
}

function recordsCondition(c: Extract<ClientCondition, { kind: 'records' }>, b: SqlBuilder): string {
  const where = ['r.client_id = c.id', 'r.location_id = c.location_id', 'r.deleted_at IS NULL'];
  if (c.staffIds) where.push(`r.staff_id = ANY(${b.add(c.staffIds)}::int[])`);
  if (c.attendance) where.push(`r.attendance = ANY(${b.add(c.attendance)}::int[])`);
  if (c.serviceIds)
    where.push(`EXISTS (SELECT 1 FROM record_services x WHERE x.record_id = r.id
                         AND x.service_id = ANY(${b.add(c.serviceIds)}::int[]))`);
  if (c.serviceCategoryIds)
    where.push(`EXISTS (SELECT 1 FROM record_services x JOIN services s ON s.id = x.service_id
                         WHERE x.record_id = r.id
                           AND s.category_id = ANY(${b.add(c.serviceCategoryIds)}::int[]))`);
  if (c.created) where.push(...range('r.created_at', asDates(c.created), b, false));
  if (c.start) where.push(...range('r.starts_at', asDates(c.start), b, false));
  const matching = where.join(' AND ');
  const parts = range(`(SELECT count(*) FROM records r WHERE ${matching})`, c.count, b);
  if (c.sold)
    parts.push(
      ...range(
        `(SELECT coalesce(sum(rs.cost), 0) FROM records r
            JOIN record_services rs ON rs.record_id = r.id WHERE ${matching})`,
        c.sold,
        b,
      ),
    );
  return all(parts);
}

export function conditionSql(c: ClientCondition, b: SqlBuilder): string {
  switch (c.kind) {
    case 'ids':
      return `c.id = ANY(${b.add(c.ids)}::int[])`;
    case 'text':
      return textCondition(c, b);
    case 'hasApp':
      return `c.has_app = ${b.add(c.value)}`;
    case 'spent':
      b.usesStats = true;
      return all(range(SPENT, c.range, b));
    case 'importance':
      return `c.importance_id = ANY(${b.add(c.values)}::int[])`;
    case 'sex':
      return `c.sex_id = ANY(${b.add(c.values)}::int[])`;
    case 'categories':
      return `EXISTS (SELECT 1 FROM client_category_links l JOIN client_categories k ON k.id = l.category_id
                       WHERE l.client_id = c.id AND k.deleted_at IS NULL
                         AND l.category_id = ANY(${b.add(c.ids)}::int[]))`;
    case 'birthday': {
      const day = "to_char(c.birth_date, 'MM-DD')";
      const from = b.add(c.from);
      const to = b.add(c.to);
      return c.from <= c.to
        ? `(${day} >= ${from} AND ${day} <= ${to})`
        : `(${day} >= ${from} OR ${day} <= ${to})`;
    }
    case 'changed':
      return all(range('c.updated_at', asDates(c.range), b));
    case 'records':
      return recordsCondition(c, b);
    case 'all':
      return all(c.conditions.map((inner) => conditionSql(inner, b)));
  }
}
