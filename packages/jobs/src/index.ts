/** Background jobs: the outbox worker that hands domain events to their handlers. */
export * from './outbox-worker';
