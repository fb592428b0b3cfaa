import { describe, expect, it } from 'vitest';
import { parseLinearAddress } from '../../../src/engine/address';
import type { WalkEvent } from '../../../src/engine/events';
import { cachesView } from '../../../src/ui/caches/caches-model';
import { VA, makeFixture } from '../../engine/cache/cache-fixture';
import { stepsOf } from './caches-fixture';

const structure = (view: ReturnType<typeof cachesView>, name: string) =>
  view.groups.flatMap((g) => g.structures).find((s) => s.name === name)!;
const cells = (view: ReturnType<typeof cachesView>, name: string) =>
  structure(view, name).sets.flatMap((s) => s.cells);

describe('caches panel model', () => {
  it('a TLB hit is lit at cursor 0 (no references) and spares 24 steps', () => {
    const [, second] = stepsOf([VA.A, VA.A]);
    const view = cachesView(second!.snapshot, second!.events, 0);
    const dtlb = structure(view, 'l1-dtlb-4k');
    expect(dtlb.current).toBe('hit');
    expect(cells(view, 'l1-dtlb-4k').filter((c) => c.state === 'hit')).toHaveLength(1);
    expect(view.spared).toEqual([{ by: 'l1-dtlb-4k', steps: 24 }]);
    expect(view.log[0]).toMatch(/^L1 DTLB 4K: hit — va 0x7ffff0000000 → hPA/);
  });

  it('fills appear as the cursor passes them, and only the current step is lit', () => {
    const [cold] = stepsOf([VA.A]);
    const before = cachesView(cold!.snapshot, cold!.events, 0);
    expect(structure(before, 'gpa-tlb-4k').valid).toBe(0);
    const afterFirst = cachesView(cold!.snapshot, cold!.events, 4); // the first EPT walk is done
    const gpa = cells(afterFirst, 'gpa-tlb-4k');
    expect(gpa.filter((c) => c.entry !== null)).toHaveLength(1);
    expect(gpa.filter((c) => c.state === 'fill')).toHaveLength(1);
    const end = cachesView(cold!.snapshot, cold!.events, cold!.references);
    expect(structure(end, 'l1-dtlb-4k').valid).toBe(1);
    expect(cells(end, 'gpa-tlb-4k').filter((c) => c.state === 'fill')).toHaveLength(1); // the final gPA's, just now
    expect(structure(end, 'gpa-tlb-4k').valid).toBe(5);
  });

  it('LRU order within a set follows hits and fills (Zen 3: one fully associative set)', () => {
    const steps = stepsOf([VA.A, VA.B, VA.A], { caches: 'zen3' });
    const last = steps[2]!;
    const view = cachesView(last.snapshot, last.events, 0);
    const valid = cells(view, 'l1-dtlb').filter((c) => c.entry);
    expect(valid.map((c) => c.recency).sort()).toEqual([0, 1]);
    expect(valid.find((c) => c.state === 'hit')!.recency).toBe(0);
  });

  it('large structures draw only the sets in use', () => {
    const [cold] = stepsOf([VA.A], { caches: 'ideal' });
    const view = cachesView(cold!.snapshot, cold!.events, cold!.references);
    const tlb = structure(view, 'tlb-4k');
    expect(tlb.sets).toHaveLength(1);
    expect(tlb.hiddenSets).toBe(4095);
    expect(tlb.geometry).toBe('65536 entries · 16-way · 4096 sets');
  });

  it('a stale translation is reported once the walk is over; an invalidation lists what it removed', () => {
    const { machine, tables } = makeFixture();
    machine.translate({ va: parseLinearAddress(VA.A), kind: 'read', cpl: 3 });
    const probe = makeFixture().machine.probe({ va: parseLinearAddress(VA.A), kind: 'read', cpl: 3 });
    const pte = probe.references.filter((r) => r.kind === 'guest').at(-1)!.addr;
    machine.perform({ op: 'write-entry', addr: pte, lo: 0x40_1000 + 0b100111, hi: 0 });
    const snapshot = machine.cacheSnapshot();
    const events: WalkEvent[] = [];
    machine.translate({ va: parseLinearAddress(VA.A), kind: 'read', cpl: 3 }, (e) => events.push(e));
    expect(cachesView(snapshot, events, 0).stale).toMatchObject({ structures: ['l1-dtlb-4k'] });
    const opEvents: WalkEvent[] = [];
    const before = machine.cacheSnapshot();
    machine.perform({ op: 'invlpg', va: parseLinearAddress(VA.A) }, (e) => opEvents.push(e));
    const view = cachesView(before, opEvents, 0);
    expect(view.invalidations[0]).toMatch(/^INVLPG/);
    expect(cells(view, 'l1-dtlb-4k').filter((c) => c.state === 'evict')).toHaveLength(1);
    expect(structure(view, 'l1-dtlb-4k').valid).toBe(0);
    expect(tables.memory.size).toBeGreaterThan(0);
  });
});
