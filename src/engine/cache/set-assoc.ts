/**
 * One set-associative array of cache entries in typed arrays, preallocated: lookups, fills and
 * replacement allocate nothing. Entry i of set s is at index s·ways + way.
 *
 * Each entry has a key (a page number or table prefix, with a size / level code folded in; ≤ 2^53),
 * a context tag (VPID << 12 | PCID), a global flag, and a payload the owner interprets: two
 * addresses (`a`, `b`) and small flags. A KeyIndex finds the entry for a key without reading every
 * way; when it cannot (a shared bucket) the set is scanned, comparing keys alone: an invalid
 * entry's key is NO_KEY, which no query equals.
 */
import type { ReplacementPolicy } from './cache-config';
import { KeyIndex, NO_CANDIDATE } from './key-index';
import { INV_POW2, POW2 } from './keys';
import { LruOrder } from './lru-order';

// Counters. Lookups are not counted: each ends in a hit, a miss or a drop (lookupsOf).
export const STAT_HITS = 0;
export const STAT_MISSES = 1;
export const STAT_FILLS = 2;
export const STAT_EVICTIONS = 3;
/** Hits that could not be used (rights, dirty flag): the entry is dropped and the walk made. */
export const STAT_DROPS = 4;
/** Entries removed by invalidation (INVLPG, MOV CR3, INVEPT, …). */
export const STAT_INVALIDATED = 5;
export const STAT_COUNT = 6;

/** Lookups counted in `stats` (from `offset`): hits + misses + drops. */
export const lookupsOf = (stats: ArrayLike<number>, offset = 0): number =>
  stats[offset + STAT_HITS]! + stats[offset + STAT_MISSES]! + stats[offset + STAT_DROPS]!;

/** Tag bits: PCID in 11:0, VPID above (SDM §4.10.1, §29.4.1). */
export const PCID_BITS = 12;
export const PCID_MASK = 0xfff;
export const contextTag = (vpid: number, pcid: number): number =>
  ((vpid << PCID_BITS) | (pcid & PCID_MASK)) >>> 0;

/** Bits 56:32 of a linear address (with 4-level paging bits 56:48 copy bit 47: no aliasing). */
const LINEAR_HI_MASK = 0x1ff_ffff;

const POLICY_LRU = 0;
const POLICY_PLRU = 1;
const POLICY_RANDOM = 2;
const POLICIES: Readonly<Record<ReplacementPolicy, number>> = {
  lru: POLICY_LRU,
  plru: POLICY_PLRU,
  random: POLICY_RANDOM,
};
/** The key of an invalid entry: queries are ≥ 1 (number · scale + a level code ≥ 1). */
const NO_KEY = -1;
/** Level codes are below the key scales (4, 8). */
const CODE_SLOTS = 8;
/** Fixed seed: random replacement is reproducible from run to run. */
const RANDOM_SEED = 0x2545_f491;

export class SetAssoc {
  readonly sets: number;
  readonly ways: number;
  readonly setMask: number;
  readonly keys: Float64Array;
  readonly tags: Int32Array;
  readonly valid: Uint8Array;
  readonly global: Uint8Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly flags: Int32Array;
  readonly stats = new Float64Array(STAT_COUNT);
  /**
   * The key `find` looks for. Keys exceed 2^31; passed as an argument to a call the compiler does
   * not inline, such a number would be boxed (an allocation), so it travels in a typed array.
   */
  readonly query = new Float64Array(1);
  /** After `claim`: whether a valid entry was replaced, and its key. */
  evicted = false;
  evictedKey = 0;
  private readonly policy: number;
  /** PLRU: 1 = recently used bit. */
  private readonly age: Uint8Array;
  /** LRU: each set's entries from the most to the least recently used; the victim is the tail. */
  private readonly lru: LruOrder;
  /** The level code of `query[0]`. */
  private queryCode = 0;
  /** The level code of each valid entry's key, and how many valid entries have each code. */
  private readonly codeOf: Uint8Array;
  private readonly codeCount = new Int32Array(CODE_SLOTS);
  private readonly index: KeyIndex;
  /** Valid entries per set: a full set has no invalid way to look for. */
  private readonly validCount: Int32Array;
  /** The set of each entry. */
  private readonly setOf: Int32Array;
  private seed = RANDOM_SEED;

