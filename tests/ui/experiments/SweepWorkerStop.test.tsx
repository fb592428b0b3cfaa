/**
 * A sweep worker killed mid-sweep does not freeze the progress bar: its point runs again on a new
 * worker, the sweep finishes and the panel says what happened. The heartbeat deadline is expired by
 * hand.
 */
import { act, render, screen } from '@testing-library/react';
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createSweepStore } from '../../../src/state/sweep-store';
import { ExperimentsPanel } from '../../../src/ui/experiments/ExperimentsPanel';
import type { DeadlineTimer } from '../../../src/worker/deadline';
import { createSweepApi } from '../../../src/worker/sweep-api';
import type { SweepEngine } from '../../../src/worker/sweep-engine';
import { createSweepPool, type SweepPool } from '../../../src/worker/sweep-pool';
import { SMALL } from '../../state/sweep-fixtures';
import { createPortWorker } from '../../worker/port-worker';

const open: MessagePort[] = [];
const pools: SweepPool[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
  for (const port of open.splice(0)) port.close();
});

/** Reports progress forever, as a long point does, until its worker is killed. */
const endlessEngine: SweepEngine = {
  async run(_config, options) {
    for (let done = 1; options.cancel?.cancelled !== true; done++) {
      options.onProgress?.({ pass: 'measured', done, total: 1e9 });
      await options.pause();
    }
    throw new Error('cancelled');
  },
};

function killableWorker(engine?: SweepEngine) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  expose(createSweepApi(engine), port2);
  return { ...createPortWorker(port1), kill: () => port2.close() };
}

describe('a sweep worker killed mid-sweep', () => {
  it('is replaced, the sweep finishes, and the panel says a point ran again', async () => {
    const deadlines = new Set<() => void>();
    const timer: DeadlineTimer = (_ms, expire) => {
      deadlines.add(expire);
      return () => deadlines.delete(expire);
    };
    const first = killableWorker(endlessEngine);
    const workers = [first, killableWorker()];
    let created = 0;
    const pool = createSweepPool(1, { createWorker: () => workers[created++]?.worker ?? null, timer });
    pools.push(pool);
    const store = createSweepStore(pool, { settings: SMALL });
    render(<ExperimentsPanel store={store} />);

    act(() => store.getState().run());
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByText(/0 of 4 points/)).toBeInTheDocument();
    first.kill();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const expire of [...deadlines]) expire();
    });

    expect(await screen.findByText(/Done: 4 of 4 points/, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'A sweep worker stopped (no progress within 15 s) and was replaced: 1 point ran again from the start; the other points were not affected.',
    );
    expect(first.terminated()).toBe(true);
    expect(store.getState().errors).toEqual([]);
  });
});
