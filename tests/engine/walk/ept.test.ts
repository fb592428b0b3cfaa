/** Intel EPT rules, SDM Vol. 3 ch. 29, as pinned in docs/hardware-rules.md. */
import { describe, expect, it } from 'vitest';
import { setup2D, VA, DATA_GPA, HOST_OFFSET, EPT_ROOT, WB } from './setup-2d';
import { walk } from './fixture';
import { physIndex } from '../../../src/engine/address';
import { expectOutcome } from '../result-narrowing';

const R = 1,
  W = 2,
  X = 4;
const EPT_A = 0x100,
  EPT_D = 0x200;
const GUEST_A = 0x20;
const LINEAR_VALID = 0x80,
  FINAL = 0x100;

/** Host address of the EPT entry at `level` that maps `gpa` (tables allocated in walk order). */
function eptEntry(s: ReturnType<typeof setup2D>, gpa: number, level: number): number {
  let table = EPT_ROOT;
  for (let l = 4; l > level; l--) {
    s.tables.memory.load(table + physIndex(gpa, l) * 8);
    table = (s.tables.memory.lo & 0xffff_f000) >>> 0;
  }
  return table + physIndex(gpa, level) * 8;
}

function patch(s: ReturnType<typeof setup2D>, addr: number, f: (lo: number) => number, hi?: number) {
  s.tables.memory.load(addr);
  s.tables.memory.store(addr, f(s.tables.memory.lo) >>> 0, hi ?? s.tables.memory.hi);
}

/** Sets A (and D on the leaf) in the guest entries so the walk needs no EPT write for them. */
function presetGuestFlags(s: ReturnType<typeof setup2D>) {
  for (const addr of [0x1000 + 0xff * 8, 0x2000 + 0x1ff * 8, 0x3000 + 0x180 * 8])
    patch(s, s.host(addr), (lo) => lo | GUEST_A);
  patch(s, s.host(0x4000), (lo) => lo | GUEST_A | 0x40);
}

describe('walk lengths through EPT', () => {
  it('EPTP walk length 3 → 4-level EPT: 24 references, in grid order', () => {
    const s = setup2D();
    const { result } = walk(s.config, s.tables.memory, VA);
    expect(result.references).toHaveLength(24);
    const cells = result.references.map((r) => `${r.kind[0]}${r.guestLevel}${r.nestedLevel ?? ''}`);
    expect(cells.slice(0, 5)).toEqual(['n44', 'n43', 'n42', 'n41', 'g4']);
    expect(cells.slice(-4)).toEqual(['n04', 'n03', 'n02', 'n01']);
  });

  it('EPTP walk length 4 with a 5-level guest: 35 references', () => {
    const s = setup2D({ guestLevels: 5, eptLevels: 5 });
    expect(walk(s.config, s.tables.memory, VA).result.references).toHaveLength(35);
  });

  it('2 MiB EPT pages shorten every nested walk to 3 reads: 19 references, 4 KiB translation', () => {
    const s = setup2D({ eptLeafLevel: 2 });
    const { result } = walk(s.config, s.tables.memory, VA);
    expect(result).toMatchObject({
      outcome: 'ok',
      pageSize: '4K',
      nestedPageSize: '2M',
      pa: DATA_GPA + HOST_OFFSET + 0x123,
    });
    expect(result.references).toHaveLength(19);
  });

  it('1 GiB EPT pages: 14 references', () => {
    const s = setup2D({ eptLeafLevel: 3 });
    expect(walk(s.config, s.tables.memory, VA).result.references).toHaveLength(14);
  });

  it('a 2 MiB guest page on 4 KiB EPT pages is splintered: the translation covers 4 KiB', () => {
    const s = setup2D({ pages: [{ va: '0x7fff_f000_0000', pa: DATA_GPA, leafLevel: 2 }] });
    const { result } = walk(s.config, s.tables.memory, VA);
    expect(result).toMatchObject({
      outcome: 'ok',
      guestPageSize: '2M',
      nestedPageSize: '4K',
      pageSize: '4K',
    });
    expect(result.references).toHaveLength(3 * 4 + 3 + 4);
  });
});

