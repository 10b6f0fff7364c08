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
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: pgTypes,
    // A request that cannot get a connection, or waits on a lock, fails with an error instead of
    // hanging; a transaction left open by a crashed caller is ended by the server.
    connectionTimeoutMillis: 30_000,
    lock_timeout: 10_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  pool.on('error', () => undefined); // idle client errors surface on the next query instead
  const onPool: Queryable = {
    async query<T extends object>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
  };
  /** One client runs one statement at a time: concurrent calls inside a transaction queue up. */
  const onClient = (client: pg.PoolClient): Queryable => {
    let last: Promise<unknown> = Promise.resolve();
    return {
      query<T extends object>(sql: string, params?: unknown[]) {
        const run = last.then(
          () => client.query(sql, params),
          () => client.query(sql, params),
        );
        last = run.catch(() => undefined);
        return run.then((result) => result.rows as T[]);
      },
    };
  };
  return {
    kind: 'postgres',
    ...onPool,
    async transaction(fn) {
      const client = await pool.connect();
      const tx = onClient(client);
      let broken: Error | undefined;
      // A checked-out client whose connection dies emits 'error'; unheard, it would end the
      // process. Heard, the failing query rejects as usual and the client is dropped, not reused.
      const onLost = (error: Error) => {
        broken = error;
      };
      client.on('error', onLost);
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection whose rollback failed is in an unknown state: drop it, never reuse it.
        client.off('error', onLost);
        client.release(broken);
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
