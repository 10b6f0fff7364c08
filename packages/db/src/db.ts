/**
 * One database type over two drivers: embedded PGlite (the default, `npm start`) and
 * node-postgres (production). Both run the same migrations and the same SQL; value parsing is
 * aligned so that repositories see identical JS values on either.
 */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: all of it is written, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL type OIDs whose default JS mapping differs between the drivers. */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export const valueParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: (v) => Number(v),
  [TYPE_OIDS.numeric]: (v) => Number(v),
  [TYPE_OIDS.date]: (v) => v,
};

export interface PgErrorLike {
  code?: string;
  constraint?: string;
}

export function isPgError(error: unknown, code: string): error is PgErrorLike {
  return typeof error === 'object' && error !== null && (error as PgErrorLike).code === code;
}

export const PG = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
} as const;
