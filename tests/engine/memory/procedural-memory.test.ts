import { describe, expect, it } from 'vitest';
import { createMachine } from '../../../src/engine/machine';
import { PTE_A, PTE_P, PTE_PS, PTE_RW, PTE_US } from '../../../src/engine/bits';
import {
  ACCESS_READ,
  ACCESS_WRITE,
  OUTCOME_OK,
  OUTCOME_PAGE_FAULT,
  type PageSize,
} from '../../../src/engine/vocabulary';
import { Prng } from '../../../src/engine/workload/prng';
import {
  createWorkloadSpace,
  expectedPhysical,
  type NestedSpec,
  type SpaceSpec,
} from '../../../src/engine/workload/workload-space';
import { expectOutcome } from '../result-narrowing';

const GiB = 2 ** 30;
const BASE = 0x7f00_0000_0000;
const SIZES: PageSize[] = ['4K', '2M', '1G'];
const LEAF: Record<PageSize, number> = { '4K': 1, '2M': 2, '1G': 3 };

function space(spec: Partial<SpaceSpec> & { nested: NestedSpec }) {
  return createWorkloadSpace({
    heapBase: BASE,
    heapBytes: 64 * GiB,
    guestPageSize: '4K',
    guestLevels: 4,
    ...spec,
  });
}

const split = (va: number) => [Math.floor(va / 2 ** 32), va >>> 0] as const;

const nestedConfigs: NestedSpec[] = [
  'off',
  ...SIZES.flatMap((pageSize) => [
    { mode: 'ept' as const, pageSize, levels: 4 as const },
    { mode: 'npt' as const, pageSize, levels: 4 as const },
  ]),
  { mode: 'ept', pageSize: '4K', levels: 5 },
  { mode: 'npt', pageSize: '2M', levels: 5 },
];

describe('ProceduralMemory under the walker', () => {
  for (const nested of nestedConfigs) {
    for (const guestPageSize of SIZES) {
      for (const guestLevels of [4, 5] as const) {
        const name = `${nested === 'off' ? 'native' : `${nested.mode} ${nested.pageSize} ${nested.levels}-level`}, guest ${guestPageSize} ${guestLevels}-level`;
        it(`translates random heap addresses by the mapping rule: ${name}`, () => {
          const s = space({ nested, guestPageSize, guestLevels });
          const machine = createMachine(s.config, s.memory);
          const n = guestLevels - LEAF[guestPageSize] + 1;
          const m = nested === 'off' ? 0 : nested.levels - LEAF[nested.pageSize] + 1;
          const prng = new Prng(guestLevels * 7 + n * 3 + m);
          for (let i = 0; i < 300; i++) {
            const va = BASE + prng.nextBelow(64 * GiB);
            const [hi, lo] = split(va);
            expect(machine.run(hi, lo, i % 2 === 0 ? ACCESS_READ : ACCESS_WRITE, 3)).toBe(OUTCOME_OK);
            expect(machine.lastPa).toBe(expectedPhysical(s, va));
            expect(machine.lastReferences).toBe(n * m + n + m);
          }
        });
      }
    }
  }

  it('reports the guest-physical address of the data and the page sizes', () => {
    const s = space({ nested: { mode: 'ept', pageSize: '2M', levels: 4 }, guestPageSize: '1G' });
    const machine = createMachine(s.config, s.memory);
    const va = BASE + 37 * GiB + 0x12_3458;
    const result = machine.translate({ va: { hi: split(va)[0], lo: split(va)[1] }, kind: 'read', cpl: 3 });
    expectOutcome(result, 'ok');
    expect(result.gpa).toBe(s.dataGpa + 37 * GiB + 0x12_3458);
    expect(result.guestPageSize).toBe('1G');
    expect(result.nestedPageSize).toBe('2M');
    expect(result.references.filter((r) => r.kind === 'guest')).toHaveLength(2);
  });

  it('does not map addresses outside the heap', () => {
    const s = createWorkloadSpace({
      heapBase: BASE,
      heapBytes: 3 * 2 ** 20,
      guestPageSize: '4K',
      guestLevels: 4,
      nested: 'off',
    });
    const machine = createMachine(s.config, s.memory);
    for (const va of [BASE - 4096, BASE + 3 * 2 ** 20, BASE + GiB, 0x1000]) {
      const [hi, lo] = split(va);
      expect(machine.run(hi, lo, ACCESS_READ, 3)).toBe(OUTCOME_PAGE_FAULT);
    }
    const [hi, lo] = split(BASE + 3 * 2 ** 20 - 8);
    expect(machine.run(hi, lo, ACCESS_READ, 3)).toBe(OUTCOME_OK);
  });

  it('lays the guest tables out root first, one frame per table, entries with A set', () => {
    const s = space({ nested: 'off', guestPageSize: '2M' });
    // 64 GiB at 0x7f00_0000_0000: 1 PML4, 1 PDPT, 64 PDs.
    expect(s.guestTables).toEqual([0, 0, 64, 1, 1, 0]);
    const root = s.config.cpu.cr3;
    s.memory.load(root + 8 * 0xfe); // PML4 index of 0x7f00_0000_0000
    expect(s.memory.lo).toBe(root + 0x1000 + (PTE_P | PTE_RW | PTE_US | PTE_A));
    s.memory.load(root + 8 * 0xfd);
    expect(s.memory.lo).toBe(0); // not present
    s.memory.load(root + 0x2000 + 8); // first PD, second entry: a 2 MiB leaf
    expect(s.memory.lo & PTE_PS).toBe(PTE_PS);
    expect((s.memory.lo & ~0xfff) >>> 0).toBe((s.dataGpa + 2 * 2 ** 20) >>> 0);
  });
});

