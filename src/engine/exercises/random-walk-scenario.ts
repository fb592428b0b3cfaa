/**
 * Seeded scenario documents for the exercises (docs/exercises.md): one or more guest mappings of
 * random canonical addresses, and — under EPT or NPT — the nested mappings that make every guest
 * table and data page reachable. Documents are plain scenario JSON (docs/scenario-format.md), so
 * the engine runs them exactly as it runs a file, and the walk view can open them.
 */
import { DEFAULT_CPU } from '../cpu-defaults';
import type { Prng } from '../workload/prng';
import type { PageSize } from '../vocabulary';
import { PAGE_SIZES, bytesOfPageSize, levelOfPageSize, pageShift } from '../paging';

export type NestedKind = 'none' | 'ept' | 'npt';

export interface WalkShape {
  readonly nested: NestedKind;
  readonly la57: boolean;
  readonly guestPage: PageSize;
  readonly nestedLevels: 4 | 5;
  readonly nestedPage: PageSize;
}

export interface GuestMappingDoc {
  readonly va: bigint;
  readonly pa: number;
  readonly size: PageSize;
  readonly flags: string;
}

export interface NestedMappingDoc {
  readonly gpa: number;
  readonly hpa: number;
  readonly size: PageSize;
  readonly perms: string;
}

export interface AccessDoc {
  readonly va: bigint;
  readonly kind: 'read' | 'write' | 'fetch';
  readonly cpl?: 0 | 3;
}

export const CR3 = 0x1000;
const NESTED_ROOT = 0x5000_0000;
const GIB = 2 ** 30;
const TABLE_FRAME = 0x1000;
/** Guest data pages live from 16 MiB up, clear of the guest tables that start at CR3. */
const DATA_FLOOR = 16 * 2 ** 20;

export const hex = (value: number | bigint): string => '0x' + value.toString(16);

export const pick = <T>(prng: Prng, items: readonly T[]): T => items[prng.nextBelow(items.length)] as T;

/** A 4-level guest on 4-level EPT, the guest page size drawn first, then the EPT page size. */
export const randomEptShape = (prng: Prng): WalkShape => ({
  nested: 'ept',
  la57: false,
  guestPage: pick(prng, PAGE_SIZES),
  nestedLevels: 4,
  nestedPage: pick(prng, PAGE_SIZES),
});

/** A random canonical user-half address with the given low page offset bits random too. */
export function randomUserAddress(prng: Prng, la57: boolean): bigint {
  const bits = la57 ? 56 : 47; // the top bit stays 0: the lower, user half
  let va = 0n;
  for (let b = 0; b < bits; b += 16) va |= BigInt(prng.nextBelow(0x10000)) << BigInt(b);
  va &= (1n << BigInt(bits)) - 1n;
  return va | (1n << BigInt(bits - 8)); // away from 0, like a user stack or heap
}

/**
 * A guest-physical page base of the given size, below 8 GiB and above the table area — above the
 * first nested page too, so the data page never shares a nested mapping with the guest tables.
 */
export function randomGuestPage(prng: Prng, size: PageSize, nestedPage: PageSize = '4K'): number {
  const bytes = bytesOfPageSize(size);
  const floor = Math.max(DATA_FLOOR, bytes, bytesOfPageSize(nestedPage));
  const slots = Math.floor((8 * GIB - floor) / bytes);
  return floor + prng.nextBelow(slots) * bytes;
}

/** The number of guest tables a walk of `mappings` needs: the builder takes one frame per new table. */
export function guestTableFrames(shape: WalkShape, mappings: readonly GuestMappingDoc[]): number[] {
  const levels = shape.la57 ? 5 : 4;
  const tables = new Set<string>([`root`]);
  for (const m of mappings) {
    for (let level = levels; level > levelOfPageSize(m.size); level--) {
      const shift = BigInt(pageShift(level));
      tables.add(`${level - 1}:${(m.va >> shift).toString(16)}`);
    }
  }
  return Array.from({ length: tables.size }, (_, i) => CR3 + i * TABLE_FRAME);
}

