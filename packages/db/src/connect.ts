import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import { valueParsers, type Db, type Queryable } from './db';

export interface ConnectOptions {
  /** postgres://... ; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string | undefined;
  /** A PGlite data dir dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | undefined;
  maxConnections?: number;
}

export async function connect(options: ConnectOptions): Promise<Db> {
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.maxConnections)
    : connectPglite(options);
}

const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    const parser = valueParsers[oid];
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

export async function connectPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes });
  pool.on('error', () => undefined); // idle client errors surface on the next query instead
  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function connectPglite(options: ConnectOptions): Promise<Db> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { btree_gist },
    parsers: valueParsers,
  });
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T extends object>(sql: string, params?: unknown[]) {
      const result = await q.query<T>(sql, params);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
    /** Exposed for the test helper that clones a migrated template. */
    dumpDataDir: () => db.dumpDataDir('none'),
  } as Db;
}
