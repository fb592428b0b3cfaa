import { describe, expect, it } from 'vitest';
import { nestedWalkReferences } from '../../src/engine/cost';
import { selectCurrentStep } from '../../src/state/selectors';
import { loadedStore, view } from './helpers';

describe('editing the linear address', () => {
  it('shows an inline error for text that is not hex, and changes nothing else', async () => {
    const store = await loadedStore();
    store.getState().seek(3);
    const before = store.getState();
    expect(await before.setLinearAddress('zz')).toBe(false);
    const after = store.getState();
    expect(after.addressError).toMatch(/not a hexadecimal address/);
    expect({ ...after, addressError: null }).toEqual({ ...before, addressError: null });
  });

  it('refuses a non-canonical address', async () => {
    const store = await loadedStore();
    const before = store.getState();
    expect(await before.setLinearAddress('0x8000_0000_0000')).toBe(false);
    expect(store.getState().addressError).toMatch(/not canonical/);
    expect(store.getState().scenario).toBe(before.scenario);
  });

  it('rewrites the access and walks again; a new address starts its walk at step 0', async () => {
    const store = await loadedStore();
    store.getState().end();
    expect(await store.getState().setLinearAddress('0x7FFF_F000_0FF8')).toBe(true);
    expect(view(store.getState())).toMatchObject({
      va: '0x7fff_f000_0ff8',
      cursor: 0,
      total: 24,
      outcome: 'ok',
    });
    expect(store.getState().trace?.results[0]?.pa).toBe('0x100400ff8');
  });

  it('walks an unmapped address to its page fault; a valid address clears the inline error', async () => {
    const store = await loadedStore();
    await store.getState().setLinearAddress('nope');
    expect(await store.getState().setLinearAddress('0x1000')).toBe(true);
    expect(view(store.getState())).toMatchObject({ addressError: null, outcome: 'page-fault', cursor: 0 });
  });
});

describe('editing the access', () => {
  it('changes the kind and the privilege of the selected access', async () => {
    const store = await loadedStore();
    await store.getState().setAccessKind('write');
    await store.getState().setCpl(0);
    const s = store.getState();
    expect(s.scenario?.accesses?.[0]).toEqual({ va: '0x7fff_f000_0123', kind: 'write', cpl: 0 });
    expect(s.trace?.results[0]).toMatchObject({ kind: 'write', cpl: 0, outcome: 'ok' });
    expect(s.concrete).toMatchObject({ kind: 'write', cpl: 0 });
  });
});

describe('editing an entry', () => {
  it('materializes the built tables into memory and writes the word', async () => {
    const store = await loadedStore();
    store.getState().seek(5); // the guest PML4 entry
    const entry = selectCurrentStep(store.getState());
    if (entry?.type !== 'guest-read') throw new Error('step 5 should read the guest PML4 entry');
    expect(await store.getState().editEntry(entry.addr, entry.lo & ~1, entry.hi)).toBe(true);

    const s = store.getState();
    expect(s.scenario).not.toHaveProperty('guestMappings');
    expect(s.scenario).not.toHaveProperty('eptMappings');
    expect(s.scenario).not.toHaveProperty('expect');
    const word = s.scenario?.memory?.find((w) => w.addr === '0x' + entry.addr.toString(16));
    expect(BigInt(word?.value ?? -1)).toBe(BigInt(entry.lo & ~1) | (BigInt(entry.hi) << 32n));
    // P = 0 in the guest PML4 entry: a #PF right after reading it.
    expect(view(s)).toMatchObject({ outcome: 'page-fault', total: 5, cursor: 5, error: null });
  });

  it('edits again after the first edit (memory only, no builders left)', async () => {
    const store = await loadedStore();
    store.getState().seek(5);
    const entry = selectCurrentStep(store.getState());
    if (!entry) throw new Error('no entry at step 5');
    await store.getState().editEntry(entry.addr, entry.lo & ~1, entry.hi);
    expect(await store.getState().editEntry(entry.addr, entry.lo, entry.hi)).toBe(true);
    expect(view(store.getState())).toMatchObject({ outcome: 'ok', total: 24 });
  });
});

describe('building walks from the controls', () => {
  it('builds 5-level guest on 5-level EPT: 35 references', async () => {
    const store = await loadedStore();
    await store.getState().applyConcrete({ guestLevels: 5, nestedLevels: 5 });
    expect(view(store.getState())).toMatchObject({ source: 'custom', total: 35, outcome: 'ok', n: 5, m: 5 });
  });

  it('builds AMD NPT and native walks', async () => {
    const store = await loadedStore();
    await store.getState().applyConcrete({ nested: 'npt' });
    expect(view(store.getState())).toMatchObject({ total: 24, outcome: 'ok', error: null });
    await store.getState().applyConcrete({ nested: 'native' });
    expect(view(store.getState())).toMatchObject({ total: 4, outcome: 'ok', error: null });
  });

  it.each([
    ['2M', '4K', 3 * 4 + 3 + 4],
    ['4K', '2M', 4 * 3 + 4 + 3],
    ['2M', '2M', 3 * 3 + 3 + 3],
    ['1G', '1G', 2 * 2 + 2 + 2],
  ] as const)('guest %s pages on EPT %s pages', async (guestPageSize, nestedPageSize, total) => {
    const store = await loadedStore();
    await store.getState().applyConcrete({ guestPageSize, nestedPageSize });
    expect(view(store.getState())).toMatchObject({ total, outcome: 'ok', error: null });
  });

  it('walks n × m for every slider position, 1…5 each: n·m + n + m references', async () => {
    const store = await loadedStore();
    for (let n = 1; n <= 5; n++) {
      for (let m = 1; m <= 5; m++) {
        expect(await store.getState().setAbstractLevels(n, m)).toBe(true);
        expect(view(store.getState())).toMatchObject({
          n,
          m,
          total: nestedWalkReferences(n, m),
          outcome: 'ok',
        });
      }
    }
  });

  it('shows a symbolic walk where no machine has the levels, without a scenario', async () => {
    const store = await loadedStore();
    await store.getState().setAbstractLevels(1, 3);
    expect(view(store.getState())).toMatchObject({ source: 'abstract', total: 7, cursor: 0, va: null });
    expect(store.getState().scenario).toBeNull();
  });
});