describe('ProceduralMemory storage', () => {
  it('stays bounded over 64 GiB: no overlay after 30 000 distinct pages read and written', () => {
    const s = space({ nested: { mode: 'ept', pageSize: '4K', levels: 4, accessedDirty: true } });
    const machine = createMachine(s.config, s.memory);
    for (let page = 0; page < 30_000; page++) {
      const [hi, lo] = split(BASE + page * 2_236_416 + 8); // every 546th page, spanning the heap
      expect(machine.run(hi, lo, page % 3 === 0 ? ACCESS_WRITE : ACCESS_READ, 3)).toBe(OUTCOME_OK);
    }
    expect(s.memory.overlaySize).toBe(0);
    expect(s.memory.droppedStores).toBe(0);
  });

  it('drops stores that only set A/D, keeps other edits in the overlay', () => {
    const s = space({ nested: 'off' });
    const machine = createMachine(s.config, s.memory);
    const va = BASE + 5 * 4096;
    const [hi, lo] = split(va);
    expect(machine.run(hi, lo, ACCESS_READ, 3)).toBe(OUTCOME_OK);
    // Find the PTE: the last guest reference of the walk.
    const pteAddr = machine.translate({ va: { hi, lo }, kind: 'read', cpl: 3 }).references.at(-1)!.addr;
    s.memory.load(pteAddr);
    const pte = s.memory.lo;
    s.memory.store(pteAddr, pte & ~PTE_A, s.memory.hi);
    expect(s.memory.droppedStores).toBe(1);
    expect(s.memory.overlaySize).toBe(0);
    s.memory.store(pteAddr, pte & ~PTE_P, 0); // zap the page
    expect(s.memory.overlaySize).toBe(1);
    expect(machine.run(hi, lo, ACCESS_READ, 3)).toBe(OUTCOME_PAGE_FAULT);
    const [nextHi, nextLo] = split(va + 4096);
    expect(machine.run(nextHi, nextLo, ACCESS_READ, 3)).toBe(OUTCOME_OK);
  });

  it('counts reads per dimension and level', () => {
    const s = space({ nested: { mode: 'ept', pageSize: '2M', levels: 4 } });
    const machine = createMachine(s.config, s.memory);
    const [hi, lo] = split(BASE + 12345 * 4096);
    machine.run(hi, lo, ACCESS_READ, 3);
    expect([...s.memory.guestReads]).toEqual([0, 1, 1, 1, 1, 0]);
    expect([...s.memory.nestedReads]).toEqual([0, 0, 5, 5, 5, 0]);
    s.memory.resetCounters();
    expect([...s.memory.nestedReads]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rejects heaps it cannot lay out', () => {
    expect(() => space({ nested: 'off', heapBase: BASE + 4096 })).toThrow(/1 GiB-aligned/);
    expect(() => space({ nested: 'off', heapBase: 0x7fff_0000_0000, heapBytes: 128 * GiB })).toThrow(
      /lower half/,
    );
    expect(() => space({ nested: 'off', heapBytes: 0 })).toThrow(/positive/);
  });
});