/** Nested mappings of page size `shape.nestedPage` covering every guest-physical page given. */
export function coveringNestedMappings(
  shape: WalkShape,
  gpas: readonly number[],
  hostBase: number,
  perms = 'rwx',
): NestedMappingDoc[] {
  const bytes = bytesOfPageSize(shape.nestedPage);
  const bases = [...new Set(gpas.map((gpa) => Math.floor(gpa / bytes) * bytes))].sort((a, b) => a - b);
  return bases.map((gpa) => ({ gpa, hpa: hostBase + gpa, size: shape.nestedPage, perms }));
}

/** A host-physical base for the nested mappings: a random multiple of 4 GiB from 4 GiB up. */
export const randomHostBase = (prng: Prng): number => (1 + prng.nextBelow(15)) * 4 * GIB;

export interface ScenarioParts {
  readonly shape: WalkShape;
  readonly name: string;
  readonly guestMappings: readonly GuestMappingDoc[];
  readonly nestedMappings: readonly NestedMappingDoc[];
  readonly accesses: readonly AccessDoc[];
  readonly cpl?: 0 | 3;
  readonly tlb?: string;
}

/** The scenario JSON of the parts. */
export function scenarioDocument(parts: ScenarioParts): Record<string, unknown> {
  const { shape } = parts;
  const doc: Record<string, unknown> = {
    format: 'nestwalk-scenario/1',
    name: parts.name,
    cpu: {
      cr3: hex(CR3),
      cr0: { wp: DEFAULT_CPU.wp },
      cr4: { la57: shape.la57, smep: DEFAULT_CPU.smep, smap: DEFAULT_CPU.smap },
      efer: { nxe: DEFAULT_CPU.nxe },
      cpl: parts.cpl ?? 3,
      maxPhyAddr: DEFAULT_CPU.maxPhyAddr,
      ...(parts.tlb !== undefined && { tlb: parts.tlb }),
    },
    guestMappings: parts.guestMappings.map((m) => ({
      va: hex(m.va),
      pa: hex(m.pa),
      size: m.size,
      flags: m.flags,
    })),
    accesses: parts.accesses.map((a) => ({
      va: hex(a.va),
      kind: a.kind,
      ...(a.cpl !== undefined && { cpl: a.cpl }),
    })),
  };
  if (shape.nested === 'ept') {
    // EPTP: memory type WB (6), walk length − 1 in bits 5:3.
    doc.ept = { eptp: hex(NESTED_ROOT + 6 + ((shape.nestedLevels - 1) << 3)) };
  } else if (shape.nested === 'npt') {
    doc.npt = { ncr3: hex(NESTED_ROOT), levels: shape.nestedLevels, nxe: true };
  }
  if (shape.nested !== 'none') {
    doc.eptMappings = parts.nestedMappings.map((m) => ({
      gpa: hex(m.gpa),
      hpa: hex(m.hpa),
      size: m.size,
      perms: m.perms,
    }));
  }
  return doc;
}

/** One guest mapping of a random address, its access, and nested mappings that cover everything. */
export function singleMappingParts(
  prng: Prng,
  shape: WalkShape,
  options: { flags?: string; kind?: AccessDoc['kind']; cpl?: 0 | 3; dataPerms?: string; name: string },
): ScenarioParts & { readonly dataGpa: number } {
  const size = shape.guestPage;
  const bytes = BigInt(bytesOfPageSize(size));
  const va = randomUserAddress(prng, shape.la57);
  const pageVa = va - (va % bytes);
  const pa = randomGuestPage(prng, size, shape.nested === 'none' ? '4K' : shape.nestedPage);
  const mapping: GuestMappingDoc = { va: pageVa, pa, size, flags: options.flags ?? 'rw user' };
  const dataGpa = pa + Number(va % bytes);
  const hostBase = randomHostBase(prng);
  const tables = coveringNestedMappings(shape, guestTableFrames(shape, [mapping]), hostBase);
  const data = coveringNestedMappings(shape, [dataGpa], hostBase, options.dataPerms ?? 'rwx');
  return {
    shape,
    name: options.name,
    guestMappings: [mapping],
    nestedMappings: [...tables, ...data],
    accesses: [{ va, kind: options.kind ?? 'read', ...(options.cpl !== undefined && { cpl: options.cpl }) }],
    cpl: options.cpl ?? 3,
    dataGpa,
  };
}
