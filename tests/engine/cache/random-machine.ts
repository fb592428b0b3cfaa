/**
 * Random small machines and access sequences for the property tests: guest mappings over a few
 * pages in three regions (two under one PML4E, one in the kernel half), 4K / 2M / 1G pages with
 * random rights, EPT (4K or 2M leaves, A/D on or off), AMD NPT, or native; and steps mixing
 * accesses with invalidations and with writes that are followed by the invalidation they need.
 */
import fc from 'fast-check';
import { parseLinearAddress } from '../../../src/engine/address';
import type { CacheConfig, ReplacementPolicy } from '../../../src/engine/cache/cache-config';
import type { CachePresetName } from '../../../src/engine/cache/presets';
import { SparseMemory } from '../../../src/engine/memory/sparse-memory';
import type { AccessKind, Cpl, LinearAddress } from '../../../src/engine/vocabulary';
import type { MachineConfig } from '../../../src/engine/machine-api';
import { Tables, baseCpu, buildGuest, buildNested, type GuestPage } from '../walk/fixture';

const HOST_OFFSET = 0x1_0000_0000;
const NESTED_ROOT = 0x5000_0000;
const WB = 6 << 3;
const REGIONS = ['0x7fff_c000_0000', '0x7fff_8000_0000', '0xffff_8000_0000_0000'];
/** Offsets into a page, taken modulo its size — except the last, which reaches the next 4 KiB page. */
export const OFFSETS = [0x0, 0x123, 0xff8, 0x1008, 0x2_0000, 0x1f_fff8, -1];
export const offsetIn = (index: number, bytes: number): number =>
  OFFSETS[index]! < 0 ? 0x1010 : OFFSETS[index]! % bytes;

export interface PageSpec {
  readonly region: number;
  /** 1 = 4K, 2 = 2M, 3 = 1G. */
  readonly level: number;
  /** Which 2 MiB slot (level ≤ 2) and which 4 KiB page in it (level 1). */
  readonly slot: number;
  readonly page: number;
  readonly flags: number;
  readonly nx: boolean;
  readonly upper: number;
  /** EPT rights of the data page (R/W/X bits). */
  readonly eptPerms: number;
}

export interface MachineSpec {
  readonly mode: 'native' | 'ept' | 'npt';
  readonly eptLeaf: 1 | 2;
  readonly eptAd: boolean;
  readonly la57: boolean;
  readonly wp: boolean;
  readonly smep: boolean;
  readonly smap: boolean;
  readonly pge: boolean;
  readonly vpid: number;
  /** EPT rights of the guest-table frames (sometimes read-only: A-flag writes then fault). */
  readonly tablePerms: number;
  readonly pages: readonly PageSpec[];
}

export type Step =
  | { readonly kind: AccessKind; readonly page: number; readonly offset: number; readonly cpl: Cpl }
  | { readonly op: 'invlpg'; readonly page: number }
  | { readonly op: 'mov-cr3' | 'invept' | 'vm-exit' | 'flush-all' }
  /**
   * Flips bits of an entry on a page's path: the guest entry `depth` levels above the leaf, or with
   * `nested` a nested entry of the final translation. The transparency test then invalidates as
   * required; the stale test does not.
   */
  | {
      readonly op: 'rewrite';
      readonly page: number;
      readonly nested: boolean;
      readonly depth: number;
      readonly flip: number;
    };

const bit = (p: number) => fc.integer({ min: 0, max: 99 }).map((n) => n < p);

const pageArb: fc.Arbitrary<PageSpec> = fc.record({
  region: fc.integer({ min: 0, max: 2 }),
  level: fc.constantFrom(1, 1, 1, 2, 3),
  slot: fc.integer({ min: 0, max: 2 }),
  page: fc.integer({ min: 0, max: 2 }),
  // P (rarely clear), R/W, U/S, A, D, G
  flags: fc
    .tuple(bit(97), bit(80), bit(90), bit(50), bit(30), bit(30))
    .map(
      ([p, rw, us, a, d, g]) =>
        (p ? 1 : 0) | (rw ? 2 : 0) | (us ? 4 : 0) | (a ? 0x20 : 0) | (d ? 0x40 : 0) | (g ? 0x100 : 0),
    ),
  nx: bit(15),
  upper: fc.constantFrom(0b111, 0b111, 0b111, 0b111, 0b111, 0b101, 0b011),
  eptPerms: fc.constantFrom(0b111, 0b111, 0b111, 0b111, 0b111, 0b011, 0b101, 0b001, 0b000),
});

