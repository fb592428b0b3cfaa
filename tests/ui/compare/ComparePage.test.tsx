// The compare view: each configuration walked by the engine, the grids stepping in lockstep, the
// counts in the table the engine's, a changed configuration walked anew and kept in the link.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createWalkApi } from '../../../src/worker/walk-api';
import { compareFromSearch } from '../../../src/state/compare-url';
import { ComparePage } from '../../../src/ui/compare/ComparePage';

const api = createWalkApi();
const client = { walk: (doc: unknown) => Promise.resolve(api.walk(doc)) };

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const column = (name: string) => screen.getByRole('article', { name });

describe('compare view', () => {
  it('steps native, EPT 4 KiB and EPT 2 MiB together and tables the engine’s counts', async () => {
    const user = userEvent.setup();
    render(<ComparePage link={compareFromSearch('?compare=native-4k,ept-4k,ept-2m')!} client={client} />);
    const table = await screen.findByTestId('compare-table');
    await within(table).findByText('19');
    expect(screen.getByTestId('compare-counter')).toHaveTextContent('0 / 24');

    for (let i = 0; i < 5; i++) await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('compare-counter')).toHaveTextContent('5 / 24');
    // Native has finished after its 4 references; the nested grids are at their 5th.
    expect(within(column('Native, 4 KiB pages')).getByTestId('compare-done')).toHaveTextContent(
      'Finished at step 4',
    );
    expect(within(column('EPT, 4 KiB guest on 4 KiB EPT')).getByText('step 5 of 24')).toBeInTheDocument();
    expect(within(column('EPT, 4 KiB guest on 2 MiB EPT')).getByText('step 5 of 19')).toBeInTheDocument();
    expect(window.location.search).toContain('step=5');

    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toMatch(/^Native, 4 KiB pages4—40/);
    expect(rows[2]).toMatch(/^EPT, 4 KiB guest on 4 KiB EPT24\+20 \(6\.0×\)24/);
    expect(rows[3]).toMatch(/^EPT, 4 KiB guest on 2 MiB EPT19\+15 \(4\.8×\)245/);
  });

  it('a grid changed to warm caches is walked anew: 2 references, 22 cells spared', async () => {
    const user = userEvent.setup();
    render(<ComparePage link={compareFromSearch('?compare=native-4k,ept-4k')!} client={client} />);
    await within(await screen.findByTestId('compare-table')).findAllByText('24');
    await user.selectOptions(screen.getByLabelText('Grid 3'), 'ept-4k-warm');
    const warm = 'EPT 4 KiB, caches warm (Skylake), the neighbour page';
    await within(column(warm)).findByText(/22 spared by caches: 2 references/);
    await user.keyboard('{End}');
    expect(screen.getByTestId('compare-counter')).toHaveTextContent('24 / 24');
    expect(within(column(warm)).getByTestId('compare-done')).toHaveTextContent(
      "2 references made: of the walk's cells (4 guest reads + 5 EPT walks × 4 = 24), caches spared 22.",
    );
    expect(window.location.search).toContain('compare=native-4k,ept-4k,ept-4k-warm');
  });

  it('an unknown configuration in a link falls back to the slide’s comparison', () => {
    expect(compareFromSearch('?compare=nope')?.ids).toEqual(['native-4k', 'ept-4k', 'ept-2m']);
    expect(compareFromSearch('?compare=ept-1g,nope,npt-4k&step=3')).toEqual({
      ids: ['ept-1g', 'npt-4k'],
      step: 3,
    });
  });
});
