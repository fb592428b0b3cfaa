/**
 * Decoding for display: paging-structure entries into named flags, and the fault reports
 * (#PF error code, EPT exit qualification, AMD EXITINFO1) into words. Pure; docs/hardware-rules.md
 * §1, §2, §4.
 * AMD nested tables use the ordinary entry format, so they decode with `decodeGuestEntry`.
 */
import type { PageSize } from './vocabulary';
import {
  EPT_A,
  EPT_D,
  EPT_IGNORE_PAT,
  EPT_MEMTYPE,
  EPT_MEMTYPE_NAMES,
  EPT_MEMTYPE_SHIFT,
  EPT_PS,
  EPT_R,
  EPT_RWX,
  EPT_W,
  EPT_X,
  EXITQ_EXECUTABLE,
  EXITQ_FETCH,
  EXITQ_FINAL_TRANSLATION,
  EXITQ_LINEAR_VALID,
  EXITQ_READ,
  EXITQ_READABLE,
  EXITQ_WRITABLE,
  EXITQ_WRITE,
  PFEC_ID,
  PFEC_P,
  PFEC_PK,
  PFEC_RSVD,
  PFEC_US,
  PFEC_WR,
  PTE_A,
  PTE_D,
  PTE_G,
  PTE_P,
  PTE_PAT_4K,
  PTE_PAT_LARGE,
  PTE_PCD,
  PTE_PS,
  PTE_PWT,
  PTE_RW,
  PTE_US,
  PTE_XD_HI,
  TWO_32,
  addressMaskHi,
  entryAddress,
} from './bits';
import { bytesOfLevel, pageSizeOfLevel } from './paging';

export type EntryFormat = 'guest' | 'ept';

/** One named bit (or field) of an entry; `lo`/`hi` are its mask in each 32-bit half, for toggling. */
export interface EntryFlag {
  readonly key: string;
  readonly label: string;
  readonly name: string;
  readonly set: boolean;
  readonly lo: number;
  readonly hi: number;
}

export interface DecodedEntry {
  readonly format: EntryFormat;
  readonly level: number;
  /** Guest: P = 1. EPT: any of R, W, X. */
  readonly present: boolean;
  /** Maps a page (level 1, or a large page) rather than pointing at the next table. */
  readonly leaf: boolean;
  readonly pageSize?: PageSize;
  /** Next table (non-leaf) or page frame (leaf), aligned to the page size. */
  readonly address: number;
  readonly flags: readonly EntryFlag[];
  /** EPT leaves: memory type name (UC, WC, WT, WP, WB; 2, 3, 7 are invalid). */
  readonly memoryType?: string;
  /** Plain words for a sentence, e.g. ["present", "writable", "user"]. */
  readonly words: readonly string[];
}

const flag = (key: string, label: string, name: string, lo: number, hi: number, value: [number, number]) => ({
  key,
  label,
  name,
  lo,
  hi,
  set: (value[0] & lo) !== 0 || (value[1] & hi) !== 0,
});

/** The page frame of a leaf: address bits below the page size cleared (PAT sits at bit 12 of large leaves). */
const frameOf = (address: number, bytes: number): number => Math.floor(address / bytes) * bytes;

const isOn = (flags: readonly EntryFlag[], key: string): boolean =>
  flags.find((f) => f.key === key)?.set ?? false;

