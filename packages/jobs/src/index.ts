/** Background jobs: the outbox worker, the jobs table worker, the notification engine, Web Push. */
export * from './outbox-worker';
export * from './job-worker';
export * from './notifications';
export * from './push/web-push-sender';
export { pushPayload } from './push/deliver';
export { linkOf } from './notifications/compose';
export * from './engine';
