/** Moved to shared/: booking and identity use it too, and booking must not depend on clients. */
export * from '../shared/phone';
