import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** Serialises concurrent `migrate` runs (several API processes starting at once). */
const MIGRATION_LOCK = 727_001;

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
}

/**
 * Applies the forward-only SQL migrations not yet applied, each in its own transaction.
 * `dir` (a path ending in `/`) is for tests that need migrations of their own.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = [];
  // Under the lock too: concurrent CREATE TABLE IF NOT EXISTS can still collide in pg_type.
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres')
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  for (const name of await listMigrations(dir)) {
    const sql = await readFile(dir + name, 'utf8');
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres')
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations(name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await listMigrations();
  const rows = await db
    .query<{ name: string }>('SELECT name FROM schema_migrations')
    .catch(() => [] as { name: string }[]);
  const done = new Set(rows.map((r) => r.name));
  return all.filter((n) => !done.has(n));
}

/**
 * Splits a migration on statement-ending semicolons (outside dollar-quoted bodies) because
 * extended-protocol queries take one statement at a time on both drivers.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollar) continue;
    const dollarCount = (line.match(/\$\$/g) ?? []).length;
    if (dollarCount % 2 === 1) inDollar = !inDollar;
    current += line + '\n';
    if (!inDollar && line.trimEnd().endsWith(';')) {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
