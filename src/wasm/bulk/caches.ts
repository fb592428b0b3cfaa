// Set-associative translation caches in flat typed regions, configured at init from the same
// description the TypeScript cache model reads (docs/wasm-engine.md). Sets are scanned linearly
// (lowest way first, as the TypeScript scan). LRU as a list per set, most recent first: a use moves
// the entry to the front, the victim is the last — the order per-entry stamps would give, without
// scanning the set for the oldest. Every entry of a bulk run has the same context tag, so tags are not kept.
import {
  MAX_STRUCTURES,
  STAT_EVICTIONS,
  STAT_FILLS,
  STAT_HITS,
  STAT_MISSES,
  STAT_SLOTS,
  ST_ENTRIES,
  ST_HELD,
  ST_KIND,
  ST_SIDE,
  ST_SPLINTER,
  ST_TIER,
  ST_WAYS,
  STRUCTURE_SLOTS,
} from './layout';

const NO_KEY: i64 = -1;
export const KIND_TLB: i32 = 0;
export const KIND_PWC: i32 = 1;
export const KIND_GPA: i32 = 2;
export const KIND_NESTED_PWC: i32 = 3;

// Per structure (index s): pointers to its regions and its shape, as i32 tables.
const KEYS = memory.data(MAX_STRUCTURES * 4);
/** Per entry: the next older and the next newer entry of its set (entry indices, −1 at the ends). */
const OLDER = memory.data(MAX_STRUCTURES * 4);
const NEWER = memory.data(MAX_STRUCTURES * 4);
/** Per set: its most and least recently used entry (−1 while the set is empty). */
const NEWEST = memory.data(MAX_STRUCTURES * 4);
const OLDEST = memory.data(MAX_STRUCTURES * 4);
const ADDR_A = memory.data(MAX_STRUCTURES * 4);
const ADDR_B = memory.data(MAX_STRUCTURES * 4);
const FLAGS = memory.data(MAX_STRUCTURES * 4);
const VALID = memory.data(MAX_STRUCTURES * 4);
const SET_MASK = memory.data(MAX_STRUCTURES * 4);
const WAYS = memory.data(MAX_STRUCTURES * 4);
const HELD = memory.data(MAX_STRUCTURES * 4);
const TIER = memory.data(MAX_STRUCTURES * 4);
const SPLINTER = memory.data(MAX_STRUCTURES * 4);
/** Keys carry their level in the low bits (TLBs 2, PWCs 3): the mask per structure. */
const CODE_MASK = memory.data(MAX_STRUCTURES * 4);
/** Valid entries per structure and level code: a lookup of a level none holds misses unscanned. */
const CODE_COUNTS = memory.data(MAX_STRUCTURES * 8 * 4);
export const STATS = memory.data(MAX_STRUCTURES * STAT_SLOTS * 8);

// The lists the walks consult, as CacheCore builds them.
export const DATA_TLBS = memory.data(MAX_STRUCTURES * 4);
export const FETCH_TLBS = memory.data(MAX_STRUCTURES * 4);
export const GPA_TLBS = memory.data(MAX_STRUCTURES * 4);
export let dataTlbCount: i32 = 0;
export let fetchTlbCount: i32 = 0;
export let gpaTlbCount: i32 = 0;
const PWC_BY_LEVEL = memory.data(6 * 4);
const NESTED_PWC_BY_LEVEL = memory.data(6 * 4);
export let structureCount: i32 = 0;

/** The set of the last `find`, so that `hit` needs only the entry. */
let foundSet: i32 = 0;
let bump: usize = 0;

function i32At(table: usize, s: i32): i32 {
  return load<i32>(table + ((<usize>s) << 2));
}
function setI32(table: usize, s: i32, v: i32): void {
  store<i32>(table + ((<usize>s) << 2), v);
}

