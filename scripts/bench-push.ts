/**
 * npm run bench:push — a bulk push to N app clients through real Web Push (VAPID-signed,
 * aes128gcm-encrypted by `web-push`) to the local push service (which verifies and decrypts
 * every message), on PostgreSQL. The worker is `visita worker` in its own process; its RSS is
 * sampled from /proc while it works. Prints messages/s end to end (bulk push committed → last
 * device received), time to the first device, and the worker's memory at each quarter of the
 * run and its peak (VmHWM), per audience size, to show whether memory grows with the audience.
 * Env: BENCH_AUDIENCES (comma-separated, default 100000), BENCH_MAX_SECONDS (stop a run and
 * report what it reached, default 150), BENCH_CONCURRENCY (jobs per worker, default 8),
 * TEST_DATABASE_URL / BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, sendBulkPush } from '@visita/core';
import { connect, ensureVapidKeys, migrate, unitOfWork, type Db } from '@visita/db';
import { adminUrl, databaseUrlFor, makeAppAudience, uniqueName } from '@visita/db/testing';
import { generateVapidKeys } from '@visita/jobs';

const BASE =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const AUDIENCES = (process.env.BENCH_AUDIENCES ?? '100000').split(',').map(Number);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '8';
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 150);
const ROOT = new URL('..', import.meta.url).pathname;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A child process running `node --import tsx <script> …`, one process (no tsx launcher). */
function start(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; lines: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return { child, lines };
}

async function waitForLine(p: { lines: string[] }, prefix: string, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const line = p.lines.find((l) => l.startsWith(prefix));
    if (line) return line;
    if (Date.now() > end) throw new Error(`no "${prefix}" line:\n${p.lines.join('\n')}`);
    await sleep(50);
  }
}