  /**
   * `changes[0]` counts the fills and invalidations of every structure sharing it (one machine's):
   * while it stands still, every lookup would find what it found before.
   */
  constructor(
    entries: number,
    ways: number,
    policy: ReplacementPolicy,
    withSecondAddress: boolean,
    private readonly changes: Float64Array,
  ) {
    this.ways = ways;
    this.sets = entries / ways;
    if (!Number.isInteger(this.sets) || (this.sets & (this.sets - 1)) !== 0) {
      throw new Error(`${entries} entries in ${ways} ways do not make a power-of-two number of sets`);
    }
    this.setMask = this.sets - 1;
    this.keys = new Float64Array(entries).fill(NO_KEY);
    this.tags = new Int32Array(entries);
    this.valid = new Uint8Array(entries);
    this.global = new Uint8Array(entries);
    this.a = new Float64Array(entries);
    this.b = new Float64Array(withSecondAddress ? entries : 0);
    this.flags = new Int32Array(entries);
    this.age = new Uint8Array(entries);
    this.codeOf = new Uint8Array(entries);
    this.index = new KeyIndex(entries);
    this.policy = POLICIES[policy];
    this.lru = new LruOrder(
      this.policy === POLICY_LRU ? entries : 0,
      this.policy === POLICY_LRU ? this.sets : 0,
    );
    this.validCount = new Int32Array(this.sets);
    this.setOf = Int32Array.from({ length: entries }, (_, i) => Math.floor(i / ways));
  }

  /** Adds one to counter `stat` (STAT_*). */
  count(stat: number): void {
    this.stats[stat] = this.stats[stat]! + 1;
  }

  /**
   * Puts in `query[0]` the key of a linear-address page number or prefix — bits 56:shift of the
   * address, times `scale`, plus `code` (the page or entry level) — and returns its set. Every
   * argument and the result are small integers, so nothing is boxed even when not inlined.
   */
  queryLinear(hi: number, lo: number, shift: number, scale: number, code: number): number {
    const h = hi & LINEAR_HI_MASK;
    const number = shift >= 32 ? h >>> (shift - 32) : h * POW2[32 - shift]! + (lo >>> shift);
    this.query[0] = number * scale + code;
    this.queryCode = code;
    return (number >>> 0) & this.setMask;
  }

  /** The same for a (guest-)physical address, read from `addresses[index]`. */
  queryPhys(addresses: Float64Array, index: number, shift: number, scale: number, code: number): number {
    const number = Math.floor(addresses[index]! * INV_POW2[shift]!);
    this.query[0] = number * scale + code;
    this.queryCode = code;
    return (number >>> 0) & this.setMask;
  }

  /** Whether any valid entry has a key of level `code`: if not, a lookup of that level misses. */
  holds(code: number): boolean {
    return this.codeCount[code] !== 0;
  }

  /**
   * Index of the entry for `query[0]` under `tag` in `set`, or −1. Global entries match any PCID
   * of their VPID. A set is the low bits of the page number or prefix: `number & setMask`.
   */
  find(set: number, tag: number): number {
    const key = this.query[0]!;
    const candidate = this.index.candidate(key | 0);
    if (candidate >= 0)
      return this.keys[candidate] === key && this.tagMatches(candidate, tag) ? candidate : -1;
    return candidate === NO_CANDIDATE ? -1 : this.scan(set, tag);
  }

  /** Entry i's tag is `tag`, or it is global and of the same VPID. */
  private tagMatches(i: number, tag: number): boolean {
    const t = this.tags[i]!;
    return t === tag || (this.global[i] !== 0 && t >>> PCID_BITS === tag >>> PCID_BITS);
  }

  /** The lowest way of `set` holding `query[0]` under `tag`, or −1. */
  private scan(set: number, tag: number): number {
    const keys = this.keys;
    const key = this.query[0]!;
    const end = (set + 1) * this.ways;
    for (let i = set * this.ways; i < end; i++) if (keys[i] === key && this.tagMatches(i, tag)) return i;
    return -1;
  }

