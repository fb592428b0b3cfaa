// Live update: with the box ticked, a settings change reruns the sweep once the settings have
// settled (a short pause), cancelling the run in flight; after it, the recompute time is shown.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSweepStore } from '../../../src/state/sweep-store';
import { ExperimentsPanel } from '../../../src/ui/experiments/ExperimentsPanel';
import { createFakePool, measurement } from '../../state/sweep-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

/** The panel over a pool the test drives, live reruns 10 ms after the last change. */
function renderPanel() {
  const { pool, runs } = createFakePool();
  render(<ExperimentsPanel store={createSweepStore(pool, { liveDelayMs: 10 })} />);
  const caches = screen.getByRole('form', { name: 'Sweep settings' }).querySelector('select[id$="-caches"]');
  if (!(caches instanceof HTMLSelectElement)) throw new Error('no cache select');
  return { runs, caches, user: userEvent.setup() };
}

describe('live update', () => {
  it('a cache preset change reruns the sweep, cancels the run before it, and says how long it took', async () => {
    const { runs, caches, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Lecture experiment' }));
    expect(runs).toHaveLength(1);

    await user.click(screen.getByLabelText('Live update'));
    await user.selectOptions(caches, 'skylake');
    await act(settle);
    // The first run was still going: it is cancelled and one rerun starts with the new preset.
    expect(runs).toHaveLength(2);
    expect(runs[0]!.cancelled).toBe(true);
    expect(runs[1]!.tasks[0]!.config.cachePreset).toBe('skylake');

    // Each point's engine time (the worker's computing) is summed beside the wall-clock time.
    const points = runs[1]!.tasks.length;
    act(() => {
      for (const task of runs[1]!.tasks)
        runs[1]!.listener.onResult!(task.id, { ...measurement(10, 100), engineMs: 2.5 });
      runs[1]!.finish();
    });
    await screen.findByText(
      new RegExp(
        `Live update: recomputed in \\d+ ms \\(engine time ${Math.round(points * 2.5)} ms for the ${points} points\\)`,
      ),
    );
  });

  it('with the box unticked, a settings change waits for Run', async () => {
    const { pool, runs } = createFakePool();
    const store = createSweepStore(pool, { liveDelayMs: 10 });
    render(<ExperimentsPanel store={store} />);
    const user = userEvent.setup();
    const caches = screen
      .getByRole('form', { name: 'Sweep settings' })
      .querySelector('select[id$="-caches"]');
    if (!(caches instanceof HTMLSelectElement)) throw new Error('no cache select');
    await user.selectOptions(caches, 'skylake');
    await act(settle);
    expect(runs).toHaveLength(0);
  });
});
