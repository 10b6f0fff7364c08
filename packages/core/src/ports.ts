/** Time comes in through a port so that rules can be tested with a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
  };
}

/** One transaction per use case: everything `fn` writes commits together or not at all. */
export type UnitOfWork<R> = <T>(fn: (repos: R) => Promise<T>) => Promise<T>;
