import type { Clock, SmsProvider, TermsTextSource, TokenCrypto } from '@visita/core';
import type { Db, Repos } from '@visita/db';
import type { PasswordHasher } from './adapters/crypto';
import type { LoyaltyAdapters } from './adapters/loyalty';
import type { Config } from './config';

/** What the composition root hands to every route module. */
export interface ServerDeps {
  db: Db;
  uow: <T>(fn: (repos: Repos) => Promise<T>) => Promise<T>;
  /** Repositories without a transaction, for reads of committed data. */
  read: <T>(fn: (repos: Repos) => Promise<T>) => Promise<T>;
  tokens: TokenCrypto;
  clock: Clock;
  passwords: PasswordHasher;
  config: Config;
  /** The configured SMS gateway (login codes). */
  sms: SmsProvider;
  /** Loyalty: instrument numbers, type images and their storage, payment acquirers. */
  loyalty: LoyaltyAdapters;
  /** The texts of the terms: the operator's files, else the shipped ones. */
  terms: TermsTextSource;
}
