/** Guest (ordinary) paging rules, SDM Vol. 3 ch. 4 — walked natively so each rule stands alone. */
import { describe, expect, it } from 'vitest';
import { Tables, baseCpu, buildGuest, walk, type GuestPage } from './fixture';
import type { CpuConfig } from '../../../src/engine/vocabulary';
import type { MachineConfig } from '../../../src/engine/machine-api';
import { expectOutcome } from '../result-narrowing';

const VA = '0x7fff_f000_0123';
const DATA = 0x40_0000;

function native(pages: GuestPage[], cpu: Partial<CpuConfig> = {}, levels: 4 | 5 = 4) {
  const t = new Tables(0x10_0000);
  let next = 0x2000;
  buildGuest(t, 0x1000, levels, pages, () => (next += 0x1000) - 0x1000);
  const config: MachineConfig = { cpu: { ...baseCpu, la57: levels === 5, ...cpu } };
  return { t, config };
}

const P = 1,
  RW = 2,
  US = 4,
  A = 0x20,
  D = 0x40;
const XD_HI = 0x8000_0000;

describe('walk lengths', () => {
  it('a 4 KiB page takes 4 references with 4-level paging', () => {
    const { t, config } = native([{ va: VA, pa: DATA }]);
    const { result } = walk(config, t.memory, VA);
    expectOutcome(result, 'ok');
    expect(result.references).toHaveLength(4);
    expect(result.pa).toBe(DATA + 0x123);
    expect(result.references.map((r) => r.guestLevel)).toEqual([4, 3, 2, 1]);
    expect(result.references.every((r) => r.kind === 'guest')).toBe(true);
  });

  it('5-level paging (CR4.LA57) adds a PML5 read indexed by bits 56:48', () => {
    const va = '0x00ab_cdef_f000_0123';
    const { t, config } = native([{ va, pa: DATA }], {}, 5);
    const { result, events } = walk(config, t.memory, va);
    expectOutcome(result, 'ok');
    expect(result.references).toHaveLength(5);
    const first = events.find((e) => e.type === 'guest-read');
    expect(first).toMatchObject({ guestLevel: 5, index: 0xab });
  });

  it('PS in a PDE maps a 2 MiB page in 3 references', () => {
    const va = '0x7fff_f020_1234';
    const { t, config } = native([{ va: '0x7fff_f020_0000', pa: 0x4020_0000, leafLevel: 2 }]);
    const { result } = walk(config, t.memory, va);
    expectOutcome(result, 'ok');
    expect(result).toMatchObject({ pa: 0x4020_1234, pageSize: '2M' });
    expect(result.references).toHaveLength(3);
  });

  it('PS in a PDPTE maps a 1 GiB page in 2 references', () => {
    const va = '0x7fff_c123_4567';
    const { t, config } = native([{ va: '0x7fff_c000_0000', pa: 0x1_4000_0000, leafLevel: 3 }]);
    const { result } = walk(config, t.memory, va);
    expectOutcome(result, 'ok');
    expect(result).toMatchObject({ pa: 0x1_4123_4567, pageSize: '1G' });
    expect(result.references).toHaveLength(2);
  });
});

describe('canonical addresses', () => {
  it('a non-canonical address is a #GP with no reference', () => {
    const { t, config } = native([{ va: VA, pa: DATA }]);
    const { result } = walk(config, t.memory, '0x0000_8000_0000_0000');
    expectOutcome(result, 'general-protection');
    expect(result.references).toHaveLength(0);
  });

  it('sign-extended upper-half addresses are canonical', () => {
    const va = '0xffff_8000_0000_1000';
    const { t, config } = native([{ va, pa: DATA, leafFlags: P | RW }]);
    expect(walk(config, t.memory, va, 'read', 0).result.outcome).toBe('ok');
  });

  it('with LA57 the check moves to bit 56', () => {
    const { t, config } = native([{ va: '0x0100_0000_0000_0000', pa: DATA }], {}, 5);
    expect(walk(config, t.memory, '0x0100_0000_0000_0000').result.outcome).toBe('general-protection');
    const ok = native([{ va: '0x0000_8000_0000_0000', pa: DATA }], {}, 5);
    expect(walk(ok.config, ok.t.memory, '0x0000_8000_0000_0000').result.outcome).toBe('ok');
  });
});

