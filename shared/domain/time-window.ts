// A span of time in which something is open: registration, an offering, admission-ticket printing.
export interface TimeWindow {
  readonly opensAt: Date;
  readonly closesAt: Date;
}

export type WindowState = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/**
 * Half-open: `opensAt` is inside, `closesAt` is not, so a window ending at 17:00 and the next one
 * starting at 17:00 never overlap and a refusal never depends on which side of a millisecond wins.
 */
export function windowState(window: TimeWindow, now: Date): WindowState {
  if (now.getTime() < window.opensAt.getTime()) return 'NOT_OPEN';
  return now.getTime() < window.closesAt.getTime() ? 'OPEN' : 'CLOSED';
}

export function isWithinWindow(window: TimeWindow, now: Date): boolean {
  return windowState(window, now) === 'OPEN';
}
