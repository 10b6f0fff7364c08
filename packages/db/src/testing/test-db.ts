import { readFile } from 'node:fs/promises';
import { connectPglite, connectPostgres } from '../connect';
import type { Db } from '../db';
import { migrate } from '../migrate';
import { adminUrl, databaseUrlFor, uniqueName } from './names';

/**
 * A fresh, migrated database for one test file: PGlite by default, a new PostgreSQL database
 * (dropped on close) when TEST_DATABASE_URL is set. Never shared, never left behind.
 */
/** The PostgreSQL URL of a test database, for tests that start other processes on it. */
export type TestDb = Db & { url?: string };

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) return createPostgresTestDb(base);
  const template = process.env.VISITA_TEST_PGLITE_TEMPLATE;
  if (!template) {
    const db = await connectPglite({});
    await migrate(db);
    return db;
  }
  const bytes = await readFile(template);
  return connectPglite({ loadDataDir: new Blob([bytes]) });
}

async function createPostgresTestDb(base: string): Promise<TestDb> {
  const name = uniqueName('visita_test');
  const admin = await connectPostgres(adminUrl(base), 1);
  const template = process.env.VISITA_TEST_PG_TEMPLATE;
  await createDatabase(admin, name, template);
  // Test databases need atomic commits, not durable ones: without waiting for WAL flushes, a
  // checkpoint caused by another test file creating or dropping its database cannot stall them.
  const db = await connectPostgres(withoutDurableCommits(databaseUrlFor(base, name)), 20);
  if (!template) await migrate(db);
  return {
    ...db,
    url: databaseUrlFor(base, name),
    kind: 'postgres',
    query: db.query.bind(db),
    transaction: db.transaction.bind(db),
    async close() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function createDatabase(
  admin: Db,
  name: string,
  template: string | undefined,
): Promise<void> {
  const sql = template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`;
  // Copying a template fails while another copy of it is starting; a short retry settles it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(sql);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

function withoutDurableCommits(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', '-c synchronous_commit=off');
  return u.toString();
}
