import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CLI as an operator runs it: `npx tsx apps/server/src/cli.ts …` in child processes on
 * PGlite in temporary data directories. Skipped under TEST_DATABASE_URL: the CLI's database
 * code is the one the PostgreSQL run already covers, and child processes are the slow part.
 * The workspace's tsx binary is called directly: it is what `npx tsx` runs, minus npx's
 * ~1 s start-up per process.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = ['apps/server/src/cli.ts'];
const run = promisify(execFile);

/** The parent's environment without anything that would point the child elsewhere. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(DATABASE_URL|TEST_DATABASE_URL|REDIS_URL|PORT|HOST|LOG_LEVEL|VISITA_)/.test(key))
      env[key] = value;
  return { ...env, ...extra };
}

async function cli(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(TSX, [...CLI, ...args], {
    cwd: ROOT,
    env: childEnv({ VISITA_DATA_DIR: dataDir, VISITA_DEMO: '0' }),
    timeout: 30_000,
  });
  return stdout.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** Starts `serve` in its own process group (tsx → node) and waits for its ready line. */
async function serve(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(TSX, [...CLI, 'serve'], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 45_000);
    child.stdout.on('data', () => {
      if (output.includes('Visita is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, output: () => output };
}

const started: ChildProcess[] = [];

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const groupKill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  groupKill('SIGTERM');
  const timer = setTimeout(() => groupKill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function request(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(base + path, init);
  return { status: res.status, body: (await res.json()) as { data: any } };
}

// Child processes on a busy machine: more room per test than the 30 s default.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('visita CLI', { timeout: 60_000 }, () => {
  let dataDir: string;
  let demoDir: string;
  let demoServer: Promise<Server>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'visita-cli-'));
    demoDir = await mkdtemp(join(tmpdir(), 'visita-cli-demo-'));
    // The demo server (VISITA_DEMO unset) starts meanwhile; it only touches its own directory.
    demoServer = serve({ VISITA_DATA_DIR: demoDir });
    demoServer.catch(() => {}); // awaited (and reported) by its test
  });

  afterAll(async () => {
    await Promise.all(started.map(stop));
    await rm(dataDir, { recursive: true, force: true });
    await rm(demoDir, { recursive: true, force: true });
  });

  let partnerToken: string;

  it('migrate applies the migrations, then finds the database up to date', async () => {
    expect(await cli(dataDir, 'migrate')).toMatch(/^applied: 0001_foundation\.sql/);
    expect(await cli(dataDir, 'migrate')).toBe('database is up to date');
  });

  it('partner create prints a new 64-hex partner token', async () => {
    const printed = JSON.parse(await cli(dataDir, 'partner', 'create', '--name', 'X')) as {
      id: number;
      partner_token: string;
    };
    expect(printed).toEqual({ id: expect.any(Number), partner_token: expect.any(String) });
    expect(printed.partner_token).toMatch(/^[0-9a-f]{64}$/);
    partnerToken = printed.partner_token;
  });

  it('user create prints the new user', async () => {
    const args = ['user', 'create', '--login', 'a@b.c', '--password', 'secret123'];
    expect(JSON.parse(await cli(dataDir, ...args))).toEqual({
      id: expect.any(Number),
      login: 'a@b.c',
    });
  });

  it('serve honours VISITA_PARTNER_TOKEN and VISITA_ADMIN_LOGIN/PASSWORD', async () => {
    const configuredToken = randomBytes(16).toString('hex');
    const server = await serve({
      VISITA_DATA_DIR: dataDir,
      VISITA_DEMO: '0',
      VISITA_PARTNER_TOKEN: configuredToken,
      VISITA_ADMIN_LOGIN: 'admin@visita.test',
      VISITA_ADMIN_PASSWORD: 'admin-pass-1',
      VISITA_RATE_LIMIT: 'off', // this test fires more than 5 requests in a second
    });
    const json = (token: string) => ({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    });
    const logIn = (token: string, login: string, password: string) =>
      request(server.base, '/api/v1/auth', {
        method: 'POST',
        headers: json(token),
        body: JSON.stringify({ login, password }),
      });

    expect(
      (await request(server.base, '/api/v1/companies', { headers: json(configuredToken) })).status,
    ).toBe(200);
    const admin = await logIn(configuredToken, 'admin@visita.test', 'admin-pass-1');
    expect(admin.status).toBe(201);
    expect(admin.body.data.user_token).toMatch(/^[0-9a-f]{64}$/);
    // What the one-shot commands created is there too.
    expect(
      (await request(server.base, '/api/v1/companies', { headers: json(partnerToken) })).status,
    ).toBe(200);
    expect((await logIn(partnerToken, 'a@b.c', 'secret123')).status).toBe(201);
    expect((await logIn(partnerToken, 'a@b.c', 'wrong')).status).toBe(401);
    expect(server.output()).not.toContain('demo partner token');
  });

  it('serve on a fresh directory loads the demo: two locations in two time zones', async () => {
    const server = await demoServer;
    const credentials = JSON.parse(
      await readFile(join(demoDir, 'demo-credentials.json'), 'utf8'),
    ) as { partnerToken: string; login: string; password: string };
    expect(server.output()).toContain(`demo partner token: ${credentials.partnerToken}`);
    const res = await request(server.base, '/api/v1/companies', {
      headers: { authorization: `Bearer ${credentials.partnerToken}` },
    });
    expect(res.status).toBe(200);
    const zones = (res.body.data as { timezone_name: string }[]).map((c) => c.timezone_name);
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Berlin']);
  });
});
