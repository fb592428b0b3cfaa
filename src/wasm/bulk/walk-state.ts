// The state the bulk loop's parts share (docs/wasm-engine.md): the configuration as init() read
// it, the counters, the translation being made, and the one reference function that counts reads.
// Plain module globals, so the optimiser keeps them in wasm globals on the hot path.
import { entryLevel, treeEntry } from './tree';

export const ACCESS_FETCH: i32 = 2;
export const OUTCOME_OK: i32 = 0;
export const OUTCOME_PAGE_FAULT: i32 = 1;
export const OUTCOME_GP: i32 = 2;
export const OUTCOME_NESTED_FAULT: i32 = 3;
export const MODE_EPT: i32 = 1;
export const MODE_NPT: i32 = 2;
export const PRESENT: i64 = 1;
export const PS: i64 = 0x80;
/** Bits 51:12 of an entry: the address it holds. */
export const ADDRESS: i64 = 0x000f_ffff_ffff_f000;
/** Bits 56:0 of a linear address: the part TLB and PWC keys are made of. */
export const LINEAR: i64 = 0x01ff_ffff_ffff_ffff;

export let mode: i32 = 0;
export let nestedMode: bool = false;
export let guestLevels: i32 = 4;
export let nestedLevels: i32 = 0;
export let guestRoot: i64 = 0;
export let nestedRoot: i64 = 0;
export let caches: bool = false;
export let nestedBase: i64 = -1;
export let nestedBytes: i64 = 0;
export let guestBase: i64 = 0;
export let guestBytes: i64 = 0;

// Counters (flushed to COUNTERS after each run).
export let accesses: i64 = 0;
export let faults: i64 = 0;
export let references: i64 = 0;
export let guestReferences: i64 = 0;
export let walks: i64 = 0;
export let tlbHits: i64 = 0;
export let tier2Hits: i64 = 0;
export const READS = memory.data(12 * 8); // i64 guest reads by level 0…5, then nested reads

// The translation being made.
export let refs: i32 = 0;
export let guestRefs: i32 = 0;
export let pa: i64 = 0;
export let guestLeaf: i32 = 0;
export let nestedLeaf: i32 = 0;
export let nestedHpa: i64 = 0;
export let nestedLeafLevel: i32 = 0;
export let resumeGpa: i64 = 0;
export let resumeHpa: i64 = 0;
/** The level of the page a TLB or gPA-mapping lookup found. */
export let foundLevel: i32 = 0;

export function pageShift(level: i32): i32 {
  return 12 + 9 * (level - 1);
}
export function offsetMask(level: i32): i64 {
  return ((<i64>1) << pageShift(level)) - 1;
}

/** One reference: the entry at host-physical `addr`, counted by tree and level (0 outside both trees). */
@inline
export function read(addr: i64): i64 {
  refs++;
  let offset = addr - nestedBase;
  if (offset >= 0 && offset < nestedBytes) {
    const entry = treeEntry(1, offset);
    const p = READS + ((<usize>(6 + entryLevel)) << 3);
    store<i64>(p, load<i64>(p) + 1);
    return entry;
  }
  offset = addr - guestBase;
  if (offset >= 0 && offset < guestBytes) {
    const entry = treeEntry(0, offset);
    const p = READS + ((<usize>entryLevel) << 3);
    store<i64>(p, load<i64>(p) + 1);
    return entry;
  }
  return 0;
}

export function isLeaf(entry: i64, level: i32): bool {
  return level == 1 || ((level == 2 || level == 3) && (entry & PS) != 0);
}
