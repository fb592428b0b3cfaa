/**
 * The caches at any step of an access, from the snapshot taken before it and the access's events:
 * fills and evictions change entries, usable hits and fills mark an entry just used, invalidations
 * remove entries, and each event counts where the caches count it. Pure, and independent of the
 * cache structures' own code: replayed to the last step it must equal the snapshot the machine
 * takes after the access (tests/engine/cache/replay.test.ts), so the caches panel can show every
 * step without asking the engine again.
 *
 * Steps: a cache event carries `step`, the references made before it; replaying to step k applies
 * the events with step ≤ k. Invalidations (operation steps) carry none and always apply.
 */
import type { CacheActivity } from '../vocabulary';
import type { WalkEvent } from '../events';
import type { ReplacementPolicy } from './cache-config';
import type { CacheEntrySnapshot, CacheSnapshot, StructureSnapshot } from './snapshot-types';

interface Counts {
  hits: number;
  misses: number;
  fills: number;
  evictions: number;
  drops: number;
  invalidated: number;
}

/** One structure being replayed: its entries by index (set · ways + way) and their recency state. */
class ReplayedStructure {
  readonly entries = new Map<number, CacheEntrySnapshot>();
  /** LRU: each set's entry indices, most recently used first. PLRU: the recently-used bits. */
  private readonly order = new Map<number, number[]>();
  private readonly recentBit = new Set<number>();
  readonly counts: Counts;

  constructor(
    readonly spec: StructureSnapshot,
    private readonly policy: ReplacementPolicy,
  ) {
    const { hits, misses, fills, evictions, drops, invalidated } = spec.activity;
    this.counts = { hits, misses, fills, evictions, drops, invalidated };
    const byRecency = [...spec.entries].sort((a, b) => a.recency - b.recency);
    for (const e of byRecency) {
      const i = this.indexOf(e.set, e.way);
      this.entries.set(i, e);
      this.setOrder(e.set).push(i);
      if (e.recency === 0) this.recentBit.add(i);
    }
  }

  indexOf(set: number, way: number): number {
    return set * this.spec.ways + way;
  }

  private setOrder(set: number): number[] {
    let list = this.order.get(set);
    if (!list) this.order.set(set, (list = []));
    return list;
  }

  /** Entry i was just used (a usable hit or a fill). */
  use(set: number, i: number): void {
    const list = this.setOrder(set);
    const at = list.indexOf(i);
    if (at >= 0) list.splice(at, 1);
    list.unshift(i);
    if (this.policy !== 'plru') return;
    // Bit-PLRU: set the entry's bit; once every way's bit is set, clear the others.
    this.recentBit.add(i);
    const base = set * this.spec.ways;
    let all = true;
    for (let way = 0; way < this.spec.ways; way++) if (!this.recentBit.has(base + way)) all = false;
    if (all)
      for (let way = 0; way < this.spec.ways; way++) if (base + way !== i) this.recentBit.delete(base + way);
  }

  remove(set: number, i: number): void {
    this.entries.delete(i);
    this.recentBit.delete(i);
    const list = this.setOrder(set);
    const at = list.indexOf(i);
    if (at >= 0) list.splice(at, 1);
  }

  /** Recency as the snapshot reports it: LRU rank in the set, PLRU 0 = bit set, random 0. */
  private recencyOf(set: number, i: number): number {
    if (this.policy === 'plru') return this.recentBit.has(i) ? 0 : 1;
    if (this.policy === 'random') return 0;
    return this.setOrder(set).indexOf(i);
  }

  snapshot(): StructureSnapshot {
    const c = this.counts;
    const activity: CacheActivity = {
      lookups: c.hits + c.misses + c.drops,
      hits: c.hits,
      misses: c.misses,
      fills: c.fills,
      evictions: c.evictions,
      drops: c.drops,
      invalidated: c.invalidated,
    };
    const entries = [...this.entries]
      .sort(([a], [b]) => a - b)
      .map(([i, e]) => ({ ...e, recency: this.recencyOf(e.set, i) }));
    return { ...this.spec, entries, activity };
  }
}

/** Replays events onto a snapshot one at a time; `entry` reads the state between two events. */
export class CacheReplay {
  private readonly structures = new Map<string, ReplayedStructure>();

  constructor(private readonly before: CacheSnapshot) {
    for (const s of before.structures)
      this.structures.set(s.name, new ReplayedStructure(s, before.replacement));
  }

  /** The entry in `structure` at (set, way) now, if valid. */
  entry(structure: string, set: number, way: number): CacheEntrySnapshot | undefined {
    const st = this.structures.get(structure);
    return st?.entries.get(st.indexOf(set, way));
  }

  apply(e: WalkEvent): void {
    if (e.type === 'invalidate') {
      for (const r of e.entries) {
        const st = this.structures.get(r.structure);
        if (!st) continue;
        st.remove(r.set, st.indexOf(r.set, r.way));
        st.counts.invalidated++;
      }
      return;
    }
    if (!('structure' in e)) return;
    const st = this.structures.get(e.structure);
    if (!st) return;
    switch (e.type) {
      case 'tlb-miss':
        st.counts.misses++;
        break;
      case 'tlb-hit':
      case 'pwc-hit':
        // A hit the entry cannot serve is dropped (a tlb-evict follows), not used.
        if (e.type === 'tlb-hit' && !e.usable) st.counts.drops++;
        else {
          st.counts.hits++;
          st.use(e.set, st.indexOf(e.set, e.way));
        }
        break;
      case 'tlb-fill': {
        const i = st.indexOf(e.entry.set, e.entry.way);
        st.entries.set(i, e.entry);
        st.use(e.entry.set, i);
        st.counts.fills++;
        break;
      }
      case 'tlb-evict':
        st.remove(e.set, st.indexOf(e.set, e.way));
        if (e.reason === 'replaced') st.counts.evictions++;
        break;
    }
  }

  snapshot(): CacheSnapshot {
    return {
      ...this.before,
      structures: this.before.structures.map((s) => this.structures.get(s.name)!.snapshot()),
    };
  }
}

/** The caches after the events with step ≤ `step` (all of them by default) of one access or operation. */
export function replayCaches(
  before: CacheSnapshot,
  events: readonly WalkEvent[],
  step = Infinity,
): CacheSnapshot {
  const replay = new CacheReplay(before);
  for (const e of events) if (!('step' in e) || e.step <= step) replay.apply(e);
  return replay.snapshot();
}
