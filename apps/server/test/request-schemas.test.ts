import { INT4_MAX } from '@visita/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from './support/bad-input';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Every request schema of every route (path, query and body, reads and writes), read from the
 * app's OpenAPI document, is built from bounded shapes: text has a length limit and a pattern
 * that refuses NUL, dates refuse the year 99999, integers and numbers have both bounds (ids within
 * int4), lists have a size limit. A route added with a bare `Type.String()` fails here.
 */

let t: TestApp;
let document: { paths: Record<string, Record<string, any>> };

beforeAll(async () => {
  t = await createTestApp();
  await t.app.ready();
  document = t.app.swagger() as typeof document;
});
afterAll(() => t.close());

/** Parts left open on purpose; the JSON body guard still refuses NUL bytes and deep nesting. */
const OPEN_ON_PURPOSE = [
  // `filters: [{type, state}]` is read by the domain, which names `filters[i]...` on refusal.
  /clients\/search body\.filters\.\d+$/,
  // Bulk pushes choose their audience with the very same client-search filters.
  /bulk-pushes(\/preview)? body\.filters\.\d+$/,
  // PHP clients send an empty `custom_fields` object as `[]` (maxItems 0).
  /body\.custom_fields\|\d+\.0$/,
];

const DATE_NAME = /(^|_)(date|datetime|dates)$|^(from|till)$|_(after|before)$/;

interface Finding {
  at: string;
  problem: string;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** Anchored at both ends and refusing NUL wherever a value could otherwise match. */
function refusesNul(pattern: string | undefined): boolean {
  if (pattern === undefined || !pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  const re = new RegExp(pattern, 'u');
  return !['a\u0000b', '\u0000', '1\u0000', '2026-01-01\u0000', 'en\u0000'].some((v) => re.test(v));
}

function check(schema: JsonSchema, at: string, name: string, out: Finding[], inText = false) {
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const takesText = branches.some((b) => typesOf(b).includes('string'));
  branches.forEach((b, i) => check(b, `${at}|${i}`, name, out, takesText));
  const types = typesOf(schema);
  if (types.length === 0 && branches.length === 0 && schema.const === undefined && !schema.enum) {
    if (!OPEN_ON_PURPOSE.some((re) => re.test(at))) out.push({ at, problem: 'any value' });
    return;
  }
  for (const type of types) {
    if (type === 'string' && schema.const === undefined && !schema.enum) {
      if (schema.maxLength === undefined) out.push({ at, problem: 'text without maxLength' });
      if (!refusesNul(schema.pattern)) out.push({ at, problem: 'text that takes NUL bytes' });
      if (DATE_NAME.test(name) && schema.pattern) {
        const re = new RegExp(schema.pattern, 'u');
        if (re.test('99999-01-01') || re.test('99999-01-01 10:00:00'))
          out.push({ at, problem: 'date that takes the year 99999' });
      }
    }
    if (type === 'integer' || type === 'number') {
      const { minimum, maximum } = schema;
      if (minimum === undefined || maximum === undefined)
        out.push({ at, problem: `${type} without both bounds` });
      else if (type === 'integer' && !inText && (minimum < -INT4_MAX - 1 || maximum > INT4_MAX))
        out.push({ at, problem: `integer beyond int4 (${minimum}..${maximum})` });
    }
    if (type === 'array') {
      if (schema.maxItems === undefined) out.push({ at, problem: 'list without maxItems' });
      if (schema.items) check(schema.items, `${at}.0`, name, out);
    }
    if (type === 'object') {
      for (const [key, child] of Object.entries(schema.properties ?? {}))
        check(child, `${at}.${key}`, key, out);
      for (const child of Object.values(schema.patternProperties ?? {}))
        check(child, `${at}.*`, name, out);
      if (typeof schema.additionalProperties === 'object')
        check(schema.additionalProperties, `${at}.*`, name, out);
    }
  }
}

function requestSchemaFindings(): { findings: Finding[]; operations: number; fields: number } {
  const findings: Finding[] = [];
  let operations = 0;
  let fields = 0;
  for (const [path, ops] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(ops)) {
      operations += 1;
      const route = `${method.toUpperCase()} ${path}`;
      for (const p of (op.parameters ?? []) as { in: string; name: string; schema: JsonSchema }[]) {
        if (p.in !== 'path' && p.in !== 'query') continue;
        fields += 1;
        check(p.schema, `${route} ${p.in}.${p.name}`, p.name.replace(/\[\]$/, ''), findings);
      }
      const body = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      if (body) {
        fields += Object.keys(body.properties ?? {}).length || 1;
        check(body, `${route} body`, 'body', findings);
      }
    }
  return { findings, operations, fields };
}

describe('request schemas of every route', () => {
  it('bound every text, date, integer, number and list they take', () => {
    const { findings, operations, fields } = requestSchemaFindings();
    expect(operations).toBeGreaterThan(150);
    expect(fields).toBeGreaterThan(300);
    expect(findings).toEqual([]);
  });

  it('would notice a bare field (the check itself can fail)', () => {
    const findings: Finding[] = [];
    check(
      {
        type: 'object',
        properties: {
          name: { type: 'string' },
          staff_id: { type: 'integer', minimum: 0 },
          datetime: { type: 'string', maxLength: 40, pattern: '^\\d+-\\d{2}-\\d{2}' },
          ids: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2 ** 31 } },
        },
      },
      'body',
      'body',
      findings,
    );
    expect(findings.map((f) => `${f.at}: ${f.problem}`)).toEqual([
      'body.name: text without maxLength',
      'body.name: text that takes NUL bytes',
      'body.staff_id: integer without both bounds',
      'body.datetime: text that takes NUL bytes',
      'body.datetime: date that takes the year 99999',
      'body.ids: list without maxItems',
      'body.ids.0: integer beyond int4 (1..2147483648)',
    ]);
  });
});
