/**
 * What the caches panel shows at a playback cursor: the caches as they were before the access
 * (a snapshot), with the access's cache events replayed up to the cursor by the engine
 * (`CacheReplay`), and the events of the current step marked (hit, fill, eviction, refused hit).
 * Pure: no React, no DOM.
 *
 * Steps: a cache event carries `step`, the references made before it; the playback cursor k
 * reveals references 1…k, so events with step ≤ k have happened and those with step = k are the
 * current ones. The stale report comes after the walk: it shows once every reference is revealed.
 */
import type { CacheKind, ReplacementPolicy } from '../../engine';
import type { CacheEntrySnapshot, CacheSnapshot, StructureSnapshot } from '../../engine';
import type { WalkEvent } from '../../engine';
import { isReference } from '../../engine';
import { CacheReplay } from '../../engine';

export type CellState = 'hit' | 'fill' | 'evict' | 'refused';

export interface CellView {
  readonly set: number;
  readonly way: number;
  readonly entry: CacheEntrySnapshot | null;
  /** What happened to this way at the current step. */
  readonly state: CellState | null;
  /** 0 = most recently used in its set (pseudo-LRU: 0 = recently-used bit set); null for an empty way. */
  readonly recency: number | null;
  /** The recency in words for the replacement policy in force ("LRU rank 0"); null where it has none. */
  readonly recencyText: string | null;
}

export interface SetView {
  readonly set: number;
  readonly cells: readonly CellView[];
}

export interface StructureView {
  readonly name: string;
  readonly label: string;
  readonly kind: CacheKind;
  /** e.g. '64 entries · 4-way · 16 sets' or '64 entries · fully associative'. */
  readonly geometry: string;
  readonly ways: number;
  readonly sets: readonly SetView[];
  /** Sets not drawn (large structures show only the sets in use). */
  readonly hiddenSets: number;
  readonly valid: number;
  /** Consulted at the current step, and with what result. */
  readonly current: 'hit' | 'miss' | 'refused' | 'looked' | null;
  /** This access so far. */
  readonly counts: {
    readonly lookups: number;
    readonly hits: number;
    readonly misses: number;
    readonly fills: number;
    readonly evictions: number;
  };
}

export interface GroupView {
  readonly kind: CacheKind;
  readonly title: string;
  readonly structures: readonly StructureView[];
}

export interface CachesView {
  readonly label: string;
  readonly sources: string;
  readonly context: string;
  readonly groups: readonly GroupView[];
  /** Walk steps spared so far, per structure. */
  readonly spared: readonly { readonly by: string; readonly steps: number }[];
  readonly stale: { readonly structures: readonly string[]; readonly reason: string } | null;
  /** Invalidations in these events (an invalidation step of a scenario). */
  readonly invalidations: readonly string[];
  /** One line per cache event of the current step. */
  readonly log: readonly string[];
}

const GROUP_TITLES: Readonly<Record<CacheKind, string>> = {
  tlb: 'TLBs — linear / combined mappings',
  pwc: 'Paging-structure caches (guest tables)',
  'gpa-tlb': 'Guest-physical mappings (gPA → hPA)',
  'nested-pwc': 'Nested paging-structure caches (EPT / NPT tables)',
};
const GROUP_ORDER: readonly CacheKind[] = ['tlb', 'pwc', 'gpa-tlb', 'nested-pwc'];
/** Structures with more sets than this show only the sets in use. */
const MAX_SETS_DRAWN = 32;
const MAX_SETS_IN_USE = 16;

/** What this access did to one structure up to the cursor (its contents come from the replay). */
interface Marks {
  readonly touched: Set<number>;
  readonly state: Map<number, CellState>;
  current: StructureView['current'];
  counts: { lookups: number; hits: number; misses: number; fills: number; evictions: number };
}

const marksOf = (): Marks => ({
  touched: new Set(),
  state: new Map(),
  current: null,
  counts: { lookups: 0, hits: 0, misses: 0, fills: 0, evictions: 0 },
});

export const geometryOf = (s: StructureSnapshot): string => {
  const entries = s.sets * s.ways;
  return s.sets === 1
    ? `${entries} entries · fully associative`
    : `${entries} entries · ${s.ways}-way · ${s.sets} sets`;
};

