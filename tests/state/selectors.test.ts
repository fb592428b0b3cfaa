import { describe, expect, it } from 'vitest';
import { selectAbstractReferences, selectVisibleReferences } from '../../src/state/selectors';
import { loadedStore } from './helpers';

describe('selectors', () => {
  it('return the same array until the cursor or the walk changes', async () => {
    const store = await loadedStore();
    store.getState().seek(6);
    const first = selectVisibleReferences(store.getState());
    expect(first.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(selectVisibleReferences(store.getState())).toBe(first);
    store.getState().stepForward();
    expect(selectVisibleReferences(store.getState())).toHaveLength(7);
  });

  it('count n·m + n + m for the sliders', () => {
    expect(selectAbstractReferences({ abstractN: 5, abstractM: 5 })).toBe(35);
    expect(selectAbstractReferences({ abstractN: 1, abstractM: 1 })).toBe(3);
  });
});
