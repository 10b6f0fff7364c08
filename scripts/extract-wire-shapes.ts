/**
 * Extracts the documented key/type shape of every wire object Visita answers with from the
 * reference docs (../shared/reference/altegio) and writes one JSON file per object to
 * apps/server/test/wire/shapes/, which the conformance test compares live answers with.
 *
 *   npx tsx scripts/extract-wire-shapes.ts [reference dir]
 *
 * Sources, by priority (a key's type comes from the first source that has it):
 * - `ycmd`: a response sample of YCLIENTS_API.md (the live docs), by the operation's start line
 *   in YCLIENTS_API.ops.extracted.json;
 * - `apib`: the first JSON body after a line of yclientsru.apib;
 * - `catalog`: a response schema of altegio-catalog.json, by operationId.
 * Keys are the union: a field documented by any source is documented. `at` picks the object
 * inside the sample (`data.0.staff`) or schema (`[]` = the array's items, a name = a property).
 * Old samples quote numbers (`"id": "16"`); `legacy` reads those as numbers, the type the
 * Altegio schemas and the newer samples give (see docs/api.md, "Wire conformance").
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { PROGRAM_INCLUDES } from '../apps/server/src/presenters/loyalty-program';
import { fromSample, fromSchema, merge, type Shape } from '../apps/server/test/wire/shape';

type Source = (
  | { ycmd: number; at?: string; legacy?: boolean }
  | { apib: number; at?: string; legacy?: boolean }
  | { catalog: string; at?: string }
) & {
  /** Where in the object the picked value documents a field (e.g. another sample's nested card). */
  into?: string;
};

interface ObjectSpec {
  sources: Source[];
  /** Keys whose value is documented only as "an object of ids" (e.g. `booking_days: {"9": […]}`). */
  open?: string[];
  /** Keys the docs answer only on request (`include[]=busy_intervals`). */
  optional?: string[];
  /** Keys whose value is another documented object (`records: ['record']` = a list of records). */
  refs?: Record<string, string | [string]>;
}

