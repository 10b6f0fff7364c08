/**
 * The key/type shape of a documented wire object, as extracted from the reference samples and
 * schemas (scripts/extract-wire-shapes.ts) and compared with live answers (conformance test).
 * Numbers are one type (the docs mix `250` and `1000.5` for the same field); `any` is a field the
 * docs show only as `null`; an object without `keys` or an array without `items` is documented
 * without its inside (e.g. `custom_fields: []`), so its inside is not checked.
 */
export type Shape =
  | { type: 'number' | 'string' | 'boolean' | 'any'; nullable?: true }
  | { type: 'object'; nullable?: true; keys?: Record<string, Shape>; optional?: string[] }
  | { type: 'array'; nullable?: true; items?: Shape }
  | { type: 'anyOf'; nullable?: true; options: Shape[] };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Doc artefacts: `"true"`, `"false"` and `"null"` stand for the JSON values in some samples. */
function normalize(value: Json, legacyNumbers: boolean): Json {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  if (legacyNumbers && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  return value;
}

/** The shape a sample value shows; `legacyNumbers` reads quoted numbers (old samples) as numbers. */
export function fromSample(raw: Json, legacyNumbers = false): Shape {
  const value = normalize(raw, legacyNumbers);
  if (value === null) return { type: 'any', nullable: true };
  if (Array.isArray(value)) {
    const items = value.map((item) => fromSample(item, legacyNumbers));
    return items.length
      ? { type: 'array', items: items.reduce((a, b) => merge(a, b)) }
      : { type: 'array' };
  }
  if (typeof value === 'object') {
    const keys: Record<string, Shape> = {};
    for (const [key, child] of Object.entries(value)) keys[key] = fromSample(child, legacyNumbers);
    return Object.keys(keys).length ? { type: 'object', keys } : { type: 'object' };
  }
  if (typeof value === 'number') return { type: 'number' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  return { type: 'string' };
}

interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/**
 * The shape a JSON Schema declares (the Altegio catalog's response schemas: every property is a
 * documented field). `ownSchema`: Visita's own published schema, whose non-required properties
 * may be left out.
 */
export function fromSchema(schema: JsonSchema, ownSchema = false): Shape {
  const child = (s: JsonSchema) => fromSchema(s, ownSchema);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = schema.nullable === true || types.includes('null');
  const withNull = (shape: Shape): Shape => (nullable ? { ...shape, nullable: true } : shape);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) {
    const options = alternatives.map(child);
    const optionsNullable = options.some((o) => o.nullable);
    const concrete = options.filter((o) => !(o.type === 'any' && o.nullable));
    const shape: Shape =
      concrete.length === 1 ? concrete[0]! : { type: 'anyOf', options: concrete };
    return nullable || optionsNullable ? { ...shape, nullable: true } : shape;
  }
  if (schema.allOf?.length) return withNull(schema.allOf.map(child).reduce((a, b) => merge(a, b)));
  const type = types.find((t) => t !== 'null');
  if (type === 'object' || (!type && schema.properties)) {
    const keys: Record<string, Shape> = {};
    for (const [key, value] of Object.entries(schema.properties ?? {})) keys[key] = child(value);
    const optional = ownSchema
      ? Object.keys(keys).filter((key) => !schema.required?.includes(key))
      : [];
    if (!Object.keys(keys).length) return withNull({ type: 'object' });
    return withNull(
      optional.length ? { type: 'object', keys, optional } : { type: 'object', keys },
    );
  }
  if (type === 'array')
    return withNull(
      schema.items ? { type: 'array', items: child(schema.items) } : { type: 'array' },
    );
  if (type === 'integer' || type === 'number') return withNull({ type: 'number' });
  if (type === 'boolean') return withNull({ type: 'boolean' });
  if (type === 'string') return withNull({ type: 'string' });
  return { type: 'any', nullable: true };
}

/**
 * Two descriptions of one object: keys are the union, a key's type is the first description's
 * (the sources are listed by priority), nullability is either's, insides are merged alike.
 */
export function merge(a: Shape, b: Shape): Shape {
  const nullable = a.nullable || b.nullable ? { nullable: true as const } : {};
  if (a.type === 'any') return b.type === 'any' ? { ...a, ...nullable } : { ...b, ...nullable };
  if (b.type === 'any') return { ...a, ...nullable };
  if (a.type === 'anyOf' || b.type === 'anyOf') {
    const merged: Shape[] = [];
    for (const option of [a, b].flatMap((s) => (s.type === 'anyOf' ? s.options : [s]))) {
      const same = merged.findIndex((m) => m.type === option.type);
      if (same >= 0) merged[same] = merge(merged[same]!, option);
      else merged.push(option);
    }
    return merged.length === 1
      ? { ...merged[0]!, ...nullable }
      : { type: 'anyOf', options: merged, ...nullable };
  }
  if (a.type === 'object' && b.type === 'object') {
    if (!a.keys || !b.keys) return { type: 'object', keys: a.keys ?? b.keys, ...nullable };
    const keys: Record<string, Shape> = { ...b.keys, ...a.keys };
    for (const key of Object.keys(keys))
      if (a.keys[key] && b.keys[key]) keys[key] = merge(a.keys[key], b.keys[key]);
    return { type: 'object', keys, ...nullable };
  }
  if (a.type === 'array' && b.type === 'array') {
    const items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
    return items ? { type: 'array', items, ...nullable } : { type: 'array', ...nullable };
  }
  // PHP answers an empty object as `[]`: where one source shows an object and another a list,
  // both are documented.
  if ((a.type === 'object' && b.type === 'array') || (a.type === 'array' && b.type === 'object'))
    return { type: 'anyOf', options: [withoutNull(a), withoutNull(b)], ...nullable };
  return { ...a, ...nullable };
}

function withoutNull(shape: Shape): Shape {
  const { nullable: _, ...rest } = shape;
  return rest;
}

const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Every way `value` differs from `shape`, as `path: problem` lines (empty = conforms). */
export function mismatches(shape: Shape, value: unknown, path = '$'): string[] {
  if (value === null || value === undefined)
    return shape.nullable || (shape.type === 'any' && value === null)
      ? []
      : [`${path}: ${value === null ? 'null' : 'missing'}, documented as ${shape.type}`];
  switch (shape.type) {
    case 'any':
      return [];
    case 'anyOf': {
      const results = shape.options.map((option) => mismatches(option, value, path));
      return results.some((r) => r.length === 0)
        ? []
        : (results.sort((x, y) => x.length - y.length)[0] ?? []);
    }
    case 'object': {
      if (typeOf(value) !== 'object') return [`${path}: ${typeOf(value)}, documented as object`];
      if (!shape.keys) return [];
      const record = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const [key, child] of Object.entries(shape.keys)) {
        if (!(key in record)) {
          if (!shape.optional?.includes(key)) problems.push(`${path}.${key}: missing`);
        } else problems.push(...mismatches(child, record[key], `${path}.${key}`));
      }
      for (const key of Object.keys(record))
        if (!(key in shape.keys)) problems.push(`${path}.${key}: not documented`);
      return problems;
    }
    case 'array': {
      if (!Array.isArray(value)) return [`${path}: ${typeOf(value)}, documented as array`];
      const items = shape.items;
      return items ? value.flatMap((item, i) => mismatches(items, item, `${path}[${i}]`)) : [];
    }
    default:
      return typeOf(value) === shape.type
        ? []
        : [`${path}: ${typeOf(value)}, documented as ${shape.type}`];
  }
}

/**
 * `shape` with one more field (or a field of another type) at `path`: `staff[].price` is the
 * `price` of every `staff` item, `resources[]` the items of `resources`.
 */
export function extend(shape: Shape, path: string, field: Shape): Shape {
  const [head, ...rest] = path.split('.');
  const isItems = head!.endsWith('[]');
  const key = isItems ? head!.slice(0, -2) : head!;
  if (shape.type !== 'object' || !shape.keys) throw new Error(`cannot extend ${path}`);
  const inner = (current: Shape | undefined): Shape => {
    if (!isItems) return rest.length ? extend(current!, rest.join('.'), field) : field;
    if (current?.type !== 'array') throw new Error(`${key} is not a list`);
    const items = rest.length ? extend(current.items!, rest.join('.'), field) : field;
    return { ...current, items };
  };
  return { ...shape, keys: { ...shape.keys, [key]: inner(shape.keys[key]) } };
}
