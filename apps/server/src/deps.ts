import type { Clock } from '@visita/core';
import type { Db, Repos } from '@visita/db';
import type { PasswordHasher } from './adapters/crypto';
import type { Config } from './config';

/** What the composition root hands to every route module. */
export interface ServerDeps {
  db: Db;
  uow: <T>(fn: (repos: Repos) => Promise<T>) => Promise<T>;
  clock: Clock;
  passwords: PasswordHasher;
  config: Config;
}
