import { describe, expect, it } from 'vitest';
import {
  decodeEptEntry,
  decodeExitInfo1,
  decodeExitQualification,
  decodeGuestEntry,
  decodePageFaultErrorCode,
  describeBits,
} from '../../src/engine/decode';

const on = (e: { flags: readonly { key: string; set: boolean }[] }, key: string) =>
  e.flags.find((f) => f.key === key)?.set;

describe('decodeGuestEntry', () => {
  it('reads P, R/W, U/S, A and the next-table address of a non-leaf PML4E', () => {
    const e = decodeGuestEntry(0x2027, 0, 4);
    expect(e.present).toBe(true);
    expect(e.leaf).toBe(false);
    expect(e.address).toBe(0x2000);
    expect(on(e, 'P')).toBe(true);
    expect(on(e, 'RW')).toBe(true);
    expect(on(e, 'US')).toBe(true);
    expect(on(e, 'A')).toBe(true);
    expect(on(e, 'D')).toBeUndefined(); // D belongs to leaves only
    expect(e.words).toEqual(['present', 'writable', 'user', 'accessed']);
  });

  it('treats a PDE with PS = 1 as a 2 MiB leaf and drops bits 20:13 and PAT (bit 12) from the frame', () => {
    const e = decodeGuestEntry(0x0060_1000 | 0x80 | 0x61, 0, 2);
    expect(e.leaf).toBe(true);
    expect(e.pageSize).toBe('2M');
    expect(e.address).toBe(0x0060_0000);
    expect(on(e, 'PAT')).toBe(true);
    expect(on(e, 'D')).toBe(true);
    expect(e.words).toContain('read-only');
    expect(e.words).toContain('supervisor');
  });

  it('treats a PDPTE with PS = 1 as a 1 GiB leaf', () => {
    const e = decodeGuestEntry(0x4000_0083, 0x1, 3);
    expect(e.pageSize).toBe('1G');
    expect(e.address).toBe(0x1_4000_0000);
  });

  it('reads a PTE (level 1) as a 4 KiB leaf: bit 7 is PAT there, and XD is bit 63', () => {
    const e = decodeGuestEntry(0x0040_0083, 0x8000_0000, 1);
    expect(e.leaf).toBe(true);
    expect(e.pageSize).toBe('4K');
    expect(on(e, 'PS')).toBeUndefined();
    expect(on(e, 'PAT')).toBe(true);
    expect(on(e, 'XD')).toBe(true);
    expect(e.words).toContain('no-execute');
  });

  it('keeps address bits up to MAXPHYADDR only', () => {
    expect(decodeGuestEntry(0x1003, 0x000f_ffff, 4, 40).address).toBe(0xff_0000_1000);
    expect(decodeGuestEntry(0x1003, 0x000f_ffff, 4).address).toBe(0xf_ffff_0000_1000);
  });

  it('says "not present" when P = 0', () => {
    const e = decodeGuestEntry(0x2006, 0, 1);
    expect(e.present).toBe(false);
    expect(e.words).toEqual(['not present']);
  });
});

describe('decodeEptEntry', () => {
  it('reads R, W, X of a non-leaf EPT PML4E', () => {
    const e = decodeEptEntry(0x0010_1007, 0, 4);
    expect(e.present).toBe(true);
    expect(e.leaf).toBe(false);
    expect(e.address).toBe(0x10_1000);
    expect(e.memoryType).toBeUndefined();
    expect(e.words).toEqual(['readable', 'writable', 'executable']);
  });

  it('decodes a 4 KiB leaf with WB memory type (bits 5:3 = 6), IPAT, A and D', () => {
    const e = decodeEptEntry(0x0000_5000 | (6 << 3) | 0x40 | 0x300 | 0x7, 0x1, 1);
    expect(e.leaf).toBe(true);
    expect(e.memoryType).toBe('WB');
    expect(e.address).toBe(0x1_0000_5000);
    expect(on(e, 'IPAT')).toBe(true);
    expect(on(e, 'A')).toBe(true);
    expect(on(e, 'D')).toBe(true);
  });

  it('treats an EPT PDE with bit 7 as a 2 MiB page', () => {
    const e = decodeEptEntry(0x0020_0000 | 0x80 | 0x37, 0, 2);
    expect(e.pageSize).toBe('2M');
    expect(e.address).toBe(0x20_0000);
  });

  it('is not present when R = W = X = 0, and names missing permissions', () => {
    expect(decodeEptEntry(0x5000, 0, 1).present).toBe(false);
    expect(decodeEptEntry(0x5000, 0, 1).words[0]).toMatch(/not present/);
    expect(decodeEptEntry(0x5035, 0, 1).words).toEqual([
      'readable',
      'executable',
      'not writable',
      'memory type WB',
    ]);
  });
});

describe('fault reports', () => {
  it('#PF error code 6 = not present, write, user mode', () => {
    expect(describeBits(decodePageFaultErrorCode(6))).toBe('page not present, write, user mode');
  });

  it('#PF error code 0x15 = protection violation on a supervisor instruction fetch', () => {
    expect(describeBits(decodePageFaultErrorCode(0x11))).toBe(
      'protection violation, supervisor mode, instruction fetch',
    );
    expect(decodePageFaultErrorCode(0x8).find((b) => b.label === 'RSVD')?.set).toBe(true);
  });

  it('EPT exit qualification: a read of a guest paging-structure entry through a not-present EPT entry', () => {
    expect(describeBits(decodeExitQualification(0x81))).toBe(
      'data read, the gPA allowed no access (not readable, writable or executable), guest linear address valid, access to a guest paging-structure entry',
    );
  });

  it('EPT exit qualification: a write to the final address of a read/execute page', () => {
    expect(describeBits(decodeExitQualification(0x2 | 0x8 | 0x20 | 0x80 | 0x100))).toBe(
      'data write, the gPA was readable, executable but not writable, guest linear address valid, access to the final translated address',
    );
    expect(describeBits(decodeExitQualification(0x3))).toMatch(/^data read and data write/);
  });

  it('AMD EXITINFO1: bit 33 marks a guest page-table access, bit 32 the final translation', () => {
    expect(describeBits(decodeExitInfo1(2 ** 33 + 0x7))).toBe(
      'protection violation, write, user mode, during a guest page-table access',
    );
    expect(describeBits(decodeExitInfo1(2 ** 32 + 0x4))).toBe(
      'page not present, read, user mode, during the final guest-physical translation',
    );
  });
});
