// The line a live rerun ends with: the wall-clock recompute time, the engine's own time summed over
// the points, and how many points were taken unchanged from earlier runs.
import { describe, expect, it } from 'vitest';
import { selectLiveLine } from '../../src/state/sweep-selectors';
import type { SweepResult } from '../../src/state/sweep-store';
import { measurement } from './sweep-fixtures';

const result = (engineMs: number | undefined, reused = false): SweepResult =>
  ({ id: `p${engineMs}`, measurement: { ...measurement(10, 100), engineMs, reused } }) as SweepResult;
const done = (results: SweepResult[]) => ({
  liveRun: true,
  status: 'done' as const,
  startedAt: 1000,
  finishedAt: 1180.4,
  results,
});

describe('the live-update line', () => {
  it('sums the engine time of the points and says which were unchanged', () => {
    expect(selectLiveLine(done([result(40), result(30.6)]))).toBe(
      'Live update: recomputed in 180 ms (engine time 71 ms for the 2 points)',
    );
    expect(selectLiveLine(done([result(40), result(0.2, true)]))).toBe(
      'Live update: recomputed in 180 ms (engine time 40 ms for the 2 points; 1 unchanged, taken from earlier runs)',
    );
    expect(selectLiveLine(done([result(0.1, true), result(0.2, true)]))).toMatch(
      /engine time 0 ms for the 2 points; all unchanged, taken from earlier runs\)$/,
    );
  });

  it('says only the wall-clock time for results saved without engine times, and nothing outside a live rerun', () => {
    expect(selectLiveLine(done([result(undefined)]))).toBe('Live update: recomputed in 180 ms');
    expect(selectLiveLine({ ...done([result(40)]), liveRun: false })).toBeNull();
    expect(selectLiveLine({ ...done([result(40)]), status: 'running' })).toBeNull();
  });
});
