#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { migrate, seedDemo } from '@visita/db';
import { argon2Hasher } from './adapters/crypto';
import { buildApp } from './app';
import { createPartner, ensureOwner } from './bootstrap';
import { loadConfig } from './config';
import { ensureAppPartner, openDatabase, prepareDatabase } from './runtime';
import { startOutboxWorker } from './outbox-worker';
import { buildOpenApiDocument } from './openapi-document';

const USAGE = `visita <command>

  serve                 API + job worker (+ static apps) in one process (default)
  api                   API only (scale out: many of these behind a load balancer)
  worker                job worker only
  migrate               apply pending database migrations
  seed-demo             load the demo chain into the database
  partner create [--name N]                      print a new partner token
  user create --login L --password P [--name N] [--chain ID ...]   owner of the chains (all if none)
  openapi               print the OpenAPI document

Configuration is by environment variables; see README.md.`;

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
    case 'api':
      return serve(config, command === 'serve');
    case 'worker':
      return worker(config);
    case 'migrate': {
      const db = await openDatabase(config);
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return db.close();
    }
    case 'seed-demo': {
      const db = await openDatabase(config);
      await migrate(db);
      const result = await seedDemo(db);
      console.log(`demo chain ${result.chainId} with locations ${result.locationIds.join(', ')}`);
      return db.close();
    }
    case 'partner': {
      if (sub !== 'create') break;
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } });
      const db = await openDatabase(config);
      await migrate(db);
      const partner = await createPartner(db, values.name ?? 'Partner');
      console.log(JSON.stringify({ id: partner.id, partner_token: partner.token }));
      return db.close();
    }
    case 'user': {
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          login: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
          chain: { type: 'string', multiple: true },
        },
      });
      if (!values.login || !values.password) break;
      const db = await openDatabase(config);
      await migrate(db);
      const id = await ensureOwner(db, argon2Hasher, {
        login: values.login,
        password: values.password,
        ...(values.name ? { name: values.name } : {}),
        ...(values.chain ? { chainIds: values.chain.map(Number) } : {}),
      });
      console.log(JSON.stringify({ id, login: values.login }));
      return db.close();
    }
    case 'openapi': {
      process.stdout.write(JSON.stringify(await buildOpenApiDocument(), null, 2) + '\n');
      return;
    }
  }
  console.error(USAGE);
  process.exitCode = 2;
}

async function serve(config: ReturnType<typeof loadConfig>, withWorker: boolean): Promise<void> {
  const started = Date.now();
  const db = await openDatabase(config);
  const demo = await prepareDatabase(db, config);
  const appPartnerToken = await ensureAppPartner(db, config);
  const app = await buildApp({ db, config: { ...config, appPartnerToken } });
  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;
  const lines = [
    `Visita is ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${base} (${db.kind}${config.databaseUrl ? '' : ` at ${config.dataDir}`})`,
    `  API:      ${base}/api/v1`,
    `  API docs: ${base}/api/docs`,
    `  app:      ${base}/app/`,
    `  health:   ${base}/healthz  ${base}/readyz`,
  ];
  if (demo)
    lines.push(
      `  demo partner token: ${demo.partnerToken}`,
      `  demo owner login:   ${demo.login} / ${demo.password}`,
      `  try: curl -H 'Authorization: Bearer ${demo.partnerToken}' ${base}/api/v1/companies`,
    );
  if (withWorker) lines.push('  job worker: running in this process');
  console.log(lines.join('\n'));
  const jobs = withWorker ? await startOutboxWorker(db, config) : null;
  const stop = async () => {
    await jobs?.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function worker(config: ReturnType<typeof loadConfig>): Promise<void> {
  const db = await openDatabase(config);
  await migrate(db);
  console.log('visita worker: running');
  const jobs = await startOutboxWorker(db, config);
  const stop = async () => {
    await jobs.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
