import Type from 'typebox';

/**
 * The shared vocabulary of request schemas. Every body, query and path field of every contract
 * is built from these, so that a value PostgreSQL would refuse (an int4 overflow, a NUL byte,
 * the year 99999, a numeric overflow) is a 400/422 naming the field instead of a 500, and the
 * OpenAPI document states the limits. Ranges that need the domain (a date that exists, a range
 * of at most 366 days, a slot on the grid) stay rules in `@visita/core`.
 */

/** PostgreSQL `integer` (int4): every id and every stored count. */
export const INT4_MAX = 2147483647;
/** `numeric(12, 2)`: the largest amount of money a column holds. */
export const MONEY_MAX = 9999999999.99;
/** Longest E.164 number, as digits. */
const PHONE_DIGITS_MAX = 999999999999999;

/** No NUL byte (PostgreSQL text cannot hold U+0000). Any other character is fine. */
export const TEXT_PATTERN = '^[^\\u0000]*$';
/** `YYYY-MM-DD`, years 1000–9999; whether the day exists is checked by the domain. */
export const DATE_PATTERN = '^[1-9]\\d{3}-\\d{2}-\\d{2}$';
/**
 * ISO-8601 with an offset (`2026-12-01T09:00:00+01:00`, `…Z`), or local `YYYY-MM-DD HH:mm[:ss]`
 * / `YYYY-MM-DDTHH:mm[:ss]`; years 1000–9999.
 */
export const DATE_TIME_PATTERN =
  '^[1-9]\\d{3}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?([zZ]|[+-]\\d{2}(:?\\d{2})?)?$';

type Described = {
  description?: string;
  default?: unknown;
};

/** A row id: 1 … 2^31−1. */
export const Id = (options: Described = {}) =>
  Type.Integer({ minimum: 1, maximum: INT4_MAX, ...options });

/** An id where 0 means "none" / "any". */
export const IdOrZero = (options: Described = {}) =>
  Type.Integer({ minimum: 0, maximum: INT4_MAX, ...options });

/** Any other integer: both bounds are stated (within int4 unless the field is not stored as one). */
export const Int = (
  minimum: number,
  maximum: number,
  options: Described & { multipleOf?: number } = {},
) => Type.Integer({ minimum, maximum, ...options });

/** `0`/`1`. */
export const Flag01 = (options: Described = {}) => Int(0, 1, options);

/** An amount of money: 0 … 9 999 999 999.99 (the `numeric(12, 2)` columns). */
export const Money = (options: Described & { minimum?: number } = {}) =>
  Type.Number({ minimum: 0, maximum: MONEY_MAX, ...options });

/** A percentage 0 … 100. */
export const Percent = (options: Described = {}) =>
  Type.Number({ minimum: 0, maximum: 100, description: 'percent', ...options });

/** Any other number, bounded on both sides. */
export const Num = (minimum: number, maximum: number, options: Described = {}) =>
  Type.Number({ minimum, maximum, ...options });

/** Free text of at most `maxLength` characters, without NUL bytes. */
export const Text = (
  maxLength: number,
  options: Described & { minLength?: number; pattern?: string } = {},
) => Type.String({ maxLength, pattern: TEXT_PATTERN, ...options });

/** A local date `YYYY-MM-DD`. */
export const LocalDate = (options: Described = {}) =>
  Type.String({
    pattern: DATE_PATTERN,
    maxLength: 10,
    description: 'local date YYYY-MM-DD',
    ...options,
  });

/** A date-time as the contract takes it: ISO-8601 with an offset, or local to the location. */
export const DateTime = (options: Described & { minLength?: number } = {}) =>
  Type.String({
    pattern: DATE_TIME_PATTERN,
    maxLength: 40,
    description: 'ISO-8601 with an offset, or local "YYYY-MM-DD HH:mm:ss" in the location zone',
    ...options,
  });

/**
 * Two local dates bounding a period, e.g. `DateRange('start_date', 'end_date')`; both optional.
 * That the end is not before the start and the span is short enough are domain rules.
 */
export function DateRange<F extends string, T extends string>(
  from: F,
  to: T,
  descriptions: { from?: string; to?: string } = {},
) {
  return {
    [from]: Type.Optional(LocalDate(descriptions.from ? { description: descriptions.from } : {})),
    [to]: Type.Optional(LocalDate(descriptions.to ? { description: descriptions.to } : {})),
  } as Record<F | T, ReturnType<typeof Type.Optional<ReturnType<typeof LocalDate>>>>;
}

/** A phone as text (`+4915112345678`, `79161234567`) or as digits in a JSON number. */
export const PhoneInput = (maxLength = 40, options: Described = {}) =>
  Type.Union([Text(maxLength, { minLength: 1 }), Int(1, PHONE_DIGITS_MAX)], options);

/** An SMS code as text or as a number. */
export const SmsCodeInput = (options: Described = {}) =>
  Type.Union([Text(12, { minLength: 1 }), Int(0, 999999999999)], options);

/** An external id (`api_id`): text, or a number the client keeps as text. */
export const ExternalIdInput = (options: Described = {}) =>
  Type.Union([Text(100), Int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)], options);

/** A list of ids. */
export const Ids = (maxItems: number, options: Described = {}) =>
  Type.Array(Id(), { maxItems, ...options });

/** `{ "key": value }` of scalar custom-field values. */
export const CustomFieldsInput = (options: Described = {}) =>
  Type.Record(
    Text(64),
    Type.Union([Type.Null(), Text(5000), Num(-1e15, 1e15), Type.Boolean()]),
    options,
  );