/** CPU time (ms, user + system) a process used so far, from /proc/<pid>/stat. */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line (11 and 12 after the name), in clock ticks.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Resident and peak resident memory (MB) of a process, from /proc. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function run(n: number) {
  const name = uniqueName('visita_bench_push');
  const admin = await connect({ databaseUrl: adminUrl(BASE), maxConnections: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrlFor(BASE, name);
  const db: Db = await connect({ databaseUrl: url, maxConnections: 4 });
  const dir = await mkdtemp(join(tmpdir(), 'visita-bench-push-'));
  const children: ChildProcess[] = [];
  try {
    await migrate(db);
    const vapid = await ensureVapidKeys(db, () => generateVapidKeys('mailto:bench@visita.test'));
    const devicesFile = join(dir, 'devices.jsonl');
    const service = start(['scripts/bench-push-service.ts'], {
      BENCH_DEVICES: String(n),
      BENCH_VAPID_PUBLIC_KEY: vapid.publicKey,
      BENCH_DEVICES_FILE: devicesFile,
    });
    children.push(service.child);
    const pushUrl = (await waitForLine(service, 'ready ')).slice(6);
    const devices = (await readFile(devicesFile, 'utf8'))
      .split('\n')
      .map((l) => JSON.parse(l) as never);
    const [chain] = await db.query<{ id: number }>(
      `INSERT INTO chains(title) VALUES ('Bench') RETURNING id`,
    );
    const [loc] = await db.query<{ id: number }>(
      `INSERT INTO locations(chain_id, title, timezone, brand_name) VALUES ($1, 'Bench', 'Europe/Berlin', 'Bench Studio') RETURNING id`,
      [chain!.id],
    );
    for (let i = 0; i < n; i += 20_000)
      await makeAppAudience(db, loc!.id, devices.slice(i, i + 20_000), 100_000_000 + i);
    await db.query('ANALYZE');

    const worker = start(['apps/server/src/cli.ts', 'worker'], {
      DATABASE_URL: url,
      VISITA_DEMO: '0',
      VISITA_JOB_CONCURRENCY: CONCURRENCY,
      LOG_LEVEL: 'warn',
    });
    children.push(worker.child);
    await waitForLine(worker, 'visita worker: running');
    await sleep(1000);
    const idle = await memoryOf(worker.child.pid!);

    const cpu0 = {
      worker: await cpuMsOf(worker.child.pid!),
      service: await cpuMsOf(service.child.pid!),
    };
    const t0 = Date.now();
    const { bulk } = await sendBulkPush(
      { uow: unitOfWork(db), clock: systemClock },
      loc!.id,
      null,
      {
        filters: [{ type: 'has_mobile_app', state: { value: true } }],
        text: 'Spring offer: book this week and get 15% off.',
      },
    );
    const samples: { at: number; rss: number }[] = [];
    let stats = {
      total: 0,
      firstAt: null as number | null,
      lastAt: null as number | null,
      rejected: 0,
    };
    // A run stops after BENCH_MAX_SECONDS (the machine is shared) and reports what it reached.
    const deadline = t0 + MAX_SECONDS * 1000;
    while (stats.total < n && Date.now() < deadline) {
      await sleep(250);
      stats = (await (await fetch(`${pushUrl}/__stats`)).json()) as typeof stats;
      samples.push({ at: Date.now(), rss: (await memoryOf(worker.child.pid!)).rss });
    }
    const end = Date.now();
    // Worker RSS at each quarter of the run's duration.
    const quarters = [1, 2, 3, 4].map(
      (q) => samples.find((x) => x.at >= t0 + ((end - t0) * q) / 4)?.rss ?? samples.at(-1)!.rss,
    );
    const peak = (await memoryOf(worker.child.pid!)).peak;
    const workerCpu = ((await cpuMsOf(worker.child.pid!)) - cpu0.worker) / Math.max(stats.total, 1);
    const serviceCpu =
      ((await cpuMsOf(service.child.pid!)) - cpu0.service) / Math.max(stats.total, 1);
    const seconds = ((stats.total >= n ? stats.lastAt! : end) - t0) / 1000;
    const [progress] = await db.query<{ delivered: number; undeliverable: number }>(
      'SELECT delivered, undeliverable FROM bulk_pushes WHERE id = $1',
      [bulk.id],
    );
    return {
      n,
      reached: stats.total,
      rate: stats.total / seconds,
      seconds,
      first: stats.firstAt! - t0,
      idle: idle.rss,
      quarters,
      peak,
      rejected: stats.rejected,
      delivered: progress?.delivered ?? 0,
      workerCpu,
      serviceCpu,
    };
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const rows = [];
const [load] = (await readFile('/proc/loadavg', 'utf8')).split(' ');
console.log(`load average before: ${load}`);
for (const n of AUDIENCES) {
  const r = await run(n);
  rows.push(r);
  console.log(
    `${n}: ${r.rate.toFixed(0)}/s over ${r.seconds.toFixed(1)} s, first after ${r.first} ms, worker RSS ${r.quarters.map((q) => q.toFixed(0)).join('/')} MB, peak ${r.peak.toFixed(0)} MB`,
  );
}
console.log(`load average after: ${(await readFile('/proc/loadavg', 'utf8')).split(' ')[0]}`);
console.log(
  '\n| audience | pushes/s end to end | total s | first device ms | worker RSS idle → ¼ ½ ¾ end of run (MB) | worker peak RSS (MB) | worker CPU ms/push | push service CPU ms/push | rejected | bulk delivered |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.n.toLocaleString('en')}${r.reached < r.n ? ` (${r.reached.toLocaleString('en')} reached in the time limit)` : ''} | ${r.rate.toFixed(0)} | ${r.seconds.toFixed(1)} | ${r.first} | ${r.idle.toFixed(0)} → ${r.quarters.map((q) => q.toFixed(0)).join(' / ')} | ${r.peak.toFixed(0)} | ${r.workerCpu.toFixed(2)} | ${r.serviceCpu.toFixed(2)} | ${r.rejected} | ${r.delivered} |`,
  );
