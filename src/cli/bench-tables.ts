/**
 * Real page tables for the walk benchmark, written entry by entry into a SparseMemory: N random
 * 4 KiB guest pages spread over a guest-virtual range, each on a random guest-physical page, a
 * 4-level guest tree, and a 4-level EPT (4 KiB pages) mapping every guest-physical page used —
 * data pages and guest-table frames — to hPA = gPA + HOST_OFFSET.
 */
import {
  EPT_A,
  EPT_D,
  EPT_MEMTYPE_SHIFT,
  EPT_RWX,
  PTE_A,
  PTE_D,
  PTE_P,
  PTE_RW,
  PTE_US,
  TWO_32,
} from '../engine/bits';
import { physIndex } from '../engine/address';
import { SparseMemory } from '../engine/memory/sparse-memory';
import type { MachineConfig } from '../engine/machine-api';
import { DEFAULT_CPU } from '../engine/cpu-defaults';
import { FeistelPermutation } from '../engine/workload/feistel-permutation';

const PAGE = 4096;
const GUEST_TABLES_GPA = 0x10_0000; // guest tables: consecutive frames from 1 MiB (gPA)
const DATA_GPA = 0x1_0000_0000; // data pages: random pages in [4 GiB, 4 GiB + 2 × the VA range)
const EPT_TABLES_HPA = 0x10_0000; // EPT tables: consecutive frames from 1 MiB (hPA)
const HOST_OFFSET = 0x100_0000_0000; // hPA = gPA + 1 TiB
// A/D preset, so every pass is the same pure-read walk.
const GUEST_TABLE = PTE_P | PTE_RW | PTE_US | PTE_A;
const GUEST_LEAF = GUEST_TABLE | PTE_D;
const EPT_TABLE = EPT_RWX | EPT_A;
const EPT_LEAF = EPT_RWX | (6 << EPT_MEMTYPE_SHIFT) | EPT_A | EPT_D;

export interface WalkTables {
  readonly memory: SparseMemory;
  readonly config: MachineConfig;
  /** Linear addresses of the mapped pages, in mapping order, as 32-bit halves. */
  readonly vaHi: Uint32Array;
  readonly vaLo: Uint32Array;
}

/** Inserts one mapping into a 4-level tree whose tables are read at `tableAddress + toHost`. */
function insert(
  memory: SparseMemory,
  root: number,
  toHost: number,
  key: number,
  leaf: number,
  leafFlags: number,
  tableFlags: number,
  allocate: () => number,
): void {
  let table = root;
  for (let level = 4; level >= 1; level--) {
    const slot = table + toHost + physIndex(key, level) * 8;
    if (level === 1) {
      memory.store(slot, ((leaf >>> 0) | leafFlags) >>> 0, (leaf / TWO_32) >>> 0);
      return;
    }
    memory.load(slot);
    if ((memory.lo & 1) === 0) {
      const frame = allocate();
      memory.store(slot, ((frame >>> 0) | tableFlags) >>> 0, (frame / TWO_32) >>> 0);
      table = frame;
    } else {
      table = memory.hi * TWO_32 + ((memory.lo & 0xffff_f000) >>> 0);
    }
  }
}

export function buildWalkTables(mappings: number, vaBase: number, vaBytes: number, seed: number): WalkTables {
  const memory = new SparseMemory(mappings * 3);
  const vaPages = new FeistelPermutation(vaBytes / PAGE, seed);
  const gpaPages = new FeistelPermutation((2 * vaBytes) / PAGE, seed + 1);
  let nextGuestFrame = GUEST_TABLES_GPA + PAGE; // the root is the first frame
  let nextEptFrame = EPT_TABLES_HPA + PAGE;
  const guestFrame = () => (nextGuestFrame += PAGE) - PAGE;
  const eptFrame = () => (nextEptFrame += PAGE) - PAGE;
  const mapGpa = (gpa: number) =>
    insert(memory, EPT_TABLES_HPA, 0, gpa, gpa + HOST_OFFSET, EPT_LEAF, EPT_TABLE, eptFrame);

  const vaHi = new Uint32Array(mappings);
  const vaLo = new Uint32Array(mappings);
  for (let i = 0; i < mappings; i++) {
    const va = vaBase + vaPages.apply(i) * PAGE;
    const gpa = DATA_GPA + gpaPages.apply(i) * PAGE;
    insert(memory, GUEST_TABLES_GPA, HOST_OFFSET, va, gpa, GUEST_LEAF, GUEST_TABLE, guestFrame);
    mapGpa(gpa);
    vaHi[i] = (va / TWO_32) >>> 0;
    vaLo[i] = (va + 0x123) >>> 0; // an offset inside the page
  }
  for (let frame = GUEST_TABLES_GPA; frame < nextGuestFrame; frame += PAGE) mapGpa(frame);

  const cpu = { ...DEFAULT_CPU, cr3: GUEST_TABLES_GPA, cpl: 3 as const, vpid: 1 };
  return { memory, config: { cpu, ept: { eptp: EPT_TABLES_HPA | 6 | (3 << 3) } }, vaHi, vaLo };
}
