/**
 * Deadlines for requests to a worker (docs/robustness.md): a worker that is terminated, closes
 * itself or drops a message it cannot read never answers and raises no event, so silence past a
 * deadline is the only sign of it. Tests pass their own `DeadlineTimer` and expire it by hand.
 */

/** Starts a deadline of `ms`; `expire` runs once when it passes. Returns the cancel. */
export type DeadlineTimer = (ms: number, expire: () => void) => () => void;

export const realTimer: DeadlineTimer = (ms, expire) => {
  const id = setTimeout(expire, ms);
  return () => clearTimeout(id);
};

/** A walk answers in milliseconds; ten seconds of silence means its worker has stopped. */
export const WALK_DEADLINE_MS = 10_000;

/** A sweep point reports progress every chunk (tens of milliseconds); this much silence is a stop. */
export const SWEEP_HEARTBEAT_MS = 15_000;

/** "10 s" for the user. */
export const formatDeadline = (ms: number): string =>
  ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
