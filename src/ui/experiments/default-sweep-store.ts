/**
 * The page's one sweep store, made on first use: its worker pool starts only when the
 * Experiments panel is first shown, and its results outlive the panel being hidden.
 */
import { createSweepStore, type SweepStore } from '../../state/sweep-store';
import { createSweepPool } from '../../worker/sweep-pool';

let store: SweepStore | null = null;

export function defaultSweepStore(): SweepStore {
  store ??= createSweepStore(createSweepPool());
  return store;
}