/** A zeroed region of `bytes` (8-aligned), growing memory when needed. */
function alloc(bytes: usize): usize {
  const at = (bump + 7) & ~(<usize>7);
  bump = at + bytes;
  const pages = <i32>((bump + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have) memory.grow(pages - have);
  memory.fill(at, 0, bytes);
  return at;
}

/** A region of `count` i32 all set to `value`. */
function filled(count: i32, value: i32): usize {
  const at = alloc((<usize>count) << 2);
  for (let i = 0; i < count; i++) store<i32>(at + ((<usize>i) << 2), value);
  return at;
}

function cfgAt(cfg: usize, s: i32, field: i32): i32 {
  return <i32>load<f64>(cfg + ((<usize>(s * STRUCTURE_SLOTS + field)) << 3));
}

/** Builds the structures described at `cfg` (STRUCTURE_SLOTS f64 each); `nested`: a second dimension. */
export function initCaches(cfg: usize, count: i32, nested: bool): void {
  bump = __heap_base;
  structureCount = count;
  dataTlbCount = 0;
  fetchTlbCount = 0;
  gpaTlbCount = 0;
  for (let level = 0; level < 6; level++) {
    setI32(PWC_BY_LEVEL, level, -1);
    setI32(NESTED_PWC_BY_LEVEL, level, -1);
  }
  memory.fill(STATS, 0, MAX_STRUCTURES * STAT_SLOTS * 8);
  memory.fill(CODE_COUNTS, 0, MAX_STRUCTURES * 8 * 4);
  for (let s = 0; s < count; s++) {
    const entries = cfgAt(cfg, s, ST_ENTRIES);
    const ways = cfgAt(cfg, s, ST_WAYS);
    const kind = cfgAt(cfg, s, ST_KIND);
    const held = cfgAt(cfg, s, ST_HELD);
    const keys = alloc((<usize>entries) << 3);
    for (let i = 0; i < entries; i++) store<i64>(keys + ((<usize>i) << 3), NO_KEY);
    setI32(KEYS, s, <i32>keys);
    // An entry not in its set's list yet (a free way) has no neighbours.
    setI32(OLDER, s, <i32>filled(entries, -1));
    setI32(NEWER, s, <i32>filled(entries, -1));
    setI32(NEWEST, s, <i32>filled(entries / ways, -1));
    setI32(OLDEST, s, <i32>filled(entries / ways, -1));
    setI32(ADDR_A, s, <i32>alloc((<usize>entries) << 3));
    setI32(ADDR_B, s, <i32>alloc((<usize>entries) << 3));
    setI32(FLAGS, s, <i32>alloc((<usize>entries) << 2));
    setI32(VALID, s, <i32>alloc((<usize>(entries / ways)) << 2));
    setI32(SET_MASK, s, entries / ways - 1);
    setI32(WAYS, s, ways);
    setI32(HELD, s, held);
    setI32(TIER, s, kind == KIND_TLB ? cfgAt(cfg, s, ST_TIER) : 1);
    setI32(SPLINTER, s, cfgAt(cfg, s, ST_SPLINTER));
    setI32(CODE_MASK, s, kind == KIND_TLB || kind == KIND_GPA ? 3 : 7);
    for (let level = 2; level <= 5; level++) {
      if ((held & (1 << level)) == 0) continue;
      if (kind == KIND_PWC && i32At(PWC_BY_LEVEL, level) < 0) setI32(PWC_BY_LEVEL, level, s);
      if (kind == KIND_NESTED_PWC && nested && i32At(NESTED_PWC_BY_LEVEL, level) < 0)
        setI32(NESTED_PWC_BY_LEVEL, level, s);
    }
    if (kind == KIND_GPA && nested) setI32(GPA_TLBS, gpaTlbCount++, s);
  }
  // TLBs by tier, in configuration order within a tier (a stable sort).
  for (let tier = 1; tier <= 2; tier++) {
    for (let s = 0; s < count; s++) {
      if (cfgAt(cfg, s, ST_KIND) != KIND_TLB || cfgAt(cfg, s, ST_TIER) != tier) continue;
      const side = cfgAt(cfg, s, ST_SIDE);
      if (side != 1) setI32(DATA_TLBS, dataTlbCount++, s);
      if (side != 0) setI32(FETCH_TLBS, fetchTlbCount++, s);
    }
  }
}

export function resetStats(): void {
  memory.fill(STATS, 0, MAX_STRUCTURES * STAT_SLOTS * 8);
}

export function count(s: i32, stat: i32): void {
  const p = STATS + ((<usize>(s * STAT_SLOTS + stat)) << 3);
  store<f64>(p, load<f64>(p) + 1);
}

export function listAt(list: usize, k: i32): i32 {
  return i32At(list, k);
}
export function pwcOf(level: i32): i32 {
  return i32At(PWC_BY_LEVEL, level);
}
export function nestedPwcOf(level: i32): i32 {
  return i32At(NESTED_PWC_BY_LEVEL, level);
}
export function tierOf(s: i32): i32 {
  return i32At(TIER, s);
}
export function holds(s: i32, level: i32): bool {
  return (i32At(HELD, s) & (1 << level)) != 0;
}

/** The set a key's number selects. */
export function setOf(s: i32, number: i64): i32 {
  return (<i32>number) & i32At(SET_MASK, s);
}

/** Entry index of `key` in `set`, or −1 (the lowest way holding it). */
@inline
export function find(s: i32, set: i32, key: i64): i32 {
  if (load<i32>(codeCountAt(s, key)) == 0) return -1;
  const ways = i32At(WAYS, s);
  const base = set * ways;
  foundSet = set;
  let p = <usize>i32At(KEYS, s) + ((<usize>base) << 3);
  for (let w = 0; w < ways; w++) {
    if (load<i64>(p) == key) return base + w;
    p += 8;
  }
  return -1;
}

/** Entry i, just returned by `find`, was used: a hit is counted and it becomes the most recent of its set. */
@inline
export function hit(s: i32, i: i32): void {
  count(s, STAT_HITS);
  touch(s, foundSet, i);
}

export function miss(s: i32): void {
  count(s, STAT_MISSES);
}

function codeCountAt(s: i32, key: i64): usize {
  return CODE_COUNTS + ((<usize>((s << 3) | ((<i32>key) & i32At(CODE_MASK, s)))) << 2);
}

function entryAt(table: usize, s: i32, i: i32): usize {
  return <usize>i32At(table, s) + ((<usize>i) << 2);
}

/** Entry i of `set` becomes its most recent: unlinked from where it is, linked in front. */
@inline
function touch(s: i32, set: i32, i: i32): void {
  const newestAt = entryAt(NEWEST, s, set);
  const newest = load<i32>(newestAt);
  if (newest == i) return;
  const newer = load<i32>(entryAt(NEWER, s, i));
  const older = load<i32>(entryAt(OLDER, s, i));
  // i is in the list unless it is being filled into a free way (then it has no neighbours).
  if (newer >= 0) store<i32>(entryAt(OLDER, s, newer), older);
  if (older >= 0) store<i32>(entryAt(NEWER, s, older), newer);
  else if (newer >= 0) store<i32>(entryAt(OLDEST, s, set), newer);
  if (newest >= 0) store<i32>(entryAt(NEWER, s, newest), i);
  else store<i32>(entryAt(OLDEST, s, set), i);
  store<i32>(entryAt(OLDER, s, i), newest);
  store<i32>(entryAt(NEWER, s, i), -1);
  store<i32>(newestAt, i);
}

/**
 * A new entry for `key` in `set` (after a lookup of it missed): an invalid way first, else the
 * least recently used, then marked just used. Counts the fill and any eviction.
 */
@inline
export function claim(s: i32, set: i32, key: i64): i32 {
  const validAt = <usize>i32At(VALID, s) + ((<usize>set) << 2);
  const valid = load<i32>(validAt);
  const ways = i32At(WAYS, s);
  let victim: i32;
  if (valid < ways) {
    // Bulk runs never invalidate, so a set's valid ways are its first `valid`: the next is free.
    victim = set * ways + valid;
    store<i32>(validAt, valid + 1);
  } else {
    victim = load<i32>(entryAt(OLDEST, s, set));
    count(s, STAT_EVICTIONS);
    const old = codeCountAt(s, load<i64>(<usize>i32At(KEYS, s) + ((<usize>victim) << 3)));
    store<i32>(old, load<i32>(old) - 1);
  }
  const added = codeCountAt(s, key);
  store<i32>(added, load<i32>(added) + 1);
  count(s, STAT_FILLS);
  store<i64>(<usize>i32At(KEYS, s) + ((<usize>victim) << 3), key);
  touch(s, set, victim);
  return victim;
}

export function addressA(s: i32, i: i32): i64 {
  return load<i64>(<usize>i32At(ADDR_A, s) + ((<usize>i) << 3));
}
export function setAddressA(s: i32, i: i32, v: i64): void {
  store<i64>(<usize>i32At(ADDR_A, s) + ((<usize>i) << 3), v);
}
export function addressB(s: i32, i: i32): i64 {
  return load<i64>(<usize>i32At(ADDR_B, s) + ((<usize>i) << 3));
}
export function setAddressB(s: i32, i: i32, v: i64): void {
  store<i64>(<usize>i32At(ADDR_B, s) + ((<usize>i) << 3), v);
}
export function flagsOf(s: i32, i: i32): i32 {
  return load<i32>(<usize>i32At(FLAGS, s) + ((<usize>i) << 2));
}
export function setFlags(s: i32, i: i32, v: i32): void {
  store<i32>(<usize>i32At(FLAGS, s) + ((<usize>i) << 2), v);
}

/**
 * The page level an entry for a translation of `level` takes in TLB `s`: that level if held, else
 * the largest smaller one when the structure splinters, else 0.
 */
export function fillLevel(s: i32, level: i32): i32 {
  for (let l = 3; l >= 1; l--) {
    if (!holds(s, l)) continue;
    if (l == level) return l;
    if (l < level) return i32At(SPLINTER, s) != 0 ? l : 0;
  }
  return 0;
}