/** An ordinary (guest, native or AMD nested) entry at `level` (5 PML5 … 1 PT); SDM §4.5. */
export function decodeGuestEntry(lo: number, hi: number, level: number, maxPhyAddr = 52): DecodedEntry {
  const v: [number, number] = [lo, hi];
  const canBeLarge = level === 2 || level === 3;
  const leaf = level === 1 || (canBeLarge && (lo & PTE_PS) !== 0);
  const flags: EntryFlag[] = [
    flag('P', 'P', 'present', PTE_P, 0, v),
    flag('RW', 'R/W', 'writable', PTE_RW, 0, v),
    flag('US', 'U/S', 'user', PTE_US, 0, v),
    flag('PWT', 'PWT', 'write-through', PTE_PWT, 0, v),
    flag('PCD', 'PCD', 'cache disabled', PTE_PCD, 0, v),
    flag('A', 'A', 'accessed', PTE_A, 0, v),
  ];
  if (leaf) flags.push(flag('D', 'D', 'dirty', PTE_D, 0, v));
  // Bit 7 is PS in a PDPTE/PDE, PAT in a PTE, reserved above (shown so a set bit is visible).
  if (level !== 1) flags.push(flag('PS', 'PS', 'large page', PTE_PS, 0, v));
  if (leaf) flags.push(flag('G', 'G', 'global', PTE_G, 0, v));
  if (leaf) flags.push(flag('PAT', 'PAT', 'PAT', level === 1 ? PTE_PAT_4K : PTE_PAT_LARGE, 0, v));
  flags.push(flag('XD', 'XD', 'execute-disable', 0, PTE_XD_HI, v));

  const raw = entryAddress(lo, hi, addressMaskHi(maxPhyAddr));
  const pageSize = leaf ? pageSizeOfLevel(level) : undefined;
  const address = leaf ? frameOf(raw, bytesOfLevel(level)) : raw;
  const present = (lo & PTE_P) !== 0;
  const words: string[] = [];
  if (!present) words.push('not present');
  else {
    words.push(
      'present',
      isOn(flags, 'RW') ? 'writable' : 'read-only',
      isOn(flags, 'US') ? 'user' : 'supervisor',
    );
    if (isOn(flags, 'XD')) words.push('no-execute');
    if (isOn(flags, 'A')) words.push('accessed');
    if (leaf && isOn(flags, 'D')) words.push('dirty');
    if (leaf && isOn(flags, 'G')) words.push('global');
    if (level >= 4 && (lo & PTE_PS) !== 0) words.push('PS set (reserved here)');
  }
  return { format: 'guest', level, present, leaf, pageSize, address, flags, words };
}

/** An Intel EPT entry at `level` (5 … 1); SDM §29.3.2. */
export function decodeEptEntry(lo: number, hi: number, level: number, maxPhyAddr = 52): DecodedEntry {
  const v: [number, number] = [lo, hi];
  const canBeLarge = level === 2 || level === 3;
  const leaf = level === 1 || (canBeLarge && (lo & EPT_PS) !== 0);
  const flags: EntryFlag[] = [
    flag('R', 'R', 'readable', EPT_R, 0, v),
    flag('W', 'W', 'writable', EPT_W, 0, v),
    flag('X', 'X', 'executable', EPT_X, 0, v),
  ];
  const memoryType = leaf ? EPT_MEMTYPE_NAMES[(lo & EPT_MEMTYPE) >>> EPT_MEMTYPE_SHIFT] : undefined;
  if (leaf) flags.push(flag('IPAT', 'IPAT', 'ignore PAT', EPT_IGNORE_PAT, 0, v));
  // Bit 7: large page in a PDPTE/PDE, ignored in a PTE, reserved in a PML4E/PML5E.
  if (level !== 1) flags.push(flag('PS', 'PS', 'large page', EPT_PS, 0, v));
  flags.push(flag('A', 'A', 'accessed', EPT_A, 0, v));
  if (leaf) flags.push(flag('D', 'D', 'dirty', EPT_D, 0, v));

  const raw = entryAddress(lo, hi, addressMaskHi(maxPhyAddr));
  const pageSize = leaf ? pageSizeOfLevel(level) : undefined;
  const address = leaf ? frameOf(raw, bytesOfLevel(level)) : raw;
  const present = (lo & EPT_RWX) !== 0;
  const words: string[] = [];
  if (!present) words.push('not present (R = W = X = 0)');
  else {
    const perms = (['R', 'W', 'X'] as const).map((k) => ({ k, on: isOn(flags, k) }));
    const names = { R: 'readable', W: 'writable', X: 'executable' } as const;
    for (const p of perms) if (p.on) words.push(names[p.k]);
    for (const p of perms) if (!p.on) words.push('not ' + names[p.k]);
    if (memoryType !== undefined) words.push(`memory type ${memoryType}`);
    if (isOn(flags, 'A')) words.push('accessed');
    if (leaf && isOn(flags, 'D')) words.push('dirty');
  }
  return { format: 'ept', level, present, leaf, pageSize, address, flags, memoryType, words };
}

/** One bit of a fault report and what it says. */
export interface ReportBit {
  readonly bit: number;
  readonly label: string;
  readonly set: boolean;
  /** Words for this bit's value, '' when the bit says nothing worth reading aloud. */
  readonly text: string;
}

const bitAt = (value: number, bit: number): boolean => Math.floor(value / 2 ** bit) % 2 === 1;

