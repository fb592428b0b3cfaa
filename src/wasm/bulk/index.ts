// The bulk experiment loop in WebAssembly: an address stream, the procedural tables, the 2D walk
// (native, Intel EPT, AMD NPT) and the translation caches, giving the same counters as the
// TypeScript engine's machine.run loop (docs/wasm-engine.md). The host writes the configuration
// block, calls init(), then run(n) per chunk and reads the counters from memory.
import {
  CFG_GUEST_LEVELS,
  CFG_GUEST_ROOT,
  CFG_GUEST_TREE,
  CFG_HEAP_BASE,
  CFG_HEAP_BYTES,
  CFG_KIND,
  CFG_MODE,
  CFG_NESTED_LEVELS,
  CFG_NESTED_ROOT,
  CFG_NESTED_TREE,
  CFG_SEED,
  CFG_STREAM,
  CFG_STREAM_PARAM,
  CFG_STRUCTURES,
  CFG_STRUCTURE_BASE,
  CONFIG_SLOTS,
  COUNTER_SLOTS,
  C_ACCESSES,
  C_FAULTS,
  C_GUEST_READS,
  C_GUEST_REFERENCES,
  C_NESTED_READS,
  C_REFERENCES,
  C_TIER2_HITS,
  C_TLB_HITS,
  C_WALKS,
} from './layout';
import { entryLevel, initTree, treeBytes, treeEntry, treeLoadBase } from './tree';
import {
  DATA_TLBS,
  FETCH_TLBS,
  GPA_TLBS,
  STATS,
  addressA,
  addressB,
  claim,
  dataTlbCount,
  fetchTlbCount,
  fillLevel,
  find,
  flagsOf,
  gpaTlbCount,
  hit,
  holds,
  initCaches,
  listAt,
  miss,
  nestedPwcOf,
  pwcOf,
  resetStats,
  setAddressA,
  setAddressB,
  setFlags,
  setOf,
  structureCount,
  tierOf,
} from './caches';
import { initStream, nextAddress, streamKind } from './stream';

const CONFIG = memory.data(CONFIG_SLOTS * 8);
const COUNTERS = memory.data(COUNTER_SLOTS * 8);

export function configPtr(): usize {
  return CONFIG;
}
export function countersPtr(): usize {
  return COUNTERS;
}
export function statsPtr(): usize {
  return STATS;
}

const ACCESS_FETCH: i32 = 2;
const OUTCOME_OK: i32 = 0;
const OUTCOME_PAGE_FAULT: i32 = 1;
const OUTCOME_GP: i32 = 2;
const OUTCOME_NESTED_FAULT: i32 = 3;
const MODE_EPT: i32 = 1;
const MODE_NPT: i32 = 2;
const PRESENT: i64 = 1;
const PS: i64 = 0x80;
/** Bits 51:12 of an entry: the address it holds. */
const ADDRESS: i64 = 0x000f_ffff_ffff_f000;
/** Bits 56:0 of a linear address: the part TLB and PWC keys are made of. */
const LINEAR: i64 = 0x01ff_ffff_ffff_ffff;

let mode: i32 = 0;
let nestedMode: bool = false;
let guestLevels: i32 = 4;
let nestedLevels: i32 = 0;
let guestRoot: i64 = 0;
let nestedRoot: i64 = 0;
let caches: bool = false;
let nestedBase: i64 = -1;
let nestedBytes: i64 = 0;
let guestBase: i64 = 0;
let guestBytes: i64 = 0;

// Counters (flushed to COUNTERS after each run).
let accesses: i64 = 0;
let faults: i64 = 0;
let references: i64 = 0;
let guestReferences: i64 = 0;
let walks: i64 = 0;
let tlbHits: i64 = 0;
let tier2Hits: i64 = 0;
const READS = memory.data(12 * 8); // i64 guest reads by level 0…5, then nested reads

// The translation being made.
let refs: i32 = 0;
let guestRefs: i32 = 0;
let pa: i64 = 0;
let guestLeaf: i32 = 0;
let nestedLeaf: i32 = 0;
let nestedHpa: i64 = 0;
let nestedLeafLevel: i32 = 0;
let resumeGpa: i64 = 0;
let resumeHpa: i64 = 0;

function cfg(i: i32): f64 {
  return load<f64>(CONFIG + ((<usize>i) << 3));
}

