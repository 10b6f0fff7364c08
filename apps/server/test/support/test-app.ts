import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, type Clock } from '@visita/core';
import type { Db } from '@visita/db';
import { createTestDb, makeLocation, makePartner, makeUser } from '@visita/db/testing';
import type { FastifyBaseLogger, FastifyInstance, InjectOptions } from 'fastify';
import type { PasswordHasher } from '../../src/adapters/crypto';
import { buildApp } from '../../src/app';
import { loadConfig, type RateLimitWindow } from '../../src/config';
import type { RateLimitStore } from '../../src/plugins/rate-limit';

/** Plain-text "hashes" keep HTTP tests fast; the argon2 adapter has its own test. */
export const plainPasswords: PasswordHasher = {
  hash: (p) => Promise.resolve(`plain:${p}`),
  verify: (h, p) => Promise.resolve(h === `plain:${p}`),
};

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  partnerToken: string;
  /** The app's data directory (a fresh temporary one). */
  dataDir: string;
  clock: Clock & { set(to: Date | string): void };
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    rateLimit?: RateLimitWindow[];
    now?: string;
    passwords?: PasswordHasher;
    rateLimitStore?: RateLimitStore;
    rateLimitNow?: () => number;
    /** A logger to read (e.g. `smsLog().logger` from ./sms-log, which collects the SMS codes). */
    loggerInstance?: FastifyBaseLogger;
    /** Environment variables the config is read from (default: none). */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  const clock = fixedClock(options.now ?? '2026-11-28T10:00:00Z');
  // Uploads (avatars) go to a throw-away data directory, never the working tree's ./data.
  const dataDir = await mkdtemp(join(tmpdir(), 'visita-test-data-'));
  // The partner exists before the app is built: the client app's booking form uses its token.
  const partner = await makePartner(db);
  const config = {
    ...loadConfig(options.env ?? {}),
    rateLimit: options.rateLimit ?? [],
    dataDir,
    appPartnerToken: partner.token,
  };
  const app = await buildApp({
    db,
    config,
    clock,
    passwords: options.passwords ?? plainPasswords,
    logger: false,
    rateLimitStore: options.rateLimitStore,
    rateLimitNow: options.rateLimitNow,
    loggerInstance: options.loggerInstance,
  });
  return {
    app,
    db,
    clock,
    partnerToken: partner.token,
    dataDir,
    async close() {
      await app.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function authHeader(partnerToken: string, userToken?: string): Record<string, string> {
  return {
    authorization: userToken
      ? `Bearer ${partnerToken}, User ${userToken}`
      : `Bearer ${partnerToken}`,
  };
}

export interface Json {
  success: boolean;
  data: any;
  meta: any;
}

export async function call(
  app: FastifyInstance,
  options: InjectOptions,
): Promise<{ status: number; body: Json; headers: Record<string, unknown> }> {
  const response = await app.inject(options);
  return {
    status: response.statusCode,
    body: (response.body ? response.json() : null) as Json,
    headers: response.headers,
  };
}

/** A location with an owner, an administrator, a staff member and an outsider (owner elsewhere). */
export async function makeTenant(db: Db, timezone = 'Europe/Berlin') {
  const location = await makeLocation(db, { timezone });
  const owner = await makeUser(db, { role: 'owner', chainId: location.chainId });
  const admin = await makeUser(db, { role: 'administrator', locationId: location.id });
  const staff = await makeUser(db, { role: 'staff', locationId: location.id });
  const otherLocation = await makeLocation(db);
  const outsider = await makeUser(db, { role: 'owner', chainId: otherLocation.chainId });
  return { location, owner, admin, staff, outsider, otherLocation };
}
