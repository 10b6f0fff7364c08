import type { Db, Queryable } from './db';
import { locationsRepo } from './repositories/locations';

/** Every repository, bound to one connection or transaction. */
export function createRepos(q: Queryable) {
  return {
    locations: locationsRepo(q),
  };
}

export type Repos = ReturnType<typeof createRepos>;

/** The unit of work the use cases take: one transaction, repositories bound to it. */
export function unitOfWork(db: Db) {
  return <T>(fn: (repos: Repos) => Promise<T>): Promise<T> =>
    db.transaction((tx) => fn(createRepos(tx)));
}