/** The panel's model for `events` of one access (or one operation) at `cursor`. */
export function cachesView(
  snapshot: CacheSnapshot,
  events: readonly WalkEvent[],
  cursor: number,
): CachesView {
  const replay = new CacheReplay(snapshot);
  const specs = new Map(snapshot.structures.map((s) => [s.name, s]));
  const marks = new Map(snapshot.structures.map((s) => [s.name, marksOf()]));
  const total = events.filter(isReference).length;
  const spared = new Map<string, number>();
  const invalidations: string[] = [];
  const log: string[] = [];
  let stale: CachesView['stale'] = null;
  for (const e of events) {
    if (e.type === 'invalidate') {
      invalidations.push(e.description);
      for (const r of e.entries) {
        const spec = specs.get(r.structure);
        const w = marks.get(r.structure);
        if (!spec || !w) continue;
        const i = r.set * spec.ways + r.way;
        w.state.set(i, 'evict');
        w.touched.add(i);
      }
      replay.apply(e);
      continue;
    }
    if (e.type === 'stale') {
      if (cursor >= total) stale = { structures: e.structures, reason: e.reason };
      continue;
    }
    if (!('step' in e) || !('structure' in e) || e.step > cursor) continue;
    const spec = specs.get(e.structure);
    const w = marks.get(e.structure);
    if (!spec || !w) continue;
    const now = e.step === cursor;
    const ways = spec.ways;
    switch (e.type) {
      case 'tlb-lookup':
        w.counts.lookups++;
        if (now) w.current = w.current ?? 'looked';
        break;
      case 'tlb-miss':
        w.counts.misses++;
        if (now) w.current = 'miss';
        if (now) log.push(`${spec.label}: miss`);
        break;
      case 'tlb-hit':
      case 'pwc-hit': {
        const i = e.set * ways + e.way;
        const usable = e.type === 'pwc-hit' || e.usable;
        if (usable) {
          w.counts.hits++;
          for (const cell of e.skipped) spared.set(cell.by, (spared.get(cell.by) ?? 0) + 1);
        }
        w.touched.add(i);
        if (now) {
          w.state.set(i, usable ? 'hit' : 'refused');
          w.current = usable ? 'hit' : 'refused';
          const what = replay.entry(e.structure, e.set, e.way);
          log.push(
            usable
              ? `${spec.label}: hit${what ? ` — ${what.from} → ${what.to}` : ''}${e.skipped.length ? `, spares ${e.skipped.length} step${e.skipped.length === 1 ? '' : 's'}` : ''}`
              : `${spec.label}: hit, but the entry does not allow this access — dropped, the walk decides`,
          );
        }
        break;
      }
      case 'tlb-fill': {
        const i = e.entry.set * ways + e.entry.way;
        w.touched.add(i);
        w.counts.fills++;
        if (now) {
          w.state.set(i, 'fill');
          log.push(`${spec.label}: fill — ${e.entry.from} → ${e.entry.to}`);
        }
        break;
      }
      case 'tlb-evict': {
        const i = e.set * ways + e.way;
        const old = replay.entry(e.structure, e.set, e.way);
        w.touched.add(i);
        w.counts.evictions++;
        if (now) {
          w.state.set(i, 'evict');
          log.push(
            `${spec.label}: ${e.reason === 'replaced' ? 'evicts' : 'drops'} ${old ? old.from : `set ${e.set} way ${e.way}`}`,
          );
        }
        break;
      }
    }
    replay.apply(e);
  }
  const now = replay.snapshot();
  const groups = GROUP_ORDER.map((kind) => ({
    kind,
    title: GROUP_TITLES[kind],
    structures: now.structures
      .filter((s) => s.kind === kind)
      .map((s) => structureView(s, marks.get(s.name)!, snapshot.replacement)),
  })).filter((g) => g.structures.length > 0);
  return {
    label: snapshot.label,
    sources: snapshot.sources,
    context: `VPID ${snapshot.vpid} · PCID ${snapshot.pcid}`,
    groups,
    spared: [...spared].map(([by, steps]) => ({ by, steps })),
    stale,
    invalidations,
    log,
  };
}

function recencyText(policy: ReplacementPolicy, recency: number): string | null {
  if (policy === 'lru') return `LRU rank ${recency}`;
  if (policy === 'plru') return recency === 0 ? 'recently used' : 'not recently used';
  return null;
}

function structureView(spec: StructureSnapshot, w: Marks, policy: ReplacementPolicy): StructureView {
  const cells = new Map(spec.entries.map((e) => [e.set * spec.ways + e.way, e]));
  const setsInUse = new Set<number>();
  for (const i of [...cells.keys(), ...w.touched]) setsInUse.add(Math.floor(i / spec.ways));
  const all = spec.sets <= MAX_SETS_DRAWN;
  const drawn = all
    ? [...Array(spec.sets).keys()]
    : [...setsInUse].sort((a, b) => a - b).slice(0, MAX_SETS_IN_USE);
  const sets = drawn.map((set) => {
    const base = set * spec.ways;
    return {
      set,
      cells: [...Array(spec.ways).keys()].map((way) => {
        const entry = cells.get(base + way) ?? null;
        return {
          set,
          way,
          entry,
          state: w.state.get(base + way) ?? null,
          recency: entry ? entry.recency : null,
          recencyText: entry ? recencyText(policy, entry.recency) : null,
        };
      }),
    };
  });
  return {
    name: spec.name,
    label: spec.label,
    kind: spec.kind,
    geometry: geometryOf(spec),
    ways: spec.ways,
    sets,
    hiddenSets: spec.sets - drawn.length,
    valid: cells.size,
    current: w.current,
    counts: w.counts,
  };
}
