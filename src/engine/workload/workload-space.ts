/**
 * The address space of an experiment: a guest-linear heap mapped with one guest page size onto
 * guest-physical memory, and (under EPT/NPT) all of guest-physical memory mapped with one nested
 * page size onto host-physical memory — as page tables computed on demand (ProceduralMemory).
 *
 * Layout (deterministic, all regions disjoint):
 *   guest-physical   [1 MiB, …)        guest tables, root first (CR3 = 1 MiB)
 *                    [dataGpa, +heap)  the heap's pages; dataGpa = the first 1 GiB boundary above
 *   host-physical    [1 MiB, …)        nested tables, root first (EPTP / nCR3 = 1 MiB)
 *                    hostOffset + gPA  every guest-physical byte in [0, dataGpa + heap), hostOffset
 *                                      = the first 1 GiB boundary above the nested tables
 * Natively there is no nested tree and physical = guest-physical. The nested tree maps the guest
 * tables' frames too, so a 2D walk reaches them the way it would on hardware.
 */
import {
  EPTP_AD,
  EPT_A,
  EPT_D,
  EPT_PS,
  EPT_RWX,
  EPT_MEMTYPE_SHIFT,
  EPTP_WALK_LENGTH_SHIFT,
  PAGE_1G,
  PTE_A,
  PTE_D,
  PTE_P,
  PTE_PS,
  PTE_RW,
  PTE_US,
  TWO_32,
} from '../bits';
import { bytesOfLevel, levelOfPageSize } from '../paging';
import { DEFAULT_CPU } from '../cpu-defaults';
import { ProceduralMemory } from '../memory/procedural-memory';
import { ProceduralTree } from '../memory/procedural-tree';
import type { PageSize } from '../vocabulary';
import type { MachineConfig } from '../machine-api';

export type NestedSpec =
  | 'off'
  | {
      readonly mode: 'ept' | 'npt';
      readonly pageSize: PageSize;
      readonly levels: 4 | 5;
      /** EPTP bit 6 (EPT only). The entries have A/D set either way. */
      readonly accessedDirty?: boolean;
    };

export interface SpaceSpec {
  /** Guest-linear start of the heap: canonical lower half, 1 GiB aligned. */
  readonly heapBase: number;
  /** Heap bytes; the mapping is rounded up to whole guest pages. */
  readonly heapBytes: number;
  readonly guestPageSize: PageSize;
  readonly guestLevels: 4 | 5;
  readonly nested: NestedSpec;
}

export interface WorkloadSpace {
  readonly spec: SpaceSpec;
  readonly memory: ProceduralMemory;
  readonly config: MachineConfig;
  /** Bytes the guest tables map (heapBytes rounded up to the guest page size). */
  readonly mappedBytes: number;
  readonly dataGpa: number;
  /** hPA − gPA for every guest-physical byte (0 natively). */
  readonly hostOffset: number;
  /** Frames of guest / nested tables per level (index 1…5): their footprint for cost models. */
  readonly guestTables: readonly number[];
  readonly nestedTables: readonly number[];
}

export const DEFAULT_HEAP_BASE = 0x7f00_0000_0000;
const TABLES_AT = 0x10_0000; // 1 MiB: the first frame of either tree
const WB = 6;

const GUEST_NON_LEAF = PTE_P | PTE_RW | PTE_US | PTE_A;
const GUEST_LEAF = GUEST_NON_LEAF | PTE_D;
const EPT_NON_LEAF = EPT_RWX | EPT_A;
const EPT_LEAF = EPT_RWX | (WB << EPT_MEMTYPE_SHIFT) | EPT_A | EPT_D;

const alignUp = (value: number, to: number): number => Math.ceil(value / to) * to;