describe('reserved bits set RSVD in the #PF error code', () => {
  it('an address bit at or above MAXPHYADDR', () => {
    const { t, config } = native([{ va: VA, pa: DATA, leafHi: 0x4000 }]); // bit 46 with M = 46
    const { result } = walk(config, t.memory, VA);
    expectOutcome(result, 'page-fault');
    expect(result).toMatchObject({ errorCode: 0b1101 }); // P | RSVD | U/S
  });

  it('PS in a PML4E', () => {
    const { t, config } = native([{ va: VA, pa: DATA }]);
    t.memory.load(0x1000 + 0xff * 8);
    t.memory.store(0x1000 + 0xff * 8, t.memory.lo | 0x80, t.memory.hi);
    expect(walk(config, t.memory, VA).result).toMatchObject({ outcome: 'page-fault', errorCode: 0b1101 });
  });

  it('the low address bits of a 2 MiB leaf (bits 20:13)', () => {
    const va = '0x7fff_f020_0000';
    const { t, config } = native([{ va, pa: 0x4020_0000 + 0x2000, leafLevel: 2 }]);
    expect(walk(config, t.memory, va).result).toMatchObject({ outcome: 'page-fault', errorCode: 0b1101 });
  });

  it('bit 12 of a 2 MiB leaf is PAT, not reserved', () => {
    const va = '0x7fff_f020_0000';
    const { t, config } = native([{ va, pa: 0x4020_0000 + 0x1000, leafLevel: 2 }]);
    expect(walk(config, t.memory, va).result).toMatchObject({ outcome: 'ok', pa: 0x4020_0000 });
  });

  it('the low address bits of a 1 GiB leaf (bits 29:13)', () => {
    const va = '0x7fff_c000_0000';
    const { t, config } = native([{ va, pa: 0x1_4000_0000 + 0x20_0000, leafLevel: 3 }]);
    expect(walk(config, t.memory, va).result).toMatchObject({ outcome: 'page-fault', errorCode: 0b1101 });
  });

  it('XD when EFER.NXE = 0', () => {
    const { t, config } = native([{ va: VA, pa: DATA, leafHi: XD_HI }], { nxe: false });
    expect(walk(config, t.memory, VA).result).toMatchObject({ outcome: 'page-fault', errorCode: 0b1101 });
  });
});

