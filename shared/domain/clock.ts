// Time is passed in, never read: rules take `now` as an argument, services get a Clock injected.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const HOUR_MS = 60 * 60 * 1000;
