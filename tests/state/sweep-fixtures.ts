/** A pool the test drives by hand, measurements with chosen numbers, and a small sweep. */
import { LECTURE_SETTINGS, MiB, type SweepSettings } from '../../src/state/sweep-settings';
import type { SweepListener, SweepOutcome, SweepPool } from '../../src/worker/sweep-pool';
import type { PointMeasurement, SweepTask } from '../../src/worker/sweep-protocol';

/** Two configurations at two heap sizes (1 and 4 MiB), no caches, a few hundred accesses a point. */
export const SMALL: SweepSettings = {
  ...LECTURE_SETTINGS,
  heapFrom: MiB,
  heapTo: 4 * MiB,
  heapStep: 4,
  configurations: ['native-4K', 'ept-4K-4K'],
  cachePreset: 'none',
  accesses: 500,
  warmup: 100,
};

export interface FakeRun {
  readonly tasks: readonly SweepTask[];
  readonly listener: SweepListener;
  finish(outcome?: SweepOutcome): void;
  cancelled: boolean;
}

export function createFakePool(): { pool: SweepPool; runs: FakeRun[] } {
  const runs: FakeRun[] = [];
  const pool: SweepPool = {
    size: 1,
    mode: 'in-thread',
    run(tasks, listener = {}) {
      let resolve!: (outcome: SweepOutcome) => void;
      const finished = new Promise<SweepOutcome>((r) => (resolve = r));
      const run: FakeRun = { tasks, listener, finish: (o = 'done') => resolve(o), cancelled: false };
      runs.push(run);
      return {
        finished,
        cancel: async () => {
          run.cancelled = true;
          resolve('cancelled');
        },
      };
    },
    dispose() {},
  };
  return { pool, runs };
}

export function measurement(refs: number, ns: number, cycles = ns * 3.4): PointMeasurement {
  return {
    mode: 'ept',
    engine: 'typescript',
    accesses: 1000,
    faults: 0,
    mismatches: 0,
    walkRate: 0.5,
    referencesPerAccess: refs,
    guestReferencesPerAccess: refs / 5,
    nestedReferencesPerAccess: (refs * 4) / 5,
    guestReferencesByLevel: [0, 1, 1, 1, 1, 0],
    nestedReferencesByLevel: [0, 4, 4, 4, 4, 0],
    caches: {
      tlbHitRate: 0.25,
      stlbHitsPerAccess: 0.1,
      pwcHitRate: 0.5,
      gpaHitRate: 0.125,
      nestedPwcHitRate: null,
      walkCacheHitRate: 0.375,
      structures: [],
    },
    dataCycles: 200,
    translationCyclesPerAccess: cycles - 200,
    cyclesPerAccess: cycles,
    nsPerAccess: ns,
    cancelled: false,
    native: null,
    slowdown: null,
  };
}