const OBJECTS: Record<string, ObjectSpec> = {
  // Auth
  auth_user: { sources: [{ ycmd: 171 }, { catalog: 'authorize_user' }] },
  // Locations and chains
  // The Altegio schema leads here: the samples type `zip` as a number, which loses leading zeros.
  company: {
    sources: [
      { catalog: 'get_location' },
      { ycmd: 3930, at: 'data' },
      { ycmd: 3670, at: 'data.0', legacy: true },
      { ycmd: 3802, at: 'data', legacy: true },
      { ycmd: 4063 },
      { catalog: 'get_location_list', at: '[]' },
      { catalog: 'create_location' },
      { catalog: 'update_location' },
    ],
    open: ['groups', 'access'],
  },
  chain: { sources: [{ ycmd: 26327, at: 'data.0' }] },
  // Online booking
  book_services: { sources: [{ ycmd: 2321, at: 'data' }] },
  book_staff: {
    sources: [
      { apib: 1220, at: 'data.0', legacy: true },
      { ycmd: 2555, at: 'data.0', legacy: true },
      { ycmd: 12517, at: 'data.0.master.position', into: 'position' },
    ],
  },
  // The API Blueprint's samples are the newer ones here: times are ISO strings, not Unix seconds.
  book_staff_seances: {
    sources: [
      { apib: 1556, at: 'data' },
      { ycmd: 2467, at: 'data' },
    ],
  },
  book_dates: {
    sources: [
      { apib: 1309, at: 'data' },
      { ycmd: 2111, at: 'data' },
    ],
    open: ['booking_days', 'working_days'],
  },
  book_time: {
    sources: [
      { apib: 1483, at: 'data.0' },
      { ycmd: 2668, at: 'data.0' },
    ],
  },
  book_record_created: { sources: [{ ycmd: 1595, at: 'data.0' }] },
  booked_record: {
    sources: [
      { ycmd: 1910 },
      { ycmd: 3016, at: 'data.0' },
      { ycmd: 12517, at: 'data.0.master.position', into: 'staff.position' },
    ],
  },
  activity_booked: { sources: [{ ycmd: 2041, at: 'data' }] },
  ack_created: { sources: [{ ycmd: 1385 }] },
  ack_accepted: { sources: [{ ycmd: 3502 }] },
  // Client identity
  client_user: { sources: [{ ycmd: 3572 }] },
  user_auth: { sources: [{ ycmd: 2951 }, { ycmd: 255 }] },
  // Schedules and settings
  schedule_day: {
    sources: [
      { ycmd: 13519, at: 'data.0' },
      { ycmd: 13641, at: 'data.0' },
    ],
    optional: ['busy_intervals'],
  },
  schedule_day_deprecated: { sources: [{ ycmd: 13802, at: 'data.0' }] },
  settings_online: {
    sources: [{ ycmd: 30121, at: 'data' }, { catalog: 'get_online_booking_settings' }],
  },
  settings_timetable: {
    sources: [{ ycmd: 30250, at: 'data' }, { catalog: 'get_appointment_calendar_settings' }],
  },
  // Team members and positions
  team_member: { sources: [{ ycmd: 7798, at: 'data.0' }, { catalog: 'get_team_member' }] },
  team_member_quick: {
    sources: [{ ycmd: 7557, at: 'data' }, { catalog: 'create_team_member_quick' }],
  },
  team_member_public: {
    sources: [
      { ycmd: 7890, at: 'data.0', legacy: true },
      { catalog: 'get_team_member_by_id', at: '[]' },
      { catalog: 'get_team_member_list', at: '[]' },
    ],
  },
  team_member_written: {
    sources: [
      { ycmd: 7693, at: 'data' },
      { catalog: 'deprecated_create_team_member' },
      { catalog: 'update_team_member' },
    ],
  },
  position: {
    sources: [
      { ycmd: 8200, at: 'data' },
      { catalog: 'create_position_quick' },
      { ycmd: 8149, at: 'data.0' },
    ],
  },
  // Services and categories
  service: {
    sources: [
      { ycmd: 5168, at: 'data' },
      { ycmd: 5020, at: 'data.1', legacy: true },
      { catalog: 'patch_service' },
      { catalog: 'get_service' },
      { catalog: 'get_service_list', at: '[]' },
    ],
  },
  service_staff_link: {
    sources: [
      { ycmd: 5749, at: 'data' },
      { ycmd: 5879, at: 'data' },
    ],
  },
  service_category: {
    sources: [
      { ycmd: 4647, at: 'data.0' },
      { ycmd: 4399, at: 'data' },
      { catalog: 'get_service_category_list', at: '[]' },
      { catalog: 'get_service_category', at: '[]' },
    ],
  },
  resource: { sources: [{ ycmd: 28509, at: 'data.0' }] },
  booking_form: {
    sources: [
      { ycmd: 30371, at: 'data.0' },
      { catalog: 'get_booking_widget_list', at: '[]' },
    ],
  },
  // Appointments and visits
  record: {
    sources: [
      { ycmd: 9894, at: 'data.0', legacy: true },
      { ycmd: 10561, at: 'data', legacy: true },
      { ycmd: 10135, at: 'data.0' },
      { catalog: 'get_appointment' },
      { catalog: 'get_appointment_list', at: '[]' },
      // The duplicate sample shows a member without a position as `position: []`.
      { ycmd: 12517, at: 'data.0.master.position', into: 'staff.position' },
    ],
  },
  visit: { sources: [{ ycmd: 11019, at: 'data' }], refs: { records: ['record'] } },
  attendance: { sources: [{ catalog: 'update_appointment_attendance' }] },
  // Clients
  client: {
    sources: [
      { ycmd: 8579, at: 'data.0' },
      { ycmd: 9283, at: 'data' },
      { ycmd: 8716, at: 'data' },
    ],
    open: ['custom_fields'],
  },
  client_search_hit: { sources: [{ ycmd: 8348, at: 'data.0' }] },
  chain_clients: { sources: [{ ycmd: 9801, at: 'data' }] },
  client_label: {
    sources: [
      { ycmd: 22663, at: 'data.0' },
      { ycmd: 22378, at: 'data', legacy: true },
    ],
  },
  // Group events
  activity: {
    sources: [
      { ycmd: 11570, at: 'data' },
      { ycmd: 12081, at: 'data.0' },
      { ycmd: 11430, at: 'data' },
      // The duplicate sample shows a member without a position as `position: []`.
      { ycmd: 12517, at: 'data.0.master.position', into: 'staff.position' },
    ],
  },
  // Loyalty (contract §3.h)
  loyalty_card: {
    sources: [
      // The newer sample first: card numbers are strings ("01010101"), not numbers.
      { ycmd: 20079 },
      { ycmd: 19703 },
      { catalog: 'get_loyalty_card_list_by_phone' },
      { catalog: 'issue_loyalty_card' },
    ],
  },
  loyalty_card_balance: {
    sources: [{ ycmd: 20228, at: 'data' }, { catalog: 'create_loyalty_card_transaction' }],
  },
  certificate: {
    sources: [
      { ycmd: 20583, at: 'data.0' },
      { ycmd: 20696, at: 'data.0' },
    ],
  },
  abonement: {
    sources: [
      { ycmd: 21312, at: 'data.0' },
      { ycmd: 21408, at: 'data.0' },
    ],
  },
  card_type: { sources: [{ ycmd: 20339, at: '0' }] },
  loyalty_transaction: { sources: [{ ycmd: 18730, at: 'data.0' }] },
  program: {
    sources: [{ catalog: 'get_chain_loyalty_program' }, { ycmd: 18351 }],
    // "on request" (`include=`)
    optional: [...PROGRAM_INCLUDES],
  },
  certificate_type: { sources: [{ catalog: 'chain_loyalty_certificate_types_get' }] },
  abonement_type: {
    sources: [{ ycmd: 33580, at: 'data' }, { catalog: 'chain_loyalty_membership_types_read' }],
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function pick(value: Json, at: string | undefined, where: string): Json {
  let current: Json = value;
  for (const step of at ? at.split('.') : []) {
    if (current === null || typeof current !== 'object') throw new Error(`${where}: no ${at}`);
    current = Array.isArray(current) ? current[Number(step)]! : current[step]!;
    if (current === undefined) throw new Error(`${where}: no ${at}`);
  }
  return current;
}

interface CatalogSchema {
  properties?: Record<string, CatalogSchema>;
  items?: CatalogSchema;
}

function pickSchema(schema: CatalogSchema, at: string | undefined, where: string): CatalogSchema {
  let current = schema;
  for (const step of at ? at.split('.') : []) {
    const next = step === '[]' ? current.items : current.properties?.[step];
    if (!next) throw new Error(`${where}: no ${at}`);
    current = next;
  }
  return current;
}

/** The first balanced JSON object at or after `line` (1-based) of the API Blueprint. */
function apibBody(lines: string[], line: number): Json {
  const text = lines.slice(line - 1).join('\n');
  const start = text.indexOf('{');
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1)) as Json;
  }
  throw new Error(`apib line ${line}: no JSON body`);
}