describe('EPT violations', () => {
  it('a not-present EPT entry (R = W = X = 0) for the data page: bit 8 set, R/W/X bits 0', () => {
    const s = setup2D();
    patch(s, eptEntry(s, DATA_GPA, 1), (lo) => lo & ~7);
    const { result } = walk(s.config, s.tables.memory, VA);
    expect(result).toMatchObject({
      outcome: 'ept-violation',
      faultGpa: DATA_GPA + 0x123,
      exitQualification: R | LINEAR_VALID | FINAL,
      faultGuestLevel: 0,
      faultNestedLevel: 1,
    });
    expect(result.references).toHaveLength(24);
  });

  it('a write to a read-only EPT page reports the access and the combined rights', () => {
    const s = setup2D({ eptLeafFlags: R | X | WB });
    const { result } = walk(s.config, s.tables.memory, VA, 'write');
    expectOutcome(result, 'ept-violation');
    expect(result.exitQualification).toBe(W | (R << 3) | (X << 3) | LINEAR_VALID | FINAL);
  });

  it('a fetch from a non-executable EPT page reports bit 2', () => {
    const s = setup2D({ eptLeafFlags: R | W | WB });
    const { result } = walk(s.config, s.tables.memory, VA, 'fetch');
    expectOutcome(result, 'ept-violation');
    expect(result.exitQualification).toBe(X | ((R | W) << 3) | LINEAR_VALID | FINAL);
  });

  it('rights are ANDed over the levels: W = 0 in an upper EPT entry denies writes', () => {
    const s = setup2D();
    presetGuestFlags(s); // the PDPTE also maps the guest tables: their A updates would fault first
    patch(s, eptEntry(s, DATA_GPA, 3), (lo) => lo & ~W);
    const { result } = walk(s.config, s.tables.memory, VA, 'write');
    expectOutcome(result, 'ept-violation');
    expect(result.exitQualification).toBe(W | ((R | X) << 3) | LINEAR_VALID | FINAL);
  });

  it('a violation on a guest paging-structure access: a data read, bit 8 clear', () => {
    const s = setup2D();
    patch(s, eptEntry(s, 0x3000, 1), (lo) => lo & ~7); // the guest PD frame
    const { result } = walk(s.config, s.tables.memory, VA);
    expect(result).toMatchObject({
      outcome: 'ept-violation',
      faultGpa: 0x3000 + 0x180 * 8,
      faultGuestLevel: 2,
    });
    expectOutcome(result, 'ept-violation');
    expect(result.exitQualification).toBe(R | LINEAR_VALID);
    expectOutcome(result, 'ept-violation');
    expect(result.guestLinearAddress).toEqual({ hi: 0x7fff, lo: 0xf000_0123 });
    expect(result.references).toHaveLength(2 * 5 + 4);
  });

  it('setting a guest A flag needs EPT write permission: bit 1 alone, bit 8 clear', () => {
    const s = setup2D({ eptTableFlags: R | X | WB });
    const { result } = walk(s.config, s.tables.memory, VA);
    expect(result).toMatchObject({
      outcome: 'ept-violation',
      faultGpa: 0x1000 + 0xff * 8,
      faultGuestLevel: 4,
    });
    expectOutcome(result, 'ept-violation');
    expect(result.exitQualification).toBe(W | ((R | X) << 3) | LINEAR_VALID);
    expect(result.references).toHaveLength(5); // no second EPT walk for the flag update
  });

  it('read-only guest tables whose A flags are already set walk fine without EPT write permission', () => {
    const s = setup2D({ eptTableFlags: R | X | WB });
    for (const addr of [0x1000 + 0xff * 8, 0x2000 + 0x1ff * 8, 0x3000 + 0x180 * 8, 0x4000]) {
      patch(s, s.host(addr), (lo) => lo | GUEST_A);
    }
    expect(walk(s.config, s.tables.memory, VA).result.outcome).toBe('ok');
  });

  it('the guest leaf gets A and D before the final EPT walk, so they stay set when it faults', () => {
    const s = setup2D({ eptLeafFlags: R | X | WB });
    walk(s.config, s.tables.memory, VA, 'write');
    s.tables.memory.load(s.host(0x4000));
    expect(s.tables.memory.lo & 0x60).toBe(0x60);
  });
});