function pageShift(level: i32): i32 {
  return 12 + 9 * (level - 1);
}
function offsetMask(level: i32): i64 {
  return ((<i64>1) << pageShift(level)) - 1;
}

export function init(): void {
  mode = <i32>cfg(CFG_MODE);
  nestedMode = mode != 0;
  guestLevels = <i32>cfg(CFG_GUEST_LEVELS);
  nestedLevels = <i32>cfg(CFG_NESTED_LEVELS);
  guestRoot = <i64>cfg(CFG_GUEST_ROOT);
  nestedRoot = <i64>cfg(CFG_NESTED_ROOT);
  initTree(0, CONFIG + ((<usize>CFG_GUEST_TREE) << 3));
  initTree(1, CONFIG + ((<usize>CFG_NESTED_TREE) << 3));
  guestBase = treeLoadBase(0);
  guestBytes = treeBytes(0);
  nestedBase = treeLoadBase(1);
  nestedBytes = treeBytes(1);
  const count = <i32>cfg(CFG_STRUCTURES);
  caches = count > 0;
  initCaches(CONFIG + ((<usize>CFG_STRUCTURE_BASE) << 3), count, nestedMode);
  initStream(
    <i32>cfg(CFG_STREAM),
    <i64>cfg(CFG_HEAP_BASE),
    <i64>cfg(CFG_HEAP_BYTES),
    <i64>cfg(CFG_STREAM_PARAM),
    cfg(CFG_SEED),
    <i32>cfg(CFG_KIND),
  );
  resetCounters();
}

/** Clears every counter (after a warm-up); the caches and the stream go on as they are. */
export function resetCounters(): void {
  accesses = 0;
  faults = 0;
  references = 0;
  guestReferences = 0;
  walks = 0;
  tlbHits = 0;
  tier2Hits = 0;
  memory.fill(READS, 0, 12 * 8);
  resetStats();
  flush();
}

/** Runs `n` accesses of the stream and leaves the counters in memory. */
export function run(n: i32): void {
  for (let k = 0; k < n; k++) {
    const va = nextAddress();
    refs = 0;
    guestRefs = 0;
    const outcome = translate(va, streamKind);
    if (outcome != OUTCOME_OK) faults++;
    references += refs;
    guestReferences += guestRefs;
    if (refs != 0) walks++;
  }
  accesses += n;
  flush();
}

/** The physical address of the last successful translation. */
export function lastPa(): f64 {
  return <f64>pa;
}

function flush(): void {
  store<f64>(COUNTERS + ((<usize>C_ACCESSES) << 3), <f64>accesses);
  store<f64>(COUNTERS + ((<usize>C_FAULTS) << 3), <f64>faults);
  store<f64>(COUNTERS + ((<usize>C_REFERENCES) << 3), <f64>references);
  store<f64>(COUNTERS + ((<usize>C_GUEST_REFERENCES) << 3), <f64>guestReferences);
  store<f64>(COUNTERS + ((<usize>C_WALKS) << 3), <f64>walks);
  store<f64>(COUNTERS + ((<usize>C_TLB_HITS) << 3), <f64>tlbHits);
  store<f64>(COUNTERS + ((<usize>C_TIER2_HITS) << 3), <f64>tier2Hits);
  for (let level = 0; level < 6; level++) {
    store<f64>(
      COUNTERS + ((<usize>(C_GUEST_READS + level)) << 3),
      <f64>load<i64>(READS + ((<usize>level) << 3)),
    );
    store<f64>(
      COUNTERS + ((<usize>(C_NESTED_READS + level)) << 3),
      <f64>load<i64>(READS + ((<usize>(6 + level)) << 3)),
    );
  }
}

