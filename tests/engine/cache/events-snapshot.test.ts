/** Cache events, snapshots, counters, replacement, presets and configuration checks. */
import { describe, expect, it } from 'vitest';
import { parseLinearAddress } from '../../../src/engine/address';
import type { CacheConfig, ReplacementPolicy } from '../../../src/engine/cache/cache-config';
import { CACHE_PRESETS, resolveCacheConfig } from '../../../src/engine/cache/presets';
import type { WalkEvent } from '../../../src/engine/events';
import { GPA, HOST_OFFSET, VA, access, makeFixture } from './cache-fixture';

const ofType = <T extends WalkEvent['type']>(events: WalkEvent[], type: T) =>
  events.filter((e): e is Extract<WalkEvent, { type: T }> => e.type === type);

/** One data TLB: a single set of two ways, 4 KiB pages only; nothing else. */
const twoWay = (replacement: ReplacementPolicy): CacheConfig => ({
  name: 'two-way',
  label: 'two-way',
  sources: 'test',
  replacement,
  structures: [
    { kind: 'tlb', name: 'dtlb', label: 'DTLB', tier: 1, side: 'data', sizes: ['4K'], entries: 2, ways: 2 },
  ],
});

describe('events', () => {
  it('a cold walk: lookups and misses first, fills as the walk goes, activity in the result', () => {
    const f = makeFixture();
    const { result, events } = access(f.machine, VA.A);
    const firstRead = events.findIndex((e) => e.type === 'nested-read');
    expect(events.slice(1, firstRead).every((e) => e.type === 'tlb-lookup' || e.type === 'tlb-miss')).toBe(
      true,
    );
    const fills = ofType(events, 'tlb-fill');
    expect(fills.map((e) => e.structure)).toContain('l1-dtlb-4k');
    expect(fills.map((e) => e.structure)).toContain('l2-tlb');
    const tlbFill = fills.find((e) => e.structure === 'l1-dtlb-4k')!;
    expect(tlbFill.entry).toMatchObject({ pageSize: '4K', from: 'va 0x7ffff0000000' });
    expect(tlbFill.entry.to).toBe(
      `hPA 0x${(GPA.A + HOST_OFFSET).toString(16)} (gPA 0x${GPA.A.toString(16)})`,
    );
    expect(result.cacheActivity!['l1-dtlb-4k']).toMatchObject({ lookups: 1, misses: 1, fills: 1 });
    // Every event of a walk carries the step (references made so far) at which it happened.
    const steps = events.filter((e) => 'step' in e).map((e) => (e as { step: number }).step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('a write through an entry whose D is clear: the hit is not usable, the entry is dropped, the walk sets D', () => {
    const f = makeFixture();
    access(f.machine, VA.A, 'read');
    const { result, events } = access(f.machine, VA.A, 'write');
    const hit = ofType(events, 'tlb-hit')[0]!;
    expect(hit).toMatchObject({ structure: 'l1-dtlb-4k', usable: false, skipped: [] });
    expect(ofType(events, 'tlb-evict').map((e) => e.reason)).toContain('dirty-clear');
    expect(ofType(events, 'ad-update').some((e) => e.table === 'guest' && e.setDirty)).toBe(true);
    expect(result.references.length).toBeGreaterThan(0);
    expect(access(f.machine, VA.A, 'write').result.references).toHaveLength(0);
  });

  it('an access the entry does not allow is never faulted from the TLB: drop, walk, the walk faults', () => {
    const f = makeFixture();
    access(f.machine, VA.A, 'read', 3);
    const { result, events } = access(f.machine, VA.A, 'fetch', 0); // SMEP off: allowed
    expect(result.outcome).toBe('ok');
    const g = makeFixture({ cpu: { smep: true } });
    access(g.machine, VA.A, 'read', 3);
    const denied = access(g.machine, VA.A, 'fetch', 0);
    expect(denied.result.outcome).toBe('page-fault');
    // Fetches look in the ITLB (cold), then the L2 TLB, whose entry does not allow a SMEP fetch.
    expect(ofType(denied.events, 'tlb-hit').map((e) => [e.structure, e.usable])).toEqual([['l2-tlb', false]]);
    expect(ofType(denied.events, 'tlb-evict').map((e) => e.reason)).toEqual(['not-permitted']);
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('replacement', () => {
  const pages = [VA.A, VA.B, VA.C];

  it('LRU: the least recently used way is evicted', () => {
    const f = makeFixture({ caches: twoWay('lru') });
    pages.forEach((p) => access(f.machine, p)); // A, B, C: C evicts A
    expect(access(f.machine, VA.B).result.references).toHaveLength(0);
    const { events } = access(f.machine, VA.A); // evicts C, the least recently used
    const evicted = ofType(events, 'tlb-evict')[0]!;
    expect(evicted.reason).toBe('replaced');
    expect(access(f.machine, VA.B).result.references).toHaveLength(0);
    expect(access(f.machine, VA.C).result.references.length).toBeGreaterThan(0);
    const snapshot = f.machine.cacheSnapshot().structures[0]!;
    expect(snapshot.entries.map((e) => e.recency).sort()).toEqual([0, 1]);
  });

  it('pseudo-LRU and random replacement fill and evict, and random is reproducible', () => {
    for (const policy of ['plru', 'random'] as const) {
      const run = () => {
        const f = makeFixture({ caches: twoWay(policy) });
        return [...pages, ...pages, VA.D, VA.A].map((p) => access(f.machine, p).result.references.length);
      };
      expect(run()).toEqual(run());
      expect(run().filter((n) => n === 0).length).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('snapshots, counters, probes', () => {
  it('a snapshot lists valid entries with what they map, per structure', () => {
    const f = makeFixture();
    access(f.machine, VA.A);
    const snapshot = f.machine.cacheSnapshot();
    expect(snapshot).toMatchObject({ preset: 'skylake', vpid: 0, pcid: 0 });
    expect(snapshot.sources).toMatch(/approximate/);
    const pde = snapshot.structures.find((s) => s.name === 'pde-cache')!;
    expect(pde).toMatchObject({ kind: 'pwc', sets: 1, ways: 32, levels: [2] });
    expect(pde.entries[0]).toMatchObject({ level: 2, from: 'PDE of va 0x7ffff0000000' });
    expect(pde.entries[0]!.to).toMatch(/^PT at gPA 0x4000 = hPA 0x100004000$/);
    const dtlb = snapshot.structures.find((s) => s.name === 'l1-dtlb-4k')!;
    expect(dtlb).toMatchObject({ sets: 16, ways: 4, tier: 1, side: 'data', sizes: ['4K'] });
  });

  it('counters: accesses, TLB hits, references by dimension; reset', () => {
    const f = makeFixture();
    for (const p of [VA.A, VA.A, VA.B]) {
      const { hi, lo } = parseLinearAddress(p);
      f.machine.run(hi, lo, 0, 3);
    }
    const c = f.machine.cacheCounters();
    expect(c).toMatchObject({ accesses: 3, tlbHits: 1, tier2Hits: 0, references: 13 + 0 + 2 });
    expect(c.guestReferences + c.nestedReferences).toBe(c.references);
    expect(c.structures['l1-dtlb-4k']).toMatchObject({ lookups: 3, hits: 1, misses: 2 });
    f.machine.resetCacheCounters();
    expect(f.machine.cacheCounters()).toMatchObject({ accesses: 0, tlbHits: 0, references: 0 });
  });

  it('a probe looks up but changes nothing, and says what it would skip', () => {
    const f = makeFixture();
    access(f.machine, VA.A);
    const before = JSON.stringify([f.machine.cacheSnapshot(), f.machine.cacheCounters()]);
    const probe = f.machine.probe({ va: parseLinearAddress(VA.B), kind: 'read', cpl: 3 });
    expect(probe.references).toHaveLength(2);
    expect(probe.skipped).toHaveLength(22);
    expect(JSON.stringify([f.machine.cacheSnapshot(), f.machine.cacheCounters()])).toBe(before);
  });

  it('a machine without caches reports empty snapshots and zero hits', () => {
    const f = makeFixture({ caches: 'none' });
    access(f.machine, VA.A);
    expect(f.machine.caches).toBeNull();
    expect(f.machine.cacheSnapshot().structures).toEqual([]);
    expect(f.machine.cacheCounters()).toMatchObject({ accesses: 1, references: 24, tlbHits: 0 });
  });
});

describe('presets and configurations', () => {
  it('carry the sizes of docs/hardware-rules.md §8 and a sources note', () => {
    const size = (preset: keyof typeof CACHE_PRESETS, name: string) => {
      const s = CACHE_PRESETS[preset].structures.find((x) => x.name === name)!;
      return [s.entries, s.ways];
    };
    expect(size('sandy-bridge', 'l2-tlb')).toEqual([512, 4]);
    expect(size('skylake', 'l2-tlb')).toEqual([1536, 12]);
    expect(size('skylake', 'l2-tlb-1g')).toEqual([16, 4]);
    expect(size('skylake', 'l1-itlb-4k')).toEqual([128, 8]);
    expect(size('zen3', 'l1-dtlb')).toEqual([64, 64]);
    expect(size('zen3', 'l2-tlb')[0]).toBe(2048);
    expect(size('zen3', 'page-walk-cache')[0]).toBe(64);
    for (const preset of Object.values(CACHE_PRESETS)) expect(preset.sources.length).toBeGreaterThan(10);
  });

  it('rejects bad configurations with the structure named', () => {
    const bad = (patch: object): CacheConfig => ({
      ...twoWay('lru'),
      structures: [{ ...twoWay('lru').structures[0]!, ...patch } as CacheConfig['structures'][number]],
    });
    expect(() => resolveCacheConfig(bad({ ways: 3 }))).toThrow(/dtlb/);
    expect(() => resolveCacheConfig(bad({ entries: 6, ways: 2 }))).toThrow(/power-of-two|dtlb/);
    expect(() => resolveCacheConfig('pentium' as never)).toThrow(/unknown cache preset/);
  });
});