describe('EPT misconfigurations', () => {
  const DATA = DATA_GPA + 0x123;
  const GUEST_PML4E = 0x1000 + 0xff * 8; // the first gPA translated: the shared EPT PML4E fails there
  const cases: [string, number, (s: ReturnType<typeof setup2D>) => void][] = [
    ['write allowed without read', DATA, (s) => patch(s, eptEntry(s, DATA_GPA, 1), (lo) => (lo & ~7) | W)],
    ['an address bit above MAXPHYADDR', DATA, (s) => patch(s, eptEntry(s, DATA_GPA, 2), (lo) => lo, 0x4000)],
    ['bit 7 in an EPT PML4E', GUEST_PML4E, (s) => patch(s, eptEntry(s, DATA_GPA, 4), (lo) => lo | 0x80)],
    ['bits 6:3 in a non-leaf entry', DATA, (s) => patch(s, eptEntry(s, DATA_GPA, 2), (lo) => lo | 0x30)],
    [
      'memory type 2 on a leaf',
      DATA,
      (s) => patch(s, eptEntry(s, DATA_GPA, 1), (lo) => (lo & ~0x38) | (2 << 3)),
    ],
    ['memory type 7 on a leaf', DATA, (s) => patch(s, eptEntry(s, DATA_GPA, 1), (lo) => lo | 0x38)],
  ];
  for (const [name, faultGpa, apply] of cases) {
    it(`${name} is a misconfiguration reporting the gPA and no exit qualification`, () => {
      const s = setup2D();
      apply(s);
      const { result } = walk(s.config, s.tables.memory, VA);
      expectOutcome(result, 'ept-misconfig');
      expect(result).toMatchObject({ faultGpa });
      expect(result).not.toHaveProperty('exitQualification');
    });
  }

  it('execute-only entries are allowed (execute-only supported)', () => {
    const s = setup2D({ eptLeafFlags: X | WB });
    expect(walk(s.config, s.tables.memory, VA, 'fetch').result.outcome).toBe('ok');
  });

  it('a misconfiguration below wins over a permission the path already denies', () => {
    const s = setup2D();
    presetGuestFlags(s);
    patch(s, eptEntry(s, DATA_GPA, 3), (lo) => lo & ~W); // a write would be a violation …
    patch(s, eptEntry(s, DATA_GPA, 1), (lo) => lo | 0x38); // … but the leaf is misconfigured
    expect(walk(s.config, s.tables.memory, VA, 'write').result.outcome).toBe('ept-misconfig');
  });

  it('bit 7 of an EPT PTE is ignored', () => {
    const s = setup2D();
    patch(s, eptEntry(s, DATA_GPA, 1), (lo) => lo | 0x80);
    expect(walk(s.config, s.tables.memory, VA).result.outcome).toBe('ok');
  });
});

describe('EPT accessed and dirty flags (EPTP bit 6)', () => {
  it('off: the walk writes no EPT flag', () => {
    const s = setup2D();
    walk(s.config, s.tables.memory, VA, 'write');
    s.tables.memory.load(eptEntry(s, DATA_GPA, 1));
    expect(s.tables.memory.lo & (EPT_A | EPT_D)).toBe(0);
  });

  it('on: A on every EPT entry used; D on leaves written — guest table accesses count as writes', () => {
    const s = setup2D({ eptAd: true });
    walk(s.config, s.tables.memory, VA, 'read');
    const flags = (addr: number) => (s.tables.memory.load(addr), s.tables.memory.lo & (EPT_A | EPT_D));
    expect(flags(eptEntry(s, DATA_GPA, 4))).toBe(EPT_A);
    expect(flags(eptEntry(s, DATA_GPA, 1))).toBe(EPT_A); // the data was only read
    expect(flags(eptEntry(s, 0x4000, 1))).toBe(EPT_A | EPT_D); // the guest PT page: a write for EPT
  });

  it('on: a violation on a guest table access reports read and write (bits 0 and 1)', () => {
    const s = setup2D({ eptAd: true, eptTableFlags: R | X | WB });
    const { result } = walk(s.config, s.tables.memory, VA);
    expectOutcome(result, 'ept-violation');
    expect(result.exitQualification).toBe(R | W | ((R | X) << 3) | LINEAR_VALID);
    expect(result.references).toHaveLength(4); // the violation comes before the guest read
  });

  it('on: a translation ending in an EPT exit sets A above the failing entry only, no D', () => {
    const s = setup2D({ eptAd: true, eptLeafFlags: R | X | WB });
    walk(s.config, s.tables.memory, VA, 'write');
    const flags = (addr: number) => (s.tables.memory.load(addr), s.tables.memory.lo & (EPT_A | EPT_D));
    expect(flags(eptEntry(s, DATA_GPA, 2))).toBe(EPT_A);
    expect(flags(eptEntry(s, DATA_GPA, 1))).toBe(0);
  });
});