describe('permissions combine across levels', () => {
  it('R/W = 0 at an upper level makes the page read-only for user writes', () => {
    const { t, config } = native([{ va: VA, pa: DATA, upper: P | US }]);
    expect(walk(config, t.memory, VA, 'read').result.outcome).toBe('ok');
    expect(walk(config, t.memory, VA, 'write').result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b111,
    });
  });

  it('U/S = 0 at any level makes the page supervisor-only', () => {
    const { t, config } = native([{ va: VA, pa: DATA, upper: P | RW }]);
    expect(walk(config, t.memory, VA, 'read', 3).result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b101,
    });
    expect(walk(config, t.memory, VA, 'read', 0).result.outcome).toBe('ok');
  });

  it('XD at any level forbids fetches (NXE on), reporting I/D', () => {
    const t = new Tables(0x10_0000);
    let next = 0x2000;
    buildGuest(t, 0x1000, 4, [{ va: VA, pa: DATA }], () => (next += 0x1000) - 0x1000);
    const pdpte = 0x1000 + 0xff * 8;
    t.memory.load(pdpte);
    t.memory.store(pdpte, t.memory.lo, XD_HI);
    const config: MachineConfig = { cpu: baseCpu };
    expect(walk(config, t.memory, VA, 'fetch').result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b10101,
    });
    expect(walk(config, t.memory, VA, 'read').result.outcome).toBe('ok');
  });

  it('CR0.WP = 0 lets supervisor writes through read-only pages; WP = 1 faults', () => {
    const pages = [{ va: VA, pa: DATA, leafFlags: P | US }];
    const off = native(pages, { wp: false });
    expect(walk(off.config, off.t.memory, VA, 'write', 0).result.outcome).toBe('ok');
    const on = native(pages, { wp: true });
    expect(walk(on.config, on.t.memory, VA, 'write', 0).result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b011,
    });
  });

  it('SMEP: a supervisor fetch from a user page faults', () => {
    const { t, config } = native([{ va: VA, pa: DATA }], { smep: true });
    expect(walk(config, t.memory, VA, 'fetch', 0).result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b10001,
    });
    expect(walk(config, t.memory, VA, 'read', 0).result.outcome).toBe('ok');
  });

  it('SMAP: a supervisor data access to a user page faults (EFLAGS.AC = 0)', () => {
    const { t, config } = native([{ va: VA, pa: DATA }], { smap: true });
    expect(walk(config, t.memory, VA, 'read', 0).result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b001,
    });
    expect(walk(config, t.memory, VA, 'fetch', 0).result.outcome).toBe('ok');
  });
});

describe('#PF error code', () => {
  it('a not-present entry clears P and reports W/R and U/S of the access, with CR2 = the address', () => {
    const { t, config } = native([{ va: VA, pa: DATA, leafFlags: RW | US }]);
    const { result } = walk(config, t.memory, VA, 'write', 3);
    expectOutcome(result, 'page-fault');
    expect(result).toMatchObject({ errorCode: 0b110, faultGuestLevel: 1 });
    expect(result.faultLinear).toEqual({ hi: 0x7fff, lo: 0xf000_0123 });
  });

  it('I/D is reported only when NXE or SMEP is enabled', () => {
    const pages = [{ va: VA, pa: DATA, leafFlags: RW | US }];
    const neither = native(pages, { nxe: false, smep: false });
    expect(walk(neither.config, neither.t.memory, VA, 'fetch').result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b100,
    });
    const nxe = native(pages, { nxe: true });
    expect(walk(nxe.config, nxe.t.memory, VA, 'fetch').result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b10100,
    });
    const smep = native(pages, { nxe: false, smep: true });
    expect(walk(smep.config, smep.t.memory, VA, 'fetch').result).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0b10100,
    });
  });
});

describe('accessed and dirty flags', () => {
  const entryAddrs = [0x1000 + 0xff * 8, 0x2000 + 0x1ff * 8, 0x3000 + 0x180 * 8, 0x4000 + 0 * 8];

  it('a read sets A in every entry used and not D', () => {
    const { t, config } = native([{ va: VA, pa: DATA }]);
    walk(config, t.memory, VA, 'read');
    for (const addr of entryAddrs) expect(t.read(addr) & (A | D)).toBe(A);
  });

  it('a write sets D on the leaf only', () => {
    const { t, config } = native([{ va: VA, pa: DATA }]);
    walk(config, t.memory, VA, 'write');
    expect(entryAddrs.map((a) => t.read(a) & (A | D))).toEqual([A, A, A, A | D]);
  });

  it('a faulting access sets A above the leaf and leaves the leaf untouched', () => {
    const { t, config } = native([{ va: VA, pa: DATA, leafFlags: P | US }]);
    const { result } = walk(config, t.memory, VA, 'write');
    expectOutcome(result, 'page-fault');
    expect(entryAddrs.map((a) => t.read(a) & (A | D))).toEqual([A, A, A, 0]);
  });

  it('references report each entry as read, before the walk updated it', () => {
    const { t, config } = native([{ va: VA, pa: DATA }]);
    const { result } = walk(config, t.memory, VA, 'write');
    expect(result.references.every((r) => (r.lo & A) === 0)).toBe(true);
  });
});
