import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { resetPageEachTest, openApp } from './app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');

resetPageEachTest();

describe('walk interaction', () => {
  it('steps with the arrows right after a choice in a select: the select gives focus back', async () => {
    const { user } = await openApp();
    const preset = screen.getByRole('combobox', { name: 'Cache preset' });
    await user.selectOptions(preset, 'none');
    expect(preset).not.toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(counter()).toHaveTextContent('2 / 24');
  });

  it('jumps to a step from a grid cell (click and Enter) and from the step list', async () => {
    const { store, user } = await openApp();
    const grid = screen.getByRole('grid', { name: /Walk grid/ });
    const cells = within(grid).getAllByRole('gridcell');
    const cell12 = cells.find((c) => c.getAttribute('data-step') === '12')!;
    await user.click(cell12);
    expect(store.getState().cursor).toBe(12);
    const cell5 = cells.find((c) => c.getAttribute('data-step') === '5')!;
    cell5.focus();
    await user.keyboard('{Enter}');
    expect(store.getState().cursor).toBe(5);
    await user.click(screen.getByRole('button', { name: /^Go to step 3\b/ }));
    expect(store.getState().cursor).toBe(3);
  });

  it('toggles presenter mode with P, writes ?presenter=1, and drops the entry editors there', async () => {
    const { store, user } = await openApp();
    await user.keyboard('{End}');
    expect(screen.getAllByRole('button', { name: /^Edit / }).length).toBeGreaterThan(0);
    await user.keyboard('p');
    expect(store.getState().presenter).toBe(true);
    expect(window.location.search).toBe('?presenter=1');
    expect(screen.queryAllByRole('button', { name: /^Edit / })).toHaveLength(0);
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toBeInTheDocument();
    // The page's links keep presenter mode.
    const compare = () => screen.getByRole('link', { name: 'Compare configurations' }).getAttribute('href');
    expect(compare()).toBe('?presenter=1&compare=native-4k,ept-4k,ept-2m');
    await user.keyboard('p');
    expect(window.location.search).toBe('');
    expect(compare()).toBe('?compare=native-4k,ept-4k,ept-2m');
  });

  it('opens the glossary from the page', async () => {
    const { user } = await openApp();
    await user.click(screen.getByRole('button', { name: 'Glossary' }));
    const dialog = screen.getByRole('dialog', { name: 'Glossary', hidden: true });
    for (const term of ['gVA', 'gPA', 'hPA', 'EPTP', 'PWC', 'STLB', 'VPID', 'PCID'])
      expect(within(dialog).getByText(term)).toBeInTheDocument();
  });
});
