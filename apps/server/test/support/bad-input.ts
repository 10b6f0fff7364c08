/**
 * Bad-value cases derived from a route's JSON schemas (as the OpenAPI document shows them), so a
 * new field or route is covered without anyone writing its cases by hand.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  maximum?: number;
  minimum?: number;
  maxLength?: number;
  [key: string]: unknown;
}

export type Path = (string | number)[];
export type BadClass = 'int4' | 'number' | 'nul' | 'date';

export interface BadCase {
  class: BadClass;
  path: Path;
  value: unknown;
}

export const INT4_MAX = 2147483647;
export const NUL_TEXT = 'a\u0000b';

/** Names of fields that carry a date or a date-time (whatever their schema says). */
const DATE_FIELD = /(^|_)(date|datetime|dates)$|^(from|till|start_date|end_date)$/;

interface Leaf {
  path: Path;
  schema: JsonSchema;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** Every scalar (integer, number, string) a request may carry, with its path. */
export function leavesOf(schema: JsonSchema | undefined, path: Path = []): Leaf[] {
  if (!schema || typeof schema !== 'object') return [];
  const out: Leaf[] = [];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  // With Ajv's type coercion a JSON number is valid text: next to a text branch (`api_id`, an
  // SMS `code`), a number branch's range is not what decides, so only the text is probed.
  const takesText = branches.some((b) => typesOf(b).includes('string'));
  for (const branch of branches)
    if (!(takesText && typesOf(branch).some((type) => type === 'integer' || type === 'number')))
      out.push(...leavesOf(branch, path));
  const types = typesOf(schema);
  if (types.includes('object') || schema.properties) {
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      out.push(...leavesOf(child, [...path, key]));
    const extra = [
      ...Object.values(schema.patternProperties ?? {}),
      ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ];
    for (const child of extra) out.push(...leavesOf(child, [...path, 'k']));
  }
  if (types.includes('array') && schema.items) out.push(...leavesOf(schema.items, [...path, 0]));
  for (const type of types)
    if (type === 'integer' || type === 'number' || type === 'string')
      out.push({ path, schema: { ...schema, type } });
  return out;
}

const isDateField = (path: Path) => {
  const named = [...path].reverse().find((p) => typeof p === 'string');
  return typeof named === 'string' && DATE_FIELD.test(named);
};

/** The bad values of one scalar: past int4, beyond any money, a NUL byte, the year 99999. */
export function badCasesOf(leaf: Leaf): BadCase[] {
  const { path, schema } = leaf;
  if (schema.enum || schema.const !== undefined) return [];
  if (schema.type === 'integer') {
    // A declared range wider than int4 (phone digits) is not an id: only the absurd value.
    const values =
      schema.maximum !== undefined && schema.maximum > INT4_MAX
        ? [1e308]
        : [2 ** 31, 2 ** 53 + 1, 1e308];
    return values.map((value) => ({ class: 'int4' as const, path, value }));
  }
  if (schema.type === 'number') return [{ class: 'number', path, value: 1e308 }];
  if (schema.type !== 'string') return [];
  const cases: BadCase[] = [{ class: 'nul', path, value: NUL_TEXT }];
  if (isDateField(path)) cases.push({ class: 'date', path, value: '99999-01-01 10:00:00' });
  return cases;
}

/** Unique cases of a schema (a union's branches can yield the same path and value twice). */
export function casesOf(schema: JsonSchema | undefined): BadCase[] {
  const seen = new Set<string>();
  const out: BadCase[] = [];
  for (const leaf of leavesOf(schema))
    for (const c of badCasesOf(leaf)) {
      const key = `${c.class}|${c.path.join('.')}|${String(c.value)}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  return out;
}

/** A copy of `base` with `value` at `path`, creating the containers on the way. */
export function withValueAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(base) ? [...(base as unknown[])] : [];
    list[head] = withValueAt(list[head], rest, value);
    return list;
  }
  const record =
    base && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  record[head!] = withValueAt(record[head!], rest, value);
  return record;
}

/** `[[[…]]]` nested `levels` deep, as a JSON text (building the value would be as deep). */
export function deeplyNestedJson(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

export const fieldName = (path: Path) => path.join('.') || 'request';