  /**
   * A new entry for `query[0]` under `tag` in `set`, in the way replacement picks (an invalid one
   * first), written with the key, tag and global flag and marked just used; `evicted` /
   * `evictedKey` say whether a valid entry was replaced. Only after a lookup of this key missed
   * (every fill follows one, with no fill of the same structure between): a second `find` here
   * would cost as much as the lookup did.
   */
  claim(set: number, tag: number, global: boolean): number {
    this.changes[0] = this.changes[0]! + 1;
    this.evicted = false;
    const i = this.victim(set);
    const key = this.query[0]!;
    this.index.remove(i);
    this.index.add(i, this.index.bucket(key | 0));
    const code = this.queryCode;
    const codeCount = this.codeCount;
    if (this.valid[i] !== 0) codeCount[this.codeOf[i]!] = codeCount[this.codeOf[i]!]! - 1;
    else {
      this.valid[i] = 1;
      this.validCount[set] = this.validCount[set]! + 1;
    }
    codeCount[code] = codeCount[code]! + 1;
    this.codeOf[i] = code;
    this.keys[i] = key;
    this.tags[i] = tag;
    this.global[i] = global ? 1 : 0;
    this.touch(i);
    return i;
  }

  /** Marks entry i as just used. Small, so it compiles into every lookup's hit path. */
  touch(i: number): void {
    if (this.policy === POLICY_LRU) {
      // Most touches are of the set's most recent entry (a run of hits): no call for those.
      const set = this.setOf[i]!;
      if (this.lru.mostRecent(set) !== i) this.lru.use(set, i);
    } else if (this.policy === POLICY_PLRU) {
      this.touchPlru(i);
    }
  }

  /** Bit-PLRU: set the entry's bit; when every way of the set is set, clear the others. */
  private touchPlru(i: number): void {
    this.age[i] = 1;
    const start = i - (i % this.ways);
    const end = start + this.ways;
    let all = true;
    for (let j = start; j < end; j++) if (this.age[j] === 0) all = false;
    if (all) for (let j = start; j < end; j++) if (j !== i) this.age[j] = 0;
  }

  /** The way to fill in `set`: an invalid one first, else by the policy; records what it evicts. */
  private victim(set: number): number {
    const start = set * this.ways;
    const end = start + this.ways;
    if (this.validCount[set]! < this.ways) {
      const valid = this.valid;
      for (let i = start; i < end; i++) if (valid[i] === 0) return i;
    }
    let victim = start;
    if (this.policy === POLICY_LRU) {
      victim = this.lru.oldest(set);
    } else if (this.policy === POLICY_RANDOM) {
      let x = this.seed;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.seed = x >>> 0;
      victim = start + (this.seed % this.ways);
    } else {
      // PLRU: the first way whose bit is clear.
      const age = this.age;
      for (let i = start; i < end; i++) {
        if (age[i] === 0) {
          victim = i;
          break;
        }
      }
    }
    this.evicted = true;
    this.evictedKey = this.keys[victim]!;
    return victim;
  }

  invalidate(i: number): void {
    if (this.valid[i] === 0) return;
    this.changes[0] = this.changes[0]! + 1;
    const set = this.setOf[i]!;
    this.validCount[set] = this.validCount[set]! - 1;
    if (this.policy === POLICY_LRU) this.lru.remove(set, i);
    this.codeCount[this.codeOf[i]!] = this.codeCount[this.codeOf[i]!]! - 1;
    this.valid[i] = 0;
    this.keys[i] = NO_KEY;
    this.age[i] = 0;
    this.index.remove(i);
  }

  /** Recency rank of entry i within its set: 0 = most recently used (LRU); PLRU: 0 = bit set. */
  recency(i: number): number {
    if (this.policy === POLICY_PLRU) return this.age[i] === 1 ? 0 : 1;
    if (this.policy === POLICY_RANDOM) return 0;
    return this.lru.rank(this.setOf[i]!, i);
  }
}
