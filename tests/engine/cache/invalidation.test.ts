/**
 * What each invalidation removes, and the keys that keep entries apart: the level in a
 * paging-structure-cache key, PCIDs, VPIDs, global pages, the EPTP.
 */
import { describe, expect, it } from 'vitest';
import { parseLinearAddress } from '../../../src/engine/address';
import type { WalkEvent } from '../../../src/engine/events';
import { VA, access, makeFixture } from './cache-fixture';

const va = parseLinearAddress;
const refs = (f: ReturnType<typeof makeFixture>, address: string) =>
  access(f.machine, address).result.references.length;
const lookups = (events: WalkEvent[]) =>
  events
    .filter((e) => e.type === 'tlb-miss' || e.type === 'pwc-hit')
    .map((e) => `${e.type}:${'structure' in e ? e.structure : ''}`);

describe('no false hit at the wrong level', () => {
  it('a PDE-cache entry for one 2 MiB region does not serve another: the PDE cache misses, the PDPTE cache hits', () => {
    const f = makeFixture();
    access(f.machine, VA.A);
    // D is in A's 1 GiB region (same PDPTE) but another 2 MiB region (another PDE).
    const { result, events } = access(f.machine, VA.D);
    const guestSide = lookups(events).filter((s) => /:(pde|pdpte|pml4e)-cache$/.test(s));
    expect(guestSide).toEqual(['tlb-miss:pde-cache', 'pwc-hit:pdpte-cache']);
    // PDPTE-cache hit: the PD's hPA is known → guest PDE (1); new PT at gPA 0x7000: EPT PDE cache → 1 + guest PTE 1;
    // final gPA 0x800000: EPT PDE cache misses (2 MiB region 4), EPT PDPTE cache hits → 2. Total 5.
    expect(result.references).toHaveLength(5);
    expect(result.outcome).toBe('ok');
  });

  it('the level is part of the key: one shared page-walk cache (Zen 3) never confuses a PDE with a PDPTE', () => {
    const f = makeFixture({ caches: 'zen3' });
    access(f.machine, VA.A);
    const { events } = access(f.machine, VA.D);
    const hit = events.find((e) => e.type === 'pwc-hit' && e.structure === 'page-walk-cache');
    expect(hit).toMatchObject({ level: 3 });
  });
});

describe('PCIDs and MOV to CR3', () => {
  const pcid = (n: number) => 0x1000 + n;

  it('entries of one PCID do not serve another; switching back without a flush finds them again', () => {
    const f = makeFixture({ cpu: { pcide: true, cr3: pcid(1) } });
    refs(f, VA.A);
    f.machine.perform({ op: 'mov-cr3', cr3: pcid(2), noFlush: true });
    expect(refs(f, VA.A)).toBe(4); // PCID 2: no linear entries; gPA mappings are not tagged by PCID
    f.machine.perform({ op: 'mov-cr3', cr3: pcid(1), noFlush: true });
    expect(refs(f, VA.A)).toBe(0);
    expect(f.machine.cacheSnapshot().pcid).toBe(1);
  });

  it('MOV to CR3 without bit 63 flushes the new PCID only', () => {
    const f = makeFixture({ cpu: { pcide: true, cr3: pcid(1) } });
    refs(f, VA.A);
    f.machine.perform({ op: 'mov-cr3', cr3: pcid(2), noFlush: false });
    refs(f, VA.A);
    f.machine.perform({ op: 'mov-cr3', cr3: pcid(1), noFlush: true });
    expect(refs(f, VA.A)).toBe(0);
    f.machine.perform({ op: 'mov-cr3', cr3: pcid(1), noFlush: false });
    expect(refs(f, VA.A)).toBe(4);
  });

  it('without PCIDE, bit 63 means nothing: MOV to CR3 flushes', () => {
    const f = makeFixture();
    refs(f, VA.A);
    const r = f.machine.perform({ op: 'mov-cr3', cr3: 0x1000, noFlush: true });
    expect(r.description).toMatch(/bit 63 means nothing/);
    expect(refs(f, VA.A)).toBe(4);
  });
});

