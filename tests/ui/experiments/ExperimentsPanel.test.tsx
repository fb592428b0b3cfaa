import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSweepStore } from '../../../src/state/sweep-store';
import { ExperimentsPanel } from '../../../src/ui/experiments/ExperimentsPanel';
import { createFakePool, measurement } from '../../state/sweep-fixtures';

const GiB = 2 ** 30;

function setup() {
  const { pool, runs } = createFakePool();
  const store = createSweepStore(pool);
  render(<ExperimentsPanel store={store} />);
  return { store, runs, user: userEvent.setup() };
}

describe('ExperimentsPanel', () => {
  it('runs the lecture experiment with one click, shows progress, then the four configurations in the table', async () => {
    const { runs, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Lecture experiment' }));
    const run = runs[0]!;
    expect(run.tasks).toHaveLength(32);
    const bar = screen.getByRole('progressbar', { name: 'Sweep progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();

    act(() => {
      run.tasks.forEach((task, i) => {
        const refs = task.id.startsWith('native') ? 1 : 10;
        if (i < 16) run.listener.onResult!(task.id, measurement(refs, 60 + i));
      });
    });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByText(/16 of 32 points/)).toBeInTheDocument();

    act(() => {
      run.tasks.slice(16).forEach((task) => run.listener.onResult!(task.id, measurement(24, 143.5)));
      run.finish();
    });
    await screen.findByText(/Done: 32 of 32 points/);
    expect(bar).toHaveAttribute('aria-valuenow', '100');

    const table = screen.getByRole('table', { name: /Average per access/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Native, 4 KiB pages',
      'EPT 4 KiB, guest 4 KiB',
      'EPT 2 MiB, guest 4 KiB',
      'EPT 1 GiB, guest 4 KiB',
    ]);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.at(-1)).toBe('32 GiB');
    expect(within(rows[1]!).getAllByRole('cell').at(-1)).toHaveTextContent('144 ns');
    expect(document.querySelectorAll('path.sweep-line')).toHaveLength(4);
    const takeaway = screen.getByRole('complementary', { name: 'What the sweep shows' });
    expect(takeaway).toHaveTextContent('At 32 GiB');
    expect(takeaway).toHaveTextContent(
      '64 MiB with 4 KiB pages, 128 KiB with 2 MiB pages, 256 B with 1 GiB pages',
    );
    expect(run.tasks.some((t) => t.config.heapBytes === 32 * GiB)).toBe(true);
  });

  it("charts and tables the translation caches' hit rates when asked", async () => {
    const { runs, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Lecture experiment' }));
    const run = runs[0]!;
    act(() => {
      run.tasks.forEach((task) => run.listener.onResult!(task.id, measurement(8, 100)));
      run.finish();
    });
    await screen.findByText(/Done: 32 of 32 points/);
    const chartShows = screen.getByRole('group', { name: 'Chart shows' });
    await user.click(within(chartShows).getByRole('button', { name: 'TLB hits' }));
    expect(within(chartShows).getByRole('button', { name: 'TLB hits' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('img', { name: /accesses translated by a TLB/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Average per access/ });
    // The references by dimension, on the references line.
    expect(within(table).getAllByRole('cell')[0]!.querySelector('.refs')).toHaveAttribute(
      'title',
      '1.60 in guest tables + 6.40 in EPT tables',
    );
    // The fixture's TLBs translate a quarter of the accesses.
    expect(within(table).getAllByRole('cell')[0]).toHaveTextContent('TLB hits 25.0 %');
    await user.click(within(chartShows).getByRole('button', { name: 'Paging-structure-cache hits' }));
    expect(within(table).getAllByRole('cell')[0]).toHaveTextContent('PSC hits 37.5 %');
    await user.click(within(chartShows).getByRole('button', { name: 'Time per access' }));
    expect(within(table).getAllByRole('cell')[0]).not.toHaveTextContent('%');
  });

  it("offers the time model's own numbers: cycles per reference and per data access, or memory cycles", async () => {
    const { store, user } = setup();
    expect(screen.getByRole('spinbutton', { name: 'Memory cycles' })).toHaveValue(200);
    expect(screen.queryByRole('spinbutton', { name: 'Cycles per table reference' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time model' }), 'flat');
    const perReference = screen.getByRole('spinbutton', { name: 'Cycles per table reference' });
    expect(perReference).toHaveValue(12);
    expect(screen.getByRole('spinbutton', { name: 'Cycles per data access' })).toHaveValue(200);
    expect(screen.queryByRole('spinbutton', { name: 'Memory cycles' })).toBeNull();
    await user.clear(perReference);
    await user.type(perReference, '20');
    await user.clear(screen.getByRole('spinbutton', { name: 'Clock (GHz)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Clock (GHz)' }), '2.5');
    expect(store.getState().settings).toMatchObject({ latency: 'flat', referenceCycles: 20, ghz: 2.5 });
  });

  it('cancel stops the run, keeps what finished, and Run works again', async () => {
    const { runs, store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Lecture experiment' }));
    act(() => runs[0]!.listener.onResult!(runs[0]!.tasks[0]!.id, measurement(4, 60)));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(runs[0]!.cancelled).toBe(true);
    expect(screen.getByText(/Cancelled: 1 of 32 points kept/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'EPT 4 KiB, guest 4 KiB' }));
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    expect(runs).toHaveLength(2);
    expect(runs[1]!.tasks).toHaveLength(24);
    expect(store.getState().status).toBe('running');
  });

  it('names the bad line of an uploaded trace and keeps the sweep settings', async () => {
    const { store, user } = setup();
    await user.selectOptions(screen.getByLabelText('Workload'), 'trace');
    await user.clear(screen.getByLabelText('Accesses per point'));
    await user.type(screen.getByLabelText('Accesses per point'), '5000');
    const before = store.getState().settings;
    const file = new File(['0x7f0000001000\n0x7f0000002000 w\nnot-an-address\n'], 'run.trace', {
      type: 'text/plain',
    });
    await user.upload(screen.getByLabelText('Trace file'), file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('run.trace: line 3');
    expect(alert).toHaveTextContent('"not-an-address" is not a hexadecimal address');
    expect(store.getState().settings).toEqual(before);
    expect(screen.getByLabelText('Accesses per point')).toHaveValue(5000);
    expect(screen.getByLabelText('Workload')).toHaveValue('trace');
  });
});
