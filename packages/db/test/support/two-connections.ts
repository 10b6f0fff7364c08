import type { Db, Queryable } from '../../src/db';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export type Outcome = { ok: true } | { ok: false; code: string | undefined; constraint?: string };

const outcomeOf = (error: unknown): Outcome => {
  const e = error as { code?: string; constraint?: string };
  return { ok: false, code: e.code, ...(e.constraint ? { constraint: e.constraint } : {}) };
};

/**
 * Two transactions on two pooled connections, really interleaved (PostgreSQL only): A writes and
 * stays open; B writes while A is open; then A ends (`commit` or `rollback`). Reports whether B
 * was still waiting when A ended and how B finished. A correct guard (exclusion constraint, row
 * lock) makes B wait on A's uncommitted row and then fail or succeed depending on A's fate.
 */
export async function interleave(
  db: Db,
  writeA: (tx: Queryable) => Promise<unknown>,
  writeB: (tx: Queryable) => Promise<unknown>,
  endA: 'commit' | 'rollback' = 'commit',
): Promise<{ bWaitedForA: boolean; b: Outcome }> {
  const aWrote = deferred();
  const aMayEnd = deferred();
  const a = db
    .transaction(async (tx) => {
      await writeA(tx);
      aWrote.resolve();
      await aMayEnd.promise;
      if (endA === 'rollback') throw new Error('rolled back on purpose');
    })
    .catch((error: Error) => {
      if (error.message !== 'rolled back on purpose') throw error;
    });
  await aWrote.promise;
  let bDone = false;
  const b = db
    .transaction((tx) => writeB(tx))
    .then(
      (): Outcome => ({ ok: true }),
      (error: unknown) => outcomeOf(error),
    )
    .finally(() => (bDone = true));
  // B cannot finish while a guard makes it wait for A; without a guard it is done long before.
  await waitUntilBlocked(db);
  const bWaitedForA = !bDone;
  aMayEnd.resolve();
  await a;
  return { bWaitedForA, b: await b };
}

/** Waits until some backend of this database waits on a lock (B behind A), at most ~2 s. */
async function waitUntilBlocked(db: Db): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((row?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs one write in its own transaction and reports how it finished. */
export async function attempt(
  db: Db,
  write: (tx: Queryable) => Promise<unknown>,
): Promise<Outcome> {
  return db
    .transaction((tx) => write(tx))
    .then(
      (): Outcome => ({ ok: true }),
      (error: unknown) => outcomeOf(error),
    );
}