/** #PF error code (SDM §4.7): bit 0 P, 1 W/R, 2 U/S, 3 RSVD, 4 I/D, 5 PK. */
export function decodePageFaultErrorCode(code: number): ReportBit[] {
  const fetch = (code & PFEC_ID) !== 0;
  return [
    {
      bit: 0,
      label: 'P',
      set: (code & PFEC_P) !== 0,
      text: code & PFEC_P ? 'protection violation' : 'page not present',
    },
    {
      bit: 1,
      label: 'W/R',
      set: (code & PFEC_WR) !== 0,
      text: code & PFEC_WR ? 'write' : fetch ? '' : 'read',
    },
    {
      bit: 2,
      label: 'U/S',
      set: (code & PFEC_US) !== 0,
      text: code & PFEC_US ? 'user mode' : 'supervisor mode',
    },
    {
      bit: 3,
      label: 'RSVD',
      set: (code & PFEC_RSVD) !== 0,
      text: code & PFEC_RSVD ? 'reserved bit set' : '',
    },
    { bit: 4, label: 'I/D', set: fetch, text: fetch ? 'instruction fetch' : '' },
    { bit: 5, label: 'PK', set: (code & PFEC_PK) !== 0, text: code & PFEC_PK ? 'protection key' : '' },
  ];
}

/** EPT-violation exit qualification bits 0–8 (SDM §28.2.1, Table 28-7). */
export function decodeExitQualification(q: number): ReportBit[] {
  const on = (mask: number) => (q & mask) !== 0;
  const access = [
    on(EXITQ_READ) && 'data read',
    on(EXITQ_WRITE) && 'data write',
    on(EXITQ_FETCH) && 'instruction fetch',
  ]
    .filter(Boolean)
    .join(' and ');
  const allowed = (['readable', 'writable', 'executable'] as const).filter((_, i) => on(EXITQ_READABLE << i));
  const denied = (['readable', 'writable', 'executable'] as const).filter((_, i) => !on(EXITQ_READABLE << i));
  const perms =
    allowed.length === 0
      ? 'the gPA allowed no access (not readable, writable or executable)'
      : `the gPA was ${allowed.join(', ')}` + (denied.length ? ` but not ${denied.join(' or ')}` : '');
  const linear = on(EXITQ_LINEAR_VALID);
  return [
    { bit: 0, label: 'read', set: on(EXITQ_READ), text: access },
    { bit: 1, label: 'write', set: on(EXITQ_WRITE), text: '' },
    { bit: 2, label: 'fetch', set: on(EXITQ_FETCH), text: '' },
    { bit: 3, label: 'R', set: on(EXITQ_READABLE), text: perms },
    { bit: 4, label: 'W', set: on(EXITQ_WRITABLE), text: '' },
    { bit: 5, label: 'X', set: on(EXITQ_EXECUTABLE), text: '' },
    {
      bit: 7,
      label: 'GLA',
      set: linear,
      text: linear ? 'guest linear address valid' : 'no guest linear address',
    },
    {
      bit: 8,
      label: 'final',
      set: on(EXITQ_FINAL_TRANSLATION),
      text: !linear
        ? ''
        : on(EXITQ_FINAL_TRANSLATION)
          ? 'access to the final translated address'
          : 'access to a guest paging-structure entry',
    },
  ];
}

/** AMD #NPF EXITINFO1 (APM Vol. 2 §15.25.6): #PF-style bits 0–4, bit 32 final, bit 33 guest table. */
export function decodeExitInfo1(info: number): ReportBit[] {
  const low = info % TWO_32;
  const pf = decodePageFaultErrorCode(low & (PFEC_P | PFEC_WR | PFEC_US | PFEC_RSVD | PFEC_ID)).slice(0, 5);
  const final = bitAt(info, 32);
  const table = bitAt(info, 33);
  return [
    ...pf,
    { bit: 32, label: 'final', set: final, text: final ? 'during the final guest-physical translation' : '' },
    { bit: 33, label: 'table', set: table, text: table ? 'during a guest page-table access' : '' },
  ];
}

/** The non-empty words of a decoded report, joined: "page not present, write, user mode". */
export const describeBits = (bits: readonly ReportBit[]): string =>
  bits
    .map((b) => b.text)
    .filter((t) => t !== '')
    .join(', ');
