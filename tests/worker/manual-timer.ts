// Deadlines for worker-fault tests that pass only when the test says so.
import type { DeadlineTimer } from '../../src/worker/deadline';

export function manualTimer() {
  const live = new Set<{ ms: number; expire: () => void }>();
  const timer: DeadlineTimer = (ms, expire) => {
    const deadline = { ms, expire };
    live.add(deadline);
    return () => live.delete(deadline);
  };
  return {
    timer,
    pending: () => [...live].map((d) => d.ms),
    expireAll() {
      for (const deadline of [...live]) {
        live.delete(deadline);
        deadline.expire();
      }
    },
  };
}