const referenceDir = process.argv[2] ?? join(import.meta.dirname, '../../shared/reference/altegio');
const outDir = join(import.meta.dirname, '../apps/server/test/wire/shapes');

const ycmd = new Map(
  (
    JSON.parse(await readFile(join(referenceDir, 'YCLIENTS_API.ops.extracted.json'), 'utf8')) as {
      start: number;
      resp_samples: string[];
    }[]
  ).map((op) => [op.start, op]),
);
const apib = (await readFile(join(referenceDir, 'yclientsru.apib'), 'utf8')).split('\n');
const catalog = new Map(
  (
    JSON.parse(await readFile(join(referenceDir, 'altegio-catalog.json'), 'utf8')) as {
      operations: { operationId: string; response?: { schema?: CatalogSchema } }[];
    }
  ).operations.map((op) => [op.operationId, op]),
);

function shapeOf(source: Source): Shape {
  const picked = pickShape(source);
  if (!source.into) return picked;
  return source.into
    .split('.')
    .reverse()
    .reduce<Shape>((inner, key) => ({ type: 'object', keys: { [key]: inner } }), picked);
}

function pickShape(source: Source): Shape {
  if ('ycmd' in source) {
    const sample = ycmd.get(source.ycmd)?.resp_samples[0];
    if (!sample) throw new Error(`YCLIENTS_API.md L${source.ycmd}: no response sample`);
    const value = pick(JSON.parse(sample) as Json, source.at, `L${source.ycmd}`);
    return fromSample(value, source.legacy);
  }
  if ('apib' in source) {
    const value = pick(apibBody(apib, source.apib), source.at, `apib ${source.apib}`);
    return fromSample(value, source.legacy);
  }
  const schema = catalog.get(source.catalog)?.response?.schema;
  if (!schema) throw new Error(`catalog ${source.catalog}: no response schema`);
  return fromSchema(pickSchema(schema, source.at, source.catalog));
}

const describe = (source: Source) =>
  'ycmd' in source
    ? `YCLIENTS_API.md L${source.ycmd}${source.at ? ` ${source.at}` : ''}${source.into ? ` as ${source.into}` : ''}`
    : 'apib' in source
      ? `yclientsru.apib L${source.apib}${source.at ? ` ${source.at}` : ''}`
      : `altegio-catalog.json ${source.catalog}${source.at ? ` ${source.at}` : ''}`;

const built = new Map<string, Shape>();
function build(name: string): Shape {
  const done = built.get(name);
  if (done) return done;
  const spec = OBJECTS[name];
  if (!spec) throw new Error(`unknown object ${name}`);
  let shape = spec.sources.map(shapeOf).reduce((a, b) => merge(a, b));
  if (shape.type !== 'object' || !shape.keys) throw new Error(`${name} is not an object`);
  const keys = { ...shape.keys };
  for (const key of spec.open ?? []) keys[key] = { type: 'object', ...nullableOf(keys[key]) };
  for (const [key, ref] of Object.entries(spec.refs ?? {}))
    keys[key] = Array.isArray(ref) ? { type: 'array', items: build(ref[0]) } : build(ref);
  shape = spec.optional ? { ...shape, keys, optional: spec.optional } : { ...shape, keys };
  built.set(name, shape);
  return shape;
}
const nullableOf = (shape: Shape | undefined) =>
  shape?.nullable ? { nullable: true as const } : {};

await mkdir(outDir, { recursive: true });
for (const name of Object.keys(OBJECTS)) {
  const file = {
    object: name,
    sources: OBJECTS[name]!.sources.map(describe),
    shape: build(name),
  };
  const path = join(outDir, `${name}.json`);
  const options = await resolveConfig(path);
  await writeFile(path, await format(JSON.stringify(file), { ...options, filepath: path }));
}
console.log(`${Object.keys(OBJECTS).length} object shapes written to ${outDir}`);
