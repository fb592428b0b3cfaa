/**
 * Builds a scenario from the concrete controls (guest levels and page size, EPT / NPT / native,
 * nested levels and page size, access kind, CPL) with the contract's builders, so the walk shows
 * the path a real machine would take for that configuration.
 */
import { isCachePresetName, type CachePresetName } from '../engine';
import type { AccessKind, Cpl, PageSize } from '../engine';
import { DEFAULT_CPU } from '../engine';
import { bytesOfPageSize, levelOfPageSize } from '../engine';
import { accessOf, hexToBigInt, toHex, type ScenarioDoc } from './scenario-doc';

export type NestedMode = 'ept' | 'npt' | 'native';

export interface ConcreteOptions {
  readonly guestLevels: 4 | 5;
  readonly guestPageSize: PageSize;
  readonly nested: NestedMode;
  readonly nestedLevels: 4 | 5;
  readonly nestedPageSize: PageSize;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
  /** Translation caches (`cpu.tlb`): 'none' walks every translation in full. */
  readonly tlb: CachePresetName;
}

export const DEFAULT_CONCRETE: ConcreteOptions = {
  guestLevels: 4,
  guestPageSize: '4K',
  nested: 'ept',
  nestedLevels: 4,
  nestedPageSize: '4K',
  kind: 'read',
  cpl: 3,
  tlb: 'none',
};

const bytesOf = (size: PageSize): bigint => BigInt(bytesOfPageSize(size));
const GUEST_CR3 = 0x1000n;
/** Guest data page: 1 GiB-aligned so every page size can map it. */
const GUEST_DATA = 0x4000_0000n;
/** Root of the EPT / nested tables, in host-physical memory below the guest's RAM. */
const NESTED_ROOT = 0x10_0000n;
/** Guest RAM sits at this host-physical offset (4 GiB, aligned for every page size). */
const HOST_OFFSET = 0x1_0000_0000n;
/** The access: bits 56:48 pick a PML5 entry with 5-level paging; canonical in both modes. */
const VA_4 = 0x7fff_f012_3456n;
const VA_5 = 0xab_7fff_f012_3456n;

const label = (o: ConcreteOptions): string => {
  const guest = `${o.guestLevels}-level guest (${o.guestPageSize} pages)`;
  if (o.nested === 'native') return `Custom: ${guest}, native`;
  const nested = o.nested === 'ept' ? 'EPT' : 'NPT';
  return `Custom: ${guest} on ${o.nestedLevels}-level ${nested} (${o.nestedPageSize} pages)`;
};

export function buildConcreteScenario(o: ConcreteOptions): ScenarioDoc {
  const va = o.guestLevels === 5 ? VA_5 : VA_4;
  const guestBytes = bytesOf(o.guestPageSize);
  const pageVa = va & ~(guestBytes - 1n);
  const finalGpa = GUEST_DATA + (va & (guestBytes - 1n));
  // Tables a guest walk reads: one per level down to the leaf.
  const tableCount = o.guestLevels - levelOfPageSize(o.guestPageSize) + 1;
  const doc: ScenarioDoc = {
    format: 'nestwalk-scenario/1',
    name: label(o),
    cpu: {
      cr3: toHex(GUEST_CR3),
      cr0: { wp: DEFAULT_CPU.wp },
      cr4: { la57: o.guestLevels === 5, smep: DEFAULT_CPU.smep, smap: DEFAULT_CPU.smap },
      efer: { nxe: DEFAULT_CPU.nxe },
      cpl: o.cpl,
      maxPhyAddr: DEFAULT_CPU.maxPhyAddr,
      ...(o.tlb !== 'none' && { tlb: o.tlb }),
    },
    memory: [],
    guestMappings: [{ va: toHex(pageVa), pa: toHex(GUEST_DATA), size: o.guestPageSize, flags: 'rw user' }],
    accesses: [{ va: toHex(va), kind: o.kind, cpl: o.cpl }],
  };
  if (o.nested === 'native') return doc;

  // Map only what the walk touches: each guest table frame and the final data address.
  const nestedBytes = bytesOf(o.nestedPageSize);
  const gpas = [...Array.from({ length: tableCount }, (_, i) => GUEST_CR3 + BigInt(i) * 0x1000n), finalGpa];
  const bases = [...new Set(gpas.map((gpa) => gpa & ~(nestedBytes - 1n)))];
  doc.eptMappings = bases.map((gpa) => ({
    gpa: toHex(gpa),
    hpa: toHex(gpa + HOST_OFFSET),
    size: o.nestedPageSize,
    perms: 'rwx',
  }));
  if (o.nested === 'ept') {
    // EPTP: bits 2:0 = 6 (WB), 5:3 = levels − 1, bit 6 = A/D flags on.
    doc.ept = { eptp: toHex(NESTED_ROOT | (BigInt(o.nestedLevels - 1) << 3n) | 0x46n) };
  } else {
    doc.npt = { ncr3: toHex(NESTED_ROOT), levels: o.nestedLevels, nxe: true };
  }
  return doc;
}

/** The concrete options a scenario document implies, where it says (levels, mode, memory access number `accessIndex`). */
export function concreteFromDoc(doc: ScenarioDoc, base: ConcreteOptions, accessIndex = 0): ConcreteOptions {
  const access = accessOf(doc, accessIndex);
  const eptp = doc.ept ? hexToBigInt(doc.ept.eptp) : null;
  const nested: NestedMode = doc.ept ? 'ept' : doc.npt ? 'npt' : 'native';
  const nestedLevels = eptp !== null ? (((eptp >> 3n) & 7n) === 4n ? 5 : 4) : doc.npt?.levels === 5 ? 5 : 4;
  return {
    ...base,
    guestLevels: doc.cpu?.cr4?.la57 ? 5 : 4,
    nested,
    nestedLevels,
    kind: access?.kind ?? 'read',
    cpl: access?.cpl ?? doc.cpu?.cpl ?? base.cpl,
    tlb: cachePresetOf(doc),
  };
}

/** The document's cache preset (`cpu.tlb`), 'none' when absent or not a preset name. */
export function cachePresetOf(doc: ScenarioDoc | null): CachePresetName {
  const tlb = doc?.cpu?.tlb;
  return typeof tlb === 'string' && isCachePresetName(tlb) ? tlb : 'none';
}
