/** Time comes from a clock in deps, never from `new Date()` in a handler: tests and TEST_CLOCK set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that follows the system clock until set; `set` pins it to an instant (browser tests). */
export interface SettableClock extends Clock {
  set(at: Date): void;
  reset(): void;
  isSet(): boolean;
}

export function createSettableClock(base: Clock = systemClock): SettableClock {
  let pinned: Date | undefined;
  return {
    now: () => (pinned ? new Date(pinned.getTime()) : base.now()),
    set: (at) => {
      pinned = new Date(at.getTime());
    },
    reset: () => {
      pinned = undefined;
    },
    isSet: () => pinned !== undefined,
  };
}
