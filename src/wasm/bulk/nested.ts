// The nested dimension of the bulk loop (docs/wasm-engine.md): EPT or NPT over the procedural
// tables, with the guest-physical mappings and the nested paging-structure caches.
import {
  GPA_TLBS,
  addressA,
  claim,
  fillLevel,
  find,
  flagsOf,
  gpaTlbCount,
  hit,
  holds,
  listAt,
  miss,
  nestedPwcOf,
  setAddressA,
  setFlags,
  setOf,
} from './caches';
import {
  MODE_EPT,
  PRESENT,
  ADDRESS,
  mode,
  nestedLevels,
  nestedRoot,
  caches,
  nestedHpa,
  nestedLeafLevel,
  foundLevel,
  pageShift,
  offsetMask,
  read,
  isLeaf,
} from './walk-state';

/** Translates guest-physical `gpa` for guest level `guestLevel` (0: the final address); false on a fault. */
export function nestedTranslate(gpa: i64, guestLevel: i32): bool {
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
