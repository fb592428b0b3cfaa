// The guest dimension of the bulk loop (docs/wasm-engine.md): the TLBs, the guest paging-structure
// caches and the guest walk, each table entry's gPA translated through nested.ts.
import {
  DATA_TLBS,
  FETCH_TLBS,
  addressA,
  addressB,
  claim,
  dataTlbCount,
  fetchTlbCount,
  fillLevel,
  find,
  flagsOf,
  hit,
  holds,
  listAt,
  miss,
  pwcOf,
  setAddressA,
  setAddressB,
  setFlags,
  setOf,
  tierOf,
} from './caches';
import {
  ACCESS_FETCH,
  OUTCOME_OK,
  OUTCOME_PAGE_FAULT,
  OUTCOME_GP,
  OUTCOME_NESTED_FAULT,
  PRESENT,
  ADDRESS,
  LINEAR,
  nestedMode,
  guestLevels,
  guestRoot,
  caches,
  tlbHits,
  tier2Hits,
  guestRefs,
  pa,
  guestLeaf,
  nestedLeaf,
  nestedHpa,
  nestedLeafLevel,
  resumeGpa,
  resumeHpa,
  foundLevel,
  pageShift,
  offsetMask,
  read,
  isLeaf,
} from './walk-state';
import { nestedTranslate } from './nested';

export function translate(va: i64, kind: i32): i32 {
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