export const machineArb: fc.Arbitrary<MachineSpec> = fc.record({
  mode: fc.constantFrom('native', 'ept', 'ept', 'npt'),
  eptLeaf: fc.constantFrom(1, 2),
  eptAd: fc.boolean(),
  la57: bit(15),
  wp: bit(80),
  smep: bit(30),
  smap: bit(30),
  pge: fc.boolean(),
  vpid: fc.constantFrom(0, 0, 1),
  tablePerms: fc.constantFrom(0b111, 0b111, 0b111, 0b101),
  pages: fc.array(pageArb, { minLength: 1, maxLength: 6 }),
}) as fc.Arbitrary<MachineSpec>;

export const stepsArb = (pages: number): fc.Arbitrary<Step[]> => {
  const page = fc.integer({ min: 0, max: pages - 1 });
  const accessArb = fc.record({
    kind: fc.constantFrom<AccessKind>('read', 'read', 'write', 'fetch'),
    page,
    offset: fc.integer({ min: 0, max: OFFSETS.length - 1 }),
    cpl: fc.constantFrom<Cpl>(3, 3, 0),
  });
  const opArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('invlpg' as const), page }),
    fc.record({
      op: fc.constantFrom('mov-cr3' as const, 'invept' as const, 'vm-exit' as const, 'flush-all' as const),
    }),
    fc.record({
      op: fc.constant('rewrite' as const),
      page,
      nested: fc.boolean(),
      depth: fc.constantFrom(0, 0, 1, 2, 3),
      // R/W, U/S, D, A, P (EPT: W, X, bit 6, bit 5, R); bit 13: the address (another page).
      flip: fc.constantFrom(0x2, 0x4, 0x40, 0x20, 0x1, 0x2000),
    }),
  );
  return fc.array(fc.oneof({ weight: 6, arbitrary: accessArb }, { weight: 1, arbitrary: opArb }), {
    minLength: 1,
    maxLength: 30,
  });
};

export interface BuiltMachine {
  readonly config: MachineConfig;
  readonly memory: SparseMemory;
  /** Linear address of each page. */
  readonly vas: readonly bigint[];
  /** Bytes of each page (offsets beyond it land on neighbours, mostly unmapped). */
  readonly bytes: readonly number[];
}

const LEVEL_BYTES = [0, 0x1000, 0x20_0000, 0x4000_0000];

