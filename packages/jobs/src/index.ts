/** Background jobs; the outbox consumers arrive with the booking and notification engines. */
export {};