describe('INVLPG, INVPCID, INVVPID, INVEPT', () => {
  it('INVLPG removes one page (a global one too) and every PWC entry of the PCID, not other pages', () => {
    const f = makeFixture({ globalA: true, cpu: { pge: true } });
    refs(f, VA.A);
    refs(f, VA.C);
    const r = f.machine.perform({ op: 'invlpg', va: va(VA.A) });
    expect(r.removed['l1-dtlb-4k']).toBe(1);
    expect(r.removed['pde-cache']).toBe(2); // A's and C's PDEs: all of the PCID
    expect(r.removed['gpa-tlb-4k']).toBeUndefined();
    expect(refs(f, VA.C)).toBe(0); // C's TLB entry stayed
    expect(refs(f, VA.A)).toBe(4);
  });

  it('INVPCID: individual address keeps globals; single context keeps globals; all-context removes them', () => {
    const f = makeFixture({ globalA: true, cpu: { pge: true, pcide: true, cr3: 0x1003 } });
    refs(f, VA.A);
    refs(f, VA.B);
    f.machine.perform({ op: 'invpcid', type: 'individual-address', pcid: 3, va: va(VA.B) });
    expect(refs(f, VA.A)).toBe(0);
    expect(refs(f, VA.B)).toBeGreaterThan(0);
    f.machine.perform({ op: 'invpcid', type: 'single-context', pcid: 3 });
    expect(refs(f, VA.A)).toBe(0);
    f.machine.perform({ op: 'invpcid', type: 'all-context', pcid: 0 });
    expect(refs(f, VA.A)).toBe(4);
  });

  it('INVVPID removes the mappings of one VPID, INVVPID all-context keeps VPID 0', () => {
    const f = makeFixture({ cpu: { vpid: 5 } });
    refs(f, VA.A);
    f.machine.perform({ op: 'invvpid', type: 'single-context', vpid: 6 });
    expect(refs(f, VA.A)).toBe(0);
    f.machine.perform({ op: 'invvpid', type: 'individual-address', vpid: 5, va: va(VA.A) });
    expect(refs(f, VA.A)).toBe(4);
    f.machine.perform({ op: 'invvpid', type: 'all-context', vpid: 0 });
    expect(refs(f, VA.A)).toBe(4);
    const host = makeFixture({ mode: 'native' });
    refs(host, VA.A);
    host.machine.perform({ op: 'invvpid', type: 'all-context', vpid: 0 });
    expect(refs(host, VA.A)).toBe(0);
  });

  it('INVEPT for another EPTP removes nothing; natively INVEPT has nothing to remove', () => {
    const f = makeFixture();
    refs(f, VA.A);
    const r = f.machine.perform({ op: 'invept', type: 'single-context', eptp: 0x7777_7000 + 0x1e });
    expect(r.removed).toEqual({});
    expect(refs(f, VA.A)).toBe(0);
    const n = makeFixture({ mode: 'native' });
    refs(n, VA.A);
    n.machine.perform({ op: 'invept', type: 'all-context' });
    expect(refs(n, VA.A)).toBe(0);
  });

  it('each operation is reported as an event listing what it removed', () => {
    const f = makeFixture();
    refs(f, VA.A);
    const events: WalkEvent[] = [];
    f.machine.perform({ op: 'invept', type: 'all-context' }, (e) => events.push(e));
    const e = events[0]!;
    expect(e.type).toBe('invalidate');
    if (e.type !== 'invalidate') return;
    expect(e.entries.length).toBe(Object.values(e.removed).reduce((a, b) => a + b, 0));
    expect(f.machine.cacheSnapshot().structures.every((s) => s.entries.length === 0)).toBe(true);
  });

  it('write-entry stores a word and invalidates nothing', () => {
    const f = makeFixture();
    refs(f, VA.A);
    const r = f.machine.perform({ op: 'write-entry', addr: 0x9000, lo: 0x1234, hi: 0 });
    expect(r.removed).toEqual({});
    expect(f.tables.read(0x9000)).toBe(0x1234);
    expect(refs(f, VA.A)).toBe(0);
  });
});
