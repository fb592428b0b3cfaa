import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CACHE_PRESETS } from '../../../src/engine/cache/presets';
import { selectCurrentCacheSnapshot, selectTotalReferences } from '../../../src/state/selectors';
import { CachePresetControl } from '../../../src/ui/controls/CachePresetControl';
import { CachesSection } from '../../../src/ui/layout/CachesSection';
import { newAppStore, readPublicJson, renderWithStore } from '../app-harness';

const presetSelect = () => screen.getByRole('combobox', { name: 'Cache preset' });

describe('CachePresetControl', () => {
  it("lists the engine's presets by their labels and describes the chosen one with its sources", async () => {
    const store = newAppStore();
    await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
    renderWithStore(<CachePresetControl />, store);
    expect(
      within(presetSelect())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'No caches',
      'Intel Sandy Bridge',
      'Intel Skylake (client)',
      'AMD Zen 3',
      'Ideal (very large)',
    ]);
    expect(presetSelect()).toHaveValue('none');
    expect(presetSelect()).toHaveAccessibleDescription(CACHE_PRESETS.none.sources);
  });

  it('writes cpu.tlb into the scenario and walks again: 24 references become 13 with Skylake', async () => {
    const store = newAppStore();
    await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
    expect(selectTotalReferences(store.getState())).toBe(24);
    renderWithStore(<CachePresetControl />, store);
    await userEvent.setup().selectOptions(presetSelect(), 'skylake');
    await waitFor(() => expect(selectTotalReferences(store.getState())).toBe(13));
    expect(store.getState().scenario?.cpu?.tlb).toBe('skylake');
    expect(selectCurrentCacheSnapshot(store.getState())?.label).toBe('Intel Skylake (client)');
    expect(presetSelect()).toHaveAccessibleDescription(CACHE_PRESETS.skylake.sources);

    await userEvent.setup().selectOptions(presetSelect(), 'none');
    await waitFor(() => expect(selectTotalReferences(store.getState())).toBe(24));
    expect(store.getState().scenario?.cpu).not.toHaveProperty('tlb');
  });

  it('shows the caches of the selected access: the repeated access is one L1 DTLB hit, 0 references', async () => {
    const store = newAppStore();
    await store
      .getState()
      .loadScenario(readPublicJson('scenarios/caches-skylake.json'), 'caches-skylake.json');
    renderWithStore(<CachesSection />, store);
    expect(presetSelect()).toHaveValue('skylake');
    store.getState().setAccessIndex(1);
    expect(selectTotalReferences(store.getState())).toBe(0);
    const hit = await screen.findByText(/L1 DTLB 4K: hit/);
    expect(hit).toHaveTextContent('spares 24 steps');
    expect(document.querySelectorAll('.nw-caches-cell[data-state="hit"]')).toHaveLength(1);
  });

  it('rewinds with the cursor: the caches show the state as of the current step', async () => {
    const store = newAppStore();
    await store
      .getState()
      .loadScenario(readPublicJson('scenarios/caches-skylake.json'), 'caches-skylake.json');
    renderWithStore(<CachesSection />, store);
    const dtlb = () => document.querySelector('[data-structure="l1-dtlb-4k"]')!;
    act(() => store.getState().end());
    expect(dtlb()).toHaveTextContent('1 valid');
    act(() => store.getState().seek(5));
    expect(dtlb()).toHaveTextContent('0 valid');
    expect(document.querySelector('[data-structure="ept-pde-cache"] [data-state="hit"]')).not.toBeNull();
    act(() => store.getState().reset());
    expect(document.querySelectorAll('.nw-caches-cell[data-state]')).toHaveLength(0);
  });

  it('is disabled for a symbolic walk, which has no machine', async () => {
    const store = newAppStore();
    await store.getState().walkLevels(1, 3);
    renderWithStore(<CachePresetControl />, store);
    expect(presetSelect()).toBeDisabled();
  });
});
