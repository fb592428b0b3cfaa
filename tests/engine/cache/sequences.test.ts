/**
 * Designed sequences with exact reference counts, each derived from the model's rules
 * (docs/caches.md has the same table). Machine: cache-fixture.ts — a 4-level guest on a 4-level
 * EPT with 4 KiB pages, Skylake caches, unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { parseLinearAddress } from '../../../src/engine/address';
import { GPA, HOST_OFFSET, VA, access, bulkReferences, makeFixture } from './cache-fixture';
import { expectOutcome } from '../result-narrowing';

const count = (f: ReturnType<typeof makeFixture>, va: string) =>
  access(f.machine, va).result.references.length;

describe('designed sequences, 4-level guest on 4-level EPT, 4 KiB pages', () => {
  it('no caches (preset none): n·m + n + m = 24, every time', () => {
    const f = makeFixture({ caches: 'none' });
    expect([VA.A, VA.A].map((va) => count(f, va))).toEqual([24, 24]);
  });

  it('cold walk with caches: 13 — the nested walks share upper levels cached moments before', () => {
    // gPA 0x1000 (PML4E): a full EPT walk, 4, fills the EPT PML4E/PDPTE/PDE caches for gPA 0…2M;
    //   + the guest PML4E                                                             4 + 1
    // gPA 0x2000, 0x3000, 0x4000 (PDPTE, PDE, PTE): EPT PDE cache hit → EPT PTE only, + guest read  3 × (1 + 1)
    // final gPA 0x400000: EPT PDE cache misses (2 MiB region 2), EPT PDPTE cache hits → EPT PDE + PTE    2
    const f = makeFixture();
    const { result } = access(f.machine, VA.A);
    expectOutcome(result, 'ok');
    expect(result.pa).toBe(GPA.A + HOST_OFFSET);
    expect(result.references).toHaveLength(13);
    expect(result.referenceCounts).toEqual({ guest: 4, nested: 9 });
    expect(result.skipped!.filter((c) => c.by === 'ept-pde-cache')).toHaveLength(9);
    expect(result.skipped!.filter((c) => c.by === 'ept-pdpte-cache')).toHaveLength(2);
  });

  it('the same page again: an L1 DTLB hit, 0 references, all 24 cells skipped', () => {
    const f = makeFixture();
    count(f, VA.A);
    const { result, events } = access(f.machine, VA.A);
    expect(result.references).toHaveLength(0);
    expectOutcome(result, 'ok');
    expect(result.pa).toBe(GPA.A + HOST_OFFSET);
    expect(result.skipped).toHaveLength(24);
    expect(result.skipped!.every((c) => c.by === 'l1-dtlb-4k')).toBe(true);
    expect(events.some((e) => e.type === 'tlb-hit' && e.structure === 'l1-dtlb-4k')).toBe(true);
  });

  it('the 4 KiB neighbour: PDE-cache hit (1 guest PTE read) + EPT PDE-cache hit (1 EPT PTE read) = 2', () => {
    // PDE cache (va bits 47:21) gives the PT's host-physical address: guest levels 4–2 and the
    // nested walks for levels 4–1 are skipped; the PTE is read directly. The final gPA 0x401000
    // misses the gPA TLB (another 4 KiB page) but its EPT PDE (gPA bits 47:21 = 2) was cached
    // while translating 0x400000: only the EPT PTE is read.
    const f = makeFixture();
    count(f, VA.A);
    const { result } = access(f.machine, VA.B);
    expect(result.references.map((r) => [r.kind, r.guestLevel, r.nestedLevel])).toEqual([
      ['guest', 1, undefined],
      ['nested', 0, 1],
    ]);
    expectOutcome(result, 'ok');
    expect(result.pa).toBe(GPA.B + HOST_OFFSET);
    expect(result.skipped).toHaveLength(22);
  });

  it('another 1 GiB region under the same PML4E: PML4E-cache hit, 7 references', () => {
    // PDE and PDPTE caches miss (other prefixes); the PML4E cache gives the PDPT's hPA:
    //   guest PDPTE read                                   1
    //   new PD (gPA 0x5000): EPT PDE cache (gPA 0…2M) hit → EPT PTE 1, guest PDE 1
    //   new PT (gPA 0x6000): likewise                      1 + 1
    //   final gPA 0x600000: EPT PDE cache misses (2M region 3), EPT PDPTE cache hits → EPT PDE + PTE 2
    const f = makeFixture();
    count(f, VA.A);
    expect(count(f, VA.C)).toBe(7);
  });

  it('after INVLPG: guest walk again, but every gPA hits the guest-physical mappings: 4', () => {
    // INVLPG removes A's TLB entries and every paging-structure-cache entry of the PCID (SDM
    // §4.10.4.1); guest-physical mappings stay, so the 4 guest reads need no EPT reads.
    const f = makeFixture();
    count(f, VA.A);
    f.machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.A) });
    expect(count(f, VA.A)).toBe(4);
  });

  it('after MOV to CR3 (same CR3, no PCID): 4; a global page survives it: 0', () => {
    const f = makeFixture();
    count(f, VA.A);
    f.machine.perform({ op: 'mov-cr3', cr3: 0x1000, noFlush: false });
    expect(count(f, VA.A)).toBe(4);
    const g = makeFixture({ globalA: true, cpu: { pge: true } });
    count(g, VA.A);
    g.machine.perform({ op: 'mov-cr3', cr3: 0x1000, noFlush: false });
    expect(count(g, VA.A)).toBe(0);
  });

  it('after INVEPT: guest-physical and combined mappings gone, a cold walk again (13)', () => {
    const f = makeFixture();
    count(f, VA.A);
    const r = f.machine.perform({ op: 'invept', type: 'single-context' });
    expect(Object.keys(r.removed)).toContain('gpa-tlb-4k');
    expect(count(f, VA.A)).toBe(13);
  });

  it('VM exit with VPIDs off flushes linear and combined mappings (4); with a VPID nothing (0)', () => {
    const f = makeFixture();
    count(f, VA.A);
    f.machine.perform({ op: 'vm-exit' });
    expect(count(f, VA.A)).toBe(4);
    const v = makeFixture({ cpu: { vpid: 1 } });
    count(v, VA.A);
    v.machine.perform({ op: 'vm-exit' });
    v.machine.perform({ op: 'vm-entry' });
    expect(count(v, VA.A)).toBe(0);
  });

  it('the bulk path counts the same', () => {
    const f = makeFixture();
    expect([VA.A, VA.A, VA.B, VA.C].map((va) => bulkReferences(f.machine, va))).toEqual([13, 0, 2, 7]);
  });
});

describe('designed sequences, other shapes', () => {
  it('EPT with 2 MiB pages: uncached 19; cold 8; the neighbour 1 (its gPA hits a 2 MiB guest-physical mapping)', () => {
    // Cold: gPA 0x1000 walks 3 EPT levels (the EPT PDE is the leaf) and fills a 2 MiB gPA mapping
    // for 0…2M, which serves 0x2000–0x4000 too (0); the final gPA 0x400000 hits the EPT PDPTE cache
    // → 1 EPT read; + 4 guest reads = 3 + 1 + 4 = 8.
    expect(count(makeFixture({ eptLeafLevel: 2, caches: 'none' }), VA.A)).toBe(19);
    const f = makeFixture({ eptLeafLevel: 2 });
    expect(count(f, VA.A)).toBe(8);
    expect(count(f, VA.B)).toBe(1);
  });

  it('native: cold 4, again 0, neighbour 1 (PDE cache), other 1 GiB region 3 (PML4E cache), after INVLPG 4', () => {
    const f = makeFixture({ mode: 'native' });
    expect([VA.A, VA.A, VA.B, VA.C].map((va) => count(f, va))).toEqual([4, 0, 1, 3]);
    f.machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.A) });
    expect(count(f, VA.A)).toBe(4);
  });

  it('AMD NPT on Zen 3: cold 13, again 0, neighbour 2 (the same rules, AMD names)', () => {
    const f = makeFixture({ mode: 'npt', caches: 'zen3' });
    expect([VA.A, VA.A, VA.B].map((va) => count(f, va))).toEqual([13, 0, 2]);
  });
});