/** Lays out the spec: later pages that overlap an earlier one's region are dropped to its size. */
export function buildMachine(spec: MachineSpec): BuiltMachine {
  const t = new Tables(NESTED_ROOT + 0x1000);
  const nested = spec.mode !== 'native';
  const host = nested ? (g: number) => g + HOST_OFFSET : (g: number) => g;
  const nestedTables = new Map<string, number>();
  const nestedFlags = (perms: number) =>
    spec.mode === 'npt' ? nptFlags(perms) : perms === 0 ? 0 : perms | WB;
  const mapNested = (gpa: number, perms: number) => {
    const bytes = LEVEL_BYTES[spec.eptLeaf]!;
    const base = gpa - (gpa % bytes);
    if (nestedTables.has(`mapped:${base}`)) return;
    nestedTables.set(`mapped:${base}`, 1);
    const hi = spec.mode === 'npt' && (perms & 0b100) === 0 ? 0x8000_0000 : 0;
    buildNested(
      t,
      NESTED_ROOT,
      4,
      base,
      base + HOST_OFFSET,
      spec.eptLeaf,
      nestedFlags(perms),
      0b111,
      nestedTables,
    );
    if (hi !== 0) {
      // NX for an NPT leaf: set bit 63 of the word just written.
      const leaf = findNestedLeaf(t, base, spec.eptLeaf);
      t.memory.load(leaf);
      t.memory.store(leaf, t.memory.lo, t.memory.hi | hi);
    }
  };
  // Region kinds are decided by the first page placed in them (1G page, or 2M slots).
  const regionLevel: number[] = [];
  const slotLevel = new Map<string, number>();
  const pages: GuestPage[] = [];
  const vas: bigint[] = [];
  const bytes: number[] = [];
  let nextData = 1;
  spec.pages.forEach((p) => {
    const kind = regionLevel[p.region];
    const level = kind === 3 ? 3 : kind === 2 ? Math.min(p.level, 2) : p.level;
    regionLevel[p.region] = level === 3 ? 3 : 2;
    const slotKey = `${p.region}:${p.slot}`;
    const finalLevel = level === 3 ? 3 : (slotLevel.get(slotKey) ?? level);
    if (finalLevel !== 3) slotLevel.set(slotKey, finalLevel);
    const region = BigInt(REGIONS[p.region]!.replace(/_/g, ''));
    const va =
      finalLevel === 3
        ? region
        : region + BigInt(p.slot * 0x20_0000) + (finalLevel === 1 ? BigInt(p.page * 0x1000) : 0n);
    bytes.push(LEVEL_BYTES[finalLevel]!);
    if (vas.includes(va)) {
      vas.push(va);
      return;
    }
    const gpa =
      finalLevel === 3
        ? 0x4000_0000 * (1 + p.region)
        : 0x20_0000 * ++nextData + (finalLevel === 1 ? p.page * 0x1000 : 0);
    vas.push(va);
    pages.push({
      va: '0x' + va.toString(16),
      pa: gpa,
      leafLevel: finalLevel,
      leafFlags: p.flags,
      upper: p.upper,
      leafHi: p.nx ? 0x8000_0000 : 0,
    });
    if (nested) {
      mapNested(gpa, p.eptPerms);
      if (spec.eptLeaf === 1) mapNested(gpa + 0x1000, p.eptPerms);
    }
  });
  if (nested) for (let gpa = 0x1000; gpa < 0x4_0000; gpa += 0x1000) mapNested(gpa, spec.tablePerms);
  let next = 0x2000;
  buildGuest(t, 0x1000, spec.la57 ? 5 : 4, pages, () => (next += 0x1000) - 0x1000, host);
  const config: MachineConfig = {
    cpu: {
      ...baseCpu,
      la57: spec.la57,
      wp: spec.wp,
      smep: spec.smep,
      smap: spec.smap,
      pge: spec.pge,
      vpid: spec.vpid,
    },
    ...(spec.mode === 'ept' && { ept: { eptp: NESTED_ROOT + 6 + (3 << 3) + (spec.eptAd ? 0x40 : 0) } }),
    ...(spec.mode === 'npt' && { npt: { ncr3: NESTED_ROOT, levels: 4 as const, nxe: true } }),
  };
  return { config, memory: t.memory, vas, bytes };
}

/** NPT leaf flags for R/W/X rights: present and user unless no rights at all. */
const nptFlags = (perms: number) => (perms === 0 ? 0 : 0b101 | (perms & 0b010));

function findNestedLeaf(t: Tables, gpa: number, leafLevel: number): number {
  let table = NESTED_ROOT;
  for (let level = 4; level > leafLevel; level--) {
    const index = Math.floor(gpa / 2 ** (12 + 9 * (level - 1))) % 512;
    table = t.read(table + index * 8) - (t.read(table + index * 8) % 0x1000);
  }
  return table + (Math.floor(gpa / 2 ** (12 + 9 * (leafLevel - 1))) % 512) * 8;
}

export const linearOf = (va: bigint, offset: number): LinearAddress =>
  parseLinearAddress('0x' + (va + BigInt(offset)).toString(16));

/** Small caches with every policy: conflicts and evictions on every few accesses. */
export const tinyConfig = (replacement: ReplacementPolicy): CacheConfig => ({
  name: `tiny-${replacement}`,
  label: 'tiny',
  sources: 'test',
  replacement,
  structures: [
    {
      kind: 'tlb',
      name: 'l1-d',
      label: 'L1 D',
      tier: 1,
      side: 'data',
      sizes: ['4K', '2M', '1G'],
      entries: 2,
      ways: 2,
    },
    {
      kind: 'tlb',
      name: 'l1-i',
      label: 'L1 I',
      tier: 1,
      side: 'instruction',
      sizes: ['4K'],
      entries: 2,
      ways: 1,
    },
    {
      kind: 'tlb',
      name: 'l2',
      label: 'L2',
      tier: 2,
      side: 'unified',
      sizes: ['4K', '2M'],
      entries: 4,
      ways: 2,
      splinter: true,
    },
    { kind: 'pwc', name: 'pwc', label: 'PWC', levels: [5, 4, 3, 2], entries: 2, ways: 2 },
    {
      kind: 'gpa-tlb',
      name: 'gtlb',
      label: 'gTLB',
      sizes: ['4K', '2M'],
      entries: 2,
      ways: 2,
      splinter: true,
    },
    { kind: 'nested-pwc', name: 'npwc', label: 'nPWC', levels: [3, 2], entries: 2, ways: 1 },
  ],
});

export type CachesUnderTest = CachePresetName | CacheConfig;
