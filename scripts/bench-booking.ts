/**
 * npm run bench:booking — the booking engine over HTTP on PostgreSQL and PGlite.
 * Dataset (built here): 1 location, 20 team members working 09:00–19:00 six days a week with a
 * 13:00–14:00 break, 40 services (30/45/60/90 min) offered by everyone, 10,000 appointments
 * over the next 90 days. Prints p50/p95/max per scenario and book_record throughput.
 * Options: BENCH_DB=pg|pglite|both (default both), BENCH_N=requests per latency scenario.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect, migrate, type Db } from '@visita/db';
import { adminUrl, databaseUrlFor, uniqueName } from '@visita/db/testing';

const STAFF = 20;
const SERVICES = 40;
const APPOINTMENTS = 10_000;
const DAYS = 90;
const N = Number(process.env.BENCH_N ?? 300);
const TZ = 'Europe/Berlin';
const TOKEN = 'bench-partner-token';

async function buildDataset(
  db: Db,
): Promise<{ locationId: number; staffIds: number[]; serviceIds: number[]; start: string }> {
  const [chain] = await db.query<{ id: number }>(
    `INSERT INTO chains(title) VALUES ('Bench') RETURNING id`,
  );
  const [loc] = await db.query<{ id: number }>(
    `INSERT INTO locations(chain_id, title, timezone) VALUES ($1, 'Bench', $2) RETURNING id`,
    [chain!.id, TZ],
  );
  const locationId = loc!.id;
  await db.query(
    `INSERT INTO location_booking_settings(location_id, slot_step_minutes, min_notice_minutes, horizon_days) VALUES ($1, 15, 0, 120)`,
    [locationId],
  );
  const staff = await db.query<{ id: number }>(
    `INSERT INTO staff(location_id, name) SELECT $1, 'Member ' || g FROM generate_series(1, ${STAFF}) g RETURNING id`,
    [locationId],
  );
  const services = await db.query<{ id: number }>(
    `INSERT INTO services(location_id, title, duration_seconds, price_min, price_max)
     SELECT $1, 'Service ' || g, (ARRAY[1800, 2700, 3600, 5400])[1 + g % 4], 50, 50 FROM generate_series(1, ${SERVICES}) g RETURNING id`,
    [locationId],
  );
  await db.query(
    `INSERT INTO service_staff(service_id, staff_id) SELECT s.id, m.id FROM services s, staff m WHERE s.location_id = $1 AND m.location_id = $1`,
    [locationId],
  );
  const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await db.query(
    `INSERT INTO staff_schedules(staff_id, date, slots)
     SELECT m.id, d::date, '[{"from":"09:00","to":"13:00"},{"from":"14:00","to":"19:00"}]'::jsonb
       FROM staff m, generate_series($2::date, $2::date + ${DAYS - 1}, '1 day') d
      WHERE m.location_id = $1 AND extract(isodow FROM d) < 7`,
    [locationId, start],
  );
  // 10,000 one-hour appointments at distinct hours of working days: never overlapping by construction.
  await db.query(
    `WITH days AS (
       SELECT d::date AS day, row_number() OVER (ORDER BY d) - 1 AS n
         FROM generate_series($2::date, $2::date + ${DAYS - 1}, '1 day') d WHERE extract(isodow FROM d) < 7),
     members AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM staff WHERE location_id = $1),
     slots AS (SELECT i, i % ${STAFF} AS member_n, (i / ${STAFF}) % (SELECT count(*) FROM days) AS day_n,
                      (ARRAY[9, 10, 11, 12, 14, 15, 16, 17])[1 + (i / (${STAFF} * (SELECT count(*) FROM days)))::int] AS hour
                 FROM generate_series(0, ${APPOINTMENTS - 1}) i)
     INSERT INTO records(location_id, staff_id, starts_at, ends_at, source, hash_digest)
     SELECT $1, m.id, ((d.day + make_time(s.hour, 0, 0)) AT TIME ZONE '${TZ}'),
            ((d.day + make_time(s.hour, 0, 0)) AT TIME ZONE '${TZ}') + interval '1 hour', 'back_office', md5(s.i::text)
       FROM slots s JOIN members m ON m.n = s.member_n JOIN days d ON d.n = s.day_n`,
    [locationId, start],
  );
  await db.query(
    `INSERT INTO staff_occupancy(staff_id, record_id, during) SELECT staff_id, id, tstzrange(starts_at, ends_at) FROM records WHERE location_id = $1`,
    [locationId],
  );
  await db.query('ANALYZE');
  return {
    locationId,
    staffIds: staff.map((s) => s.id),
    serviceIds: services.map((s) => s.id),
    start,
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

async function latency(base: string, urls: string[]): Promise<ReturnType<typeof stats>> {
  const samples: number[] = [];
  for (const [i, url] of urls.entries()) {
    const t0 = performance.now();
    const res = await fetch(base + url, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await res.json()) as { success: boolean };
    if (!body.success) throw new Error(`${url}: ${JSON.stringify(body)}`);
    if (i >= 5) samples.push(performance.now() - t0); // the first few warm up caches and JIT
  }
  return stats(samples);
}

async function throughput(
  base: string,
  data: Awaited<ReturnType<typeof buildDataset>>,
  total: number,
  concurrency: number,
) {
  // Free, distinct slots: 18:00 of every working day for every member (appointments end by 18:00).
  const jobs: { staffId: number; datetime: string }[] = [];
  for (let day = 0; day < DAYS && jobs.length < total; day++) {
    const date = new Date(Date.parse(data.start) + day * 86_400_000).toISOString().slice(0, 10);
    if (new Date(date).getUTCDay() === 0) continue;
    for (const staffId of data.staffIds) jobs.push({ staffId, datetime: `${date} 18:00:00` });
  }
  const work = jobs.slice(0, total);
  let next = 0;
  let ok = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const job = work[next++]!;
        const res = await fetch(`${base}/api/v1/book_record/${data.locationId}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            phone: `+4915${String(10_000_000 + next).padStart(9, '0')}`,
            fullname: 'Bench Client',
            appointments: [
              {
                id: 1,
                services: [data.serviceIds[1]], // a 60-minute service
                staff_id: job.staffId,
                datetime: job.datetime,
              },
            ],
          }),
        });
        if (res.status === 201) ok++;
        else if (failures++ === 0)
          console.error('first refused booking:', res.status, await res.text());
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { ok, perSecond: ok / seconds };
}

/** The server runs as its own `visita api` process, as in production; this process only loads it. */
async function startServer(
  env: Record<string, string>,
): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = 21000 + Math.floor(Math.random() * 20000);
  const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean); // e.g. --cpu-prof
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', 'apps/server/src/cli.ts', 'api'],
    {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        VISITA_DEMO: '0',
        VISITA_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
        VISITA_PARTNER_TOKEN: TOKEN,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Visita is ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function run(kind: 'pg' | 'pglite') {
  let db: Db;
  let serverEnv: Record<string, string>;
  let drop = async () => {};
  if (kind === 'pg') {
    const base =
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres';
    const name = uniqueName('visita_bench');
    const admin = await connect({ databaseUrl: adminUrl(base), maxConnections: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const url = databaseUrlFor(base, name);
    db = await connect({ databaseUrl: url, maxConnections: 5 });
    serverEnv = { DATABASE_URL: url };
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'visita-bench-'));
    db = await connect({ dataDir: join(dataDir, 'pglite') });
    serverEnv = { VISITA_DATA_DIR: dataDir };
    drop = () => rm(dataDir, { recursive: true, force: true });
  }
  await migrate(db);
  const t0 = performance.now();
  const data = await buildDataset(db);
  const buildSeconds = (performance.now() - t0) / 1000;
  // PGlite has one owner: the server process opens the data dir once this process let go of it.
  if (kind === 'pglite') await db.close();
  const server = await startServer(serverEnv);
  const base = server.base;
  const dates = Array.from({ length: N }, (_, i) =>
    new Date(Date.parse(data.start) + (i % 60) * 86_400_000).toISOString().slice(0, 10),
  );
  const svc = (i: number) => data.serviceIds[i % SERVICES];
  const rows: [string, ReturnType<typeof stats>][] = [];
  rows.push([
    'book_times, one member, one day',
    await latency(
      base,
      dates.map(
        (d, i) =>
          `/api/v1/book_times/${data.locationId}/${data.staffIds[i % STAFF]}/${d}?service_ids[]=${svc(i)}`,
      ),
    ),
  ]);
  rows.push([
    'book_times, any member, one day',
    await latency(
      base,
      dates.map((d, i) => `/api/v1/book_times/${data.locationId}/0/${d}?service_ids[]=${svc(i)}`),
    ),
  ]);
  const end = new Date(Date.parse(data.start) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  rows.push([
    'book_dates, any member, 90 days',
    await latency(
      base,
      Array.from(
        { length: Math.min(N, 100) },
        (_, i) =>
          `/api/v1/book_dates/${data.locationId}?service_ids[]=${svc(i)}&date_from=${data.start}&date_to=${end}`,
      ),
    ),
  ]);
  const tp = await throughput(base, data, 1000, 32);
  await server.stop();
  if (kind === 'pg') await db.close();
  await drop();
  console.log(
    `\n### ${kind === 'pg' ? 'PostgreSQL' : 'PGlite'} (dataset built in ${buildSeconds.toFixed(1)} s)\n`,
  );
  console.log('| scenario | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|');
  for (const [name, s] of rows)
    console.log(`| ${name} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.max.toFixed(2)} |`);
  console.log(
    `| book_record, 32 concurrent clients, distinct slots | ${tp.perSecond.toFixed(0)} appointments/s (${tp.ok} booked) | | |`,
  );
}

const which = process.env.BENCH_DB ?? 'both';
console.log(
  `Visita booking benchmark: ${STAFF} members, ${SERVICES} services, ${APPOINTMENTS} appointments over ${DAYS} days; ${N} requests per latency scenario; node ${process.version}`,
);
if (which !== 'pglite') await run('pg');
if (which !== 'pg') await run('pglite');
process.exit(0);
