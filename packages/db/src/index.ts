export * from './db';
export * from './connect';
export * from './migrate';
export * from './repos';
export * as authRepo from './repositories/auth';
export * from './demo/seed-demo';
export * as outboxQueue from './repositories/outbox-queue';
