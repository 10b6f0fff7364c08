import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPglite, connectPostgres } from '../src/connect';
import type { Db } from '../src/db';
import { listMigrations, migrate, pendingMigrations, splitStatements } from '../src/migrate';
import { adminUrl, databaseUrlFor, uniqueName } from '../src/testing';
import { onPostgres } from './support/two-connections';

/** Empty databases (no template): the migrator is what is under test. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<{ open(): Promise<Db> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const db = await connectPglite({});
    cleanups.push(() => db.close());
    return { open: () => Promise.resolve(db) };
  }
  const name = uniqueName('visita_migrate');
  const admin = await connectPostgres(adminUrl(base), 1);
  await admin.query(`CREATE DATABASE ${name}`);
  const pools: Db[] = [];
  cleanups.push(async () => {
    for (const pool of pools) await pool.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });
  return {
    async open() {
      const pool = await connectPostgres(databaseUrlFor(base, name), 2);
      pools.push(pool);
      return pool;
    },
  };
}

const tablesNamed = async (db: Db, pattern: string) =>
  (
    await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name LIKE $1 ORDER BY table_name`,
      [pattern],
    )
  ).map((r) => r.table_name);

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'visita-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) await writeFile(join(dir, name), sql);
  return dir + '/';
}

describe('migrate', () => {
  it('applies every migration once, in order, and nothing on the second run', async () => {
    const db = await (await emptyDatabase()).open();
    const all = await listMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(await pendingMigrations(db)).toEqual(all);
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
    expect(await pendingMigrations(db)).toEqual([]);
    const recorded = await db.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY applied_at, name',
    );
    expect(recorded.map((r) => r.name)).toEqual(all);
    expect(await tablesNamed(db, '%occupancy')).toEqual(['resource_occupancy', 'staff_occupancy']);
  });

  it('a failing migration leaves nothing of itself behind and is retried on the next run', async () => {
    const db = await (await emptyDatabase()).open();
    const dir = await migrationsDir({
      '0001_first.sql': 'CREATE TABLE mig_first (id int);\n',
      '0002_second.sql':
        'CREATE TABLE mig_second (id int);\nINSERT INTO mig_second VALUES (1);\nSELECT * FROM no_such_table;\n',
    });
    await expect(migrate(db, dir)).rejects.toThrow(/no_such_table/);
    expect(await tablesNamed(db, 'mig_%')).toEqual(['mig_first']);
    expect(await pendingMigrations(db)).toContain('0001_foundation.sql');
    const recorded = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
    expect(recorded.map((r) => r.name)).toEqual(['0001_first.sql']);

    await writeFile(dir + '0002_second.sql', 'CREATE TABLE mig_second (id int);\n');
    expect(await migrate(db, dir)).toEqual(['0002_second.sql']);
    expect(await tablesNamed(db, 'mig_%')).toEqual(['mig_first', 'mig_second']);
  });

  it.skipIf(!onPostgres)(
    'several processes starting at once on PostgreSQL: each migration applied exactly once',
    async () => {
      const database = await emptyDatabase();
      const pools = await Promise.all([1, 2, 3, 4].map(() => database.open()));
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(results.flat().sort()).toEqual(await listMigrations());
      const [row] = await pools[0]!.query<{ n: number; distinct_names: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct_names FROM schema_migrations',
      );
      expect(row).toEqual({ n: results.flat().length, distinct_names: results.flat().length });
    },
  );
});

describe('splitStatements', () => {
  it('splits on statement ends, keeps dollar-quoted bodies whole, drops comment lines', () => {
    const sql = [
      '-- a comment; with a semicolon',
      'CREATE TABLE a (id int);',
      'CREATE FUNCTION f() RETURNS trigger AS $$',
      'BEGIN',
      '  NEW.x := 1;',
      '  RETURN NEW;',
      'END $$ LANGUAGE plpgsql;',
      'INSERT INTO a',
      '  VALUES (1);',
    ].join('\n');
    expect(splitStatements(sql)).toEqual([
      'CREATE TABLE a (id int);',
      'CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND $$ LANGUAGE plpgsql;',
      'INSERT INTO a\n  VALUES (1);',
    ]);
  });
});
