/**
 * Vitest global setup: migrate once, then every test file clones the result.
 * PGlite: a dump of a migrated data dir in a temp file. PostgreSQL (TEST_DATABASE_URL): a
 * migrated template database that each file copies with CREATE DATABASE ... TEMPLATE.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPglite, connectPostgres } from '../connect';
import { migrate } from '../migrate';
import { adminUrl, databaseUrlFor, uniqueName } from './names';

export default async function setup(): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const template = uniqueName('visita_tpl');
    const admin = await connectPostgres(adminUrl(base), 1);
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await connectPostgres(databaseUrlFor(base, template), 1);
    await migrate(db);
    await db.close();
    process.env.VISITA_TEST_PG_TEMPLATE = template;
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.close();
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'visita-test-'));
  const db = await connectPglite({});
  await migrate(db);
  const dump = await (db as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  await db.close();
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env.VISITA_TEST_PGLITE_TEMPLATE = file;
  return () => rm(dir, { recursive: true, force: true });
}