export function createWorkloadSpace(spec: SpaceSpec): WorkloadSpace {
  const { heapBase, heapBytes, guestLevels } = spec;
  const guestLeaf = levelOfPageSize(spec.guestPageSize);
  if (!(heapBytes > 0)) throw new Error(`heap size must be positive, got ${heapBytes}`);
  if (heapBase % PAGE_1G !== 0 || heapBase < 0)
    throw new Error('heap base must be a 1 GiB-aligned lower-half address');
  const mappedBytes = alignUp(heapBytes, bytesOfLevel(guestLeaf));
  if (heapBase + mappedBytes > 2 ** (guestLevels === 5 ? 56 : 47)) {
    throw new Error('the heap does not fit in the canonical lower half');
  }

  // The guest tree's size does not depend on where the data goes, so lay it out first.
  const probe = guestTree(spec, mappedBytes, guestLeaf, 0);
  const dataGpa = alignUp(TABLES_AT + probe.bytes, PAGE_1G);
  const guest = guestTree(spec, mappedBytes, guestLeaf, dataGpa);
  const gpaEnd = dataGpa + mappedBytes;
  // User-mode accesses: the experiments measure an application's heap.
  const cpu = { ...DEFAULT_CPU, cr3: TABLES_AT, la57: guestLevels === 5, cpl: 3 as const };

  if (spec.nested === 'off') {
    const memory = new ProceduralMemory(
      { tree: guest, loadBase: TABLES_AT, accessedDirtyMask: PTE_A | PTE_D },
      null,
    );
    return finish(spec, memory, { cpu: withPhys(cpu, gpaEnd) }, mappedBytes, dataGpa, 0, guest, null);
  }

  const { mode, pageSize, levels } = spec.nested;
  const nestedLeaf = levelOfPageSize(pageSize);
  const nestedMapBytes = alignUp(gpaEnd, bytesOfLevel(nestedLeaf));
  const nestedSpec = {
    levels,
    leafLevel: nestedLeaf,
    mapBase: 0,
    mapBytes: nestedMapBytes,
    tableBase: TABLES_AT,
  };
  const sizing = new ProceduralTree({ ...nestedSpec, outBase: 0, nonLeafFlags: 0, leafFlags: 0, psFlag: 0 });
  const hostOffset = alignUp(TABLES_AT + sizing.bytes, PAGE_1G);
  const ept = mode === 'ept';
  const nested = new ProceduralTree({
    ...nestedSpec,
    outBase: hostOffset,
    nonLeafFlags: ept ? EPT_NON_LEAF : GUEST_NON_LEAF,
    leafFlags: ept ? EPT_LEAF : GUEST_LEAF,
    psFlag: ept ? EPT_PS : PTE_PS,
  });
  const memory = new ProceduralMemory(
    { tree: guest, loadBase: TABLES_AT + hostOffset, accessedDirtyMask: PTE_A | PTE_D },
    { tree: nested, loadBase: TABLES_AT, accessedDirtyMask: ept ? EPT_A | EPT_D : PTE_A | PTE_D },
  );
  const withCpu = { ...withPhys(cpu, hostOffset + nestedMapBytes), vpid: 1 };
  const config: MachineConfig = ept
    ? {
        cpu: withCpu,
        ept: {
          eptp:
            TABLES_AT |
            WB |
            ((levels - 1) << EPTP_WALK_LENGTH_SHIFT) |
            (spec.nested.accessedDirty === true ? EPTP_AD : 0),
        },
      }
    : { cpu: withCpu, npt: { ncr3: TABLES_AT, levels, nxe: true } };
  return finish(spec, memory, config, mappedBytes, dataGpa, hostOffset, guest, nested);
}

function guestTree(spec: SpaceSpec, mappedBytes: number, leafLevel: number, dataGpa: number): ProceduralTree {
  return new ProceduralTree({
    levels: spec.guestLevels,
    leafLevel,
    mapBase: spec.heapBase,
    mapBytes: mappedBytes,
    outBase: dataGpa,
    tableBase: TABLES_AT,
    nonLeafFlags: GUEST_NON_LEAF,
    leafFlags: GUEST_LEAF,
    psFlag: PTE_PS,
  });
}

/** MAXPHYADDR 46 unless the layout needs more (at most 52). */
function withPhys<T extends { maxPhyAddr: number }>(cpu: T, highestAddress: number): T {
  const bits = Math.max(DEFAULT_CPU.maxPhyAddr, Math.ceil(Math.log2(highestAddress)));
  if (bits > 52) throw new Error('the layout needs more than 52 physical-address bits');
  return { ...cpu, maxPhyAddr: bits };
}

function finish(
  spec: SpaceSpec,
  memory: ProceduralMemory,
  config: MachineConfig,
  mappedBytes: number,
  dataGpa: number,
  hostOffset: number,
  guest: ProceduralTree,
  nested: ProceduralTree | null,
): WorkloadSpace {
  const perLevel = (tree: ProceduralTree | null) =>
    [0, 1, 2, 3, 4, 5].map((l) => (tree === null ? 0 : tree.tablesAt(l)));
  return {
    spec,
    memory,
    config,
    mappedBytes,
    dataGpa,
    hostOffset,
    guestTables: perLevel(guest),
    nestedTables: perLevel(nested),
  };
}

/** The host-physical (native: physical) address the heap byte at linear `va` translates to. */
export const expectedPhysical = (space: WorkloadSpace, va: number): number =>
  space.hostOffset + space.dataGpa + (va - space.spec.heapBase);

/** A linear address as a number (lower half, < 2^53) from its 32-bit halves. */
export const linearNumber = (hi: number, lo: number): number => (hi >>> 0) * TWO_32 + (lo >>> 0);
