import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect, ensureVapidKeys, isEmpty, migrate, seedDemo, type Db } from '@visita/db';
import { generateVapidKeys } from '@visita/jobs';
import { argon2Hasher, tokenCrypto } from './adapters/crypto';
import { createPartner, ensureOwner, ensurePartner } from './bootstrap';
import type { Config } from './config';

/** Opens the configured database: PostgreSQL at DATABASE_URL, else PGlite in VISITA_DATA_DIR. */
export async function openDatabase(config: Config): Promise<Db> {
  if (config.databaseUrl) return connect({ databaseUrl: config.databaseUrl, maxConnections: 20 });
  await mkdir(config.dataDir, { recursive: true });
  return connect({ dataDir: join(config.dataDir, 'pglite') });
}

export interface DemoCredentials {
  partnerToken: string;
  login: string;
  password: string;
}

/**
 * Migrations, then (on an empty database, unless VISITA_DEMO=0) the demo data with a demo
 * partner and owner whose credentials are kept next to the data so every start can print them.
 */
export async function prepareDatabase(db: Db, config: Config): Promise<DemoCredentials | null> {
  await migrate(db);
  // Web Push needs the server's VAPID key pair: made at the first start, kept in the database.
  await ensureVapidKeys(db, () => generateVapidKeys(config.vapidSubject));
  let demo: DemoCredentials | null = null;
  const credentialsFile = join(config.dataDir, 'demo-credentials.json');
  if (config.demo && (await isEmpty(db))) {
    await seedDemo(db);
    const partner = await createPartner(db, 'Demo partner');
    demo = { partnerToken: partner.token, login: 'owner@demo.visita', password: 'visita-demo' };
    await ensureOwner(db, argon2Hasher, {
      login: demo.login,
      password: demo.password,
      name: 'Demo Owner',
    });
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(credentialsFile, JSON.stringify(demo, null, 2), { mode: 0o600 });
  } else if (config.demo) {
    demo = await readFile(credentialsFile, 'utf8')
      .then((text) => JSON.parse(text) as DemoCredentials)
      .catch(() => null);
  }
  if (config.partnerToken) await ensurePartner(db, config.partnerToken, 'Configured partner');
  if (config.adminLogin && config.adminPassword)
    await ensureOwner(db, argon2Hasher, {
      login: config.adminLogin,
      password: config.adminPassword,
    });
  return demo;
}

/**
 * The partner token of the client app's booking form: VISITA_APP_PARTNER_TOKEN, else one made
 * on the first start and kept in the data directory, so cached app pages stay valid.
 */
export async function ensureAppPartner(db: Db, config: Config): Promise<string> {
  const file = join(config.dataDir, 'app-partner-token');
  let token = config.appPartnerToken;
  if (!token) {
    token = (await readFile(file, 'utf8').catch(() => '')).trim();
    if (!token) {
      token = tokenCrypto.randomToken();
      await mkdir(config.dataDir, { recursive: true });
      await writeFile(file, token, { mode: 0o600 });
    }
  }
  await ensurePartner(db, token, 'Client app booking form');
  return token;
}