/** One reference: the entry at host-physical `addr`, counted by tree and level (0 outside both trees). */
function read(addr: i64): i64 {
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

function isLeaf(entry: i64, level: i32): bool {
  return level == 1 || ((level == 2 || level == 3) && (entry & PS) != 0);
}

// ---- The guest dimension ----

function translate(va: i64, kind: i32): i32 {
  const top24 = (<i32>(va >> 32)) >> (guestLevels == 5 ? 24 : 15);
  if (top24 != 0 && top24 != -1) return OUTCOME_GP;
  const fetch = kind == ACCESS_FETCH;
  let hitLevel = 0;
  if (caches) {
    if (lookupTlb(fetch ? FETCH_TLBS : DATA_TLBS, fetch ? fetchTlbCount : dataTlbCount, va))
      return OUTCOME_OK;
    hitLevel = lookupPwc(va);
  }
  const top = hitLevel > 0 ? hitLevel - 1 : guestLevels;
  let cached = hitLevel > 0;
  let table = cached ? resumeGpa : guestRoot;
  for (let level = top; level >= 1; level--) {
    const index = (<i32>(va >> pageShift(level))) & 0x1ff;
    const entryGpa = table | ((<i64>index) << 3);
    let addr = entryGpa;
    if (cached) {
      addr = resumeHpa | ((<i64>index) << 3);
      cached = false;
    } else if (nestedMode) {
      if (!nestedTranslate(entryGpa, level)) return OUTCOME_NESTED_FAULT;
      addr = nestedHpa;
    }
    if (caches && level < top) fillPwc(level + 1, va, table, addr - ((<i64>index) << 3));
    const entry = read(addr);
    guestRefs++;
    if ((entry & PRESENT) == 0) return OUTCOME_PAGE_FAULT;
    if (isLeaf(entry, level)) {
      const mask = offsetMask(level);
      const gpa = (entry & ADDRESS & ~mask) | (va & mask);
      guestLeaf = level;
      if (nestedMode) {
        if (!nestedTranslate(gpa, 0)) return OUTCOME_NESTED_FAULT;
        pa = nestedHpa;
        nestedLeaf = nestedLeafLevel;
      } else {
        pa = gpa;
        nestedLeaf = 0;
      }
      if (caches) fillTlbs(fetch ? FETCH_TLBS : DATA_TLBS, fetch ? fetchTlbCount : dataTlbCount, 2, va);
      return OUTCOME_OK;
    }
    table = entry & ADDRESS;
  }
  return OUTCOME_OK; // unreachable: level 1 is always a leaf
}

function linearNumber(va: i64, level: i32): i64 {
  return (va & LINEAR) >> pageShift(level);
}

/** The entry of TLB `s` for the page holding `va` (any size it holds), or −1; its level in `foundLevel`. */
let foundLevel: i32 = 0;
function findLinearPage(s: i32, va: i64): i32 {
  for (let level = 1; level <= 3; level++) {
    if (!holds(s, level)) continue;
    const number = linearNumber(va, level);
    const i = find(s, setOf(s, number), number * 4 + level);
    if (i >= 0) {
      foundLevel = level;
      return i;
    }
  }
  return -1;
}

function lookupTlb(list: usize, length: i32, va: i64): bool {
  for (let k = 0; k < length; k++) {
    const s = listAt(list, k);
    const i = findLinearPage(s, va);
    if (i < 0) {
      miss(s);
      continue;
    }
    const flags = flagsOf(s, i);
    pa = addressA(s, i) + (va & offsetMask(foundLevel));
    guestLeaf = flags & 3;
    nestedLeaf = (flags >> 2) & 3;
    hit(s, i);
    tlbHits++;
    if (tierOf(s) > 1) {
      tier2Hits++;
      fillTlbs(list, length, 1, va);
    }
    return true;
  }
  return false;
}

/** Entries for the translation just made (pa, guestLeaf, nestedLeaf) in the TLBs of `list` up to `maxTier`. */
function fillTlbs(list: usize, length: i32, maxTier: i32, va: i64): void {
  const level = nestedLeaf != 0 && nestedLeaf < guestLeaf ? nestedLeaf : guestLeaf;
  const flags = guestLeaf | (nestedLeaf << 2);
  for (let k = 0; k < length; k++) {
    const s = listAt(list, k);
    if (tierOf(s) > maxTier) continue;
    const pageLevel = fillLevel(s, level);
    if (pageLevel == 0) continue;
    const number = linearNumber(va, pageLevel);
    const i = claim(s, setOf(s, number), number * 4 + pageLevel);
    setAddressA(s, i, pa - (va & offsetMask(pageLevel)));
    setFlags(s, i, flags);
  }
}

/** The guest paging-structure caches, the longest prefix first: the level of a hit, or 0. */
function lookupPwc(va: i64): i32 {
  for (let level = 2; level <= guestLevels; level++) {
    const s = pwcOf(level);
    if (s < 0) continue;
    const number = linearNumber(va, level);
    const i = find(s, setOf(s, number), number * 8 + level);
    if (i < 0) {
      miss(s);
      continue;
    }
    resumeHpa = addressA(s, i);
    resumeGpa = addressB(s, i);
    hit(s, i);
    return level;
  }
  return 0;
}

/** Caches the level-`level` entry on `va`'s path: it points at the table at tableGpa / tableHpa. */
function fillPwc(level: i32, va: i64, tableGpa: i64, tableHpa: i64): void {
  const s = pwcOf(level);
  if (s < 0) return;
  const number = linearNumber(va, level);
  const i = claim(s, setOf(s, number), number * 8 + level);
  setAddressA(s, i, tableHpa);
  setAddressB(s, i, tableGpa);
}

// ---- The nested dimension (EPT or NPT: the same walk over well-formed procedural entries) ----

/** Translates guest-physical `gpa` for guest level `guestLevel` (0: the final address); false on a fault. */
function nestedTranslate(gpa: i64, guestLevel: i32): bool {
  let level = nestedLevels;
  let table = nestedRoot;
  if (caches) {
    if (lookupMapping(gpa)) return true;
    for (let l = 2; l <= nestedLevels; l++) {
      const s = nestedPwcOf(l);
      if (s < 0) continue;
      const number = gpa >> pageShift(l);
      const i = find(s, setOf(s, number), number * 8 + l);
      if (i < 0) {
        miss(s);
        continue;
      }
      hit(s, i);
      table = addressA(s, i);
      level = l - 1;
      break;
    }
  }
  for (; level >= 1; level--) {
    const index = (<i32>(gpa >> pageShift(level))) & 0x1ff;
    const entry = read(table | ((<i64>index) << 3));
    const present = mode == MODE_EPT ? (entry & 7) != 0 : (entry & PRESENT) != 0;
    if (!present) return false;
    if (isLeaf(entry, level)) {
      const mask = offsetMask(level);
      nestedHpa = (entry & ADDRESS & ~mask) | (gpa & mask);
      nestedLeafLevel = level;
      if (caches) fillMapping(gpa, level);
      return true;
    }
    table = entry & ADDRESS;
    if (caches) fillNestedPwc(gpa, level, table);
  }
  return true; // unreachable
}

function findPhysPage(s: i32, gpa: i64): i32 {
  for (let level = 1; level <= 3; level++) {
    if (!holds(s, level)) continue;
    const number = gpa >> pageShift(level);
    const i = find(s, setOf(s, number), number * 4 + level);
    if (i >= 0) {
      foundLevel = level;
      return i;
    }
  }
  return -1;
}

/** The guest-physical mappings: a hit gives the whole nested translation. */
function lookupMapping(gpa: i64): bool {
  for (let k = 0; k < gpaTlbCount; k++) {
    const s = listAt(GPA_TLBS, k);
    const i = findPhysPage(s, gpa);
    if (i < 0) {
      miss(s);
      continue;
    }
    nestedHpa = addressA(s, i) + (gpa & offsetMask(foundLevel));
    nestedLeafLevel = flagsOf(s, i);
    hit(s, i);
    return true;
  }
  return false;
}

function fillMapping(gpa: i64, leafLevel: i32): void {
  const frame = nestedHpa - (gpa & offsetMask(leafLevel));
  for (let k = 0; k < gpaTlbCount; k++) {
    const s = listAt(GPA_TLBS, k);
    const pageLevel = fillLevel(s, leafLevel);
    if (pageLevel == 0) continue;
    const number = gpa >> pageShift(pageLevel);
    const i = claim(s, setOf(s, number), number * 4 + pageLevel);
    setAddressA(s, i, frame + (gpa & offsetMask(leafLevel)) - (gpa & offsetMask(pageLevel)));
    setFlags(s, i, leafLevel);
  }
}

function fillNestedPwc(gpa: i64, level: i32, table: i64): void {
  const s = nestedPwcOf(level);
  if (s < 0) return;
  const number = gpa >> pageShift(level);
  const i = claim(s, setOf(s, number), number * 8 + level);
  setAddressA(s, i, table);
}

export function structures(): i32 {
  return structureCount;
}
