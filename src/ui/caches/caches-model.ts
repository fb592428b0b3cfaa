/**
 * What the caches panel shows at a playback cursor: the caches as they were before the access
 * (a snapshot), with the access's cache events replayed up to the cursor, and the events of the
 * current step marked (hit, fill, eviction, refused hit). Pure: no React, no DOM.
 *
 * Steps: a cache event carries `step`, the references made before it; the playback cursor k
 * reveals references 1…k, so events with step ≤ k have happened and those with step = k are the
 * current ones. The stale report comes after the walk: it shows once every reference is revealed.
 */
import type { CacheKind } from '../../engine/cache/cache-config';
import type { CacheEntrySnapshot, CacheSnapshot, StructureSnapshot } from '../../engine/cache/snapshot-types';
import type { WalkEvent } from '../../engine/events';

export type CellState = 'hit' | 'fill' | 'evict' | 'refused';

export interface CellView {
  readonly set: number;
  readonly way: number;
  readonly entry: CacheEntrySnapshot | null;
  /** What happened to this way at the current step. */
  readonly state: CellState | null;
  /** 0 = most recently used in its set; null for an empty way. */
  readonly recency: number | null;
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

interface Working {
  readonly spec: StructureSnapshot;
  readonly cells: Map<number, CacheEntrySnapshot>;
  /** Last use per way: higher is more recent. */
  readonly used: Map<number, number>;
  readonly touched: Set<number>;
  readonly state: Map<number, CellState>;
  current: StructureView['current'];
  counts: { lookups: number; hits: number; misses: number; fills: number; evictions: number };
}

const referenceCount = (events: readonly WalkEvent[]) =>
  events.filter((e) => e.type === 'guest-read' || e.type === 'nested-read').length;

export const geometryOf = (s: StructureSnapshot): string => {
  const entries = s.sets * s.ways;
  return s.sets === 1
    ? `${entries} entries · fully associative`
    : `${entries} entries · ${s.ways}-way · ${s.sets} sets`;
};

function working(spec: StructureSnapshot): Working {
  const cells = new Map<number, CacheEntrySnapshot>();
  const used = new Map<number, number>();
  for (const e of spec.entries) {
    const i = e.set * spec.ways + e.way;
    cells.set(i, e);
    used.set(i, -e.recency);
  }
  return {
    spec,
    cells,
    used,
    touched: new Set(),
    state: new Map(),
    current: null,
    counts: { lookups: 0, hits: 0, misses: 0, fills: 0, evictions: 0 },
  };
}

/** The panel's model for `events` of one access (or one operation) at `cursor`. */
export function cachesView(
  snapshot: CacheSnapshot,
  events: readonly WalkEvent[],
  cursor: number,
): CachesView {
  const byName = new Map(snapshot.structures.map((s) => [s.name, working(s)]));
  const total = referenceCount(events);
  const spared = new Map<string, number>();
  const invalidations: string[] = [];
  const log: string[] = [];
  let stale: CachesView['stale'] = null;
  let clock = 0;
  for (const e of events) {
    if (e.type === 'invalidate') {
      invalidations.push(e.description);
      for (const r of e.entries) {
        const w = byName.get(r.structure);
        if (!w) continue;
        const i = r.set * w.spec.ways + r.way;
        w.cells.delete(i);
        w.state.set(i, 'evict');
        w.touched.add(i);
      }
      continue;
    }
    if (e.type === 'stale') {
      if (cursor >= total) stale = { structures: e.structures, reason: e.reason };
      continue;
    }
    if (!('step' in e) || !('structure' in e) || e.step > cursor) continue;
    const w = byName.get(e.structure);
    if (!w) continue;
    const now = e.step === cursor;
    const ways = w.spec.ways;
    switch (e.type) {
      case 'tlb-lookup':
        w.counts.lookups++;
        if (now) w.current = w.current ?? 'looked';
        break;
      case 'tlb-miss':
        w.counts.misses++;
        if (now) w.current = 'miss';
        if (now) log.push(`${w.spec.label}: miss`);
        break;
      case 'tlb-hit':
      case 'pwc-hit': {
        const i = e.set * ways + e.way;
        const usable = e.type === 'pwc-hit' || e.usable;
        if (usable) {
          w.counts.hits++;
          w.used.set(i, ++clock);
          for (const cell of e.skipped) spared.set(cell.by, (spared.get(cell.by) ?? 0) + 1);
        }
        w.touched.add(i);
        if (now) {
          w.state.set(i, usable ? 'hit' : 'refused');
          w.current = usable ? 'hit' : 'refused';
          const what = w.cells.get(i);
          log.push(
            usable
              ? `${w.spec.label}: hit${what ? ` — ${what.from} → ${what.to}` : ''}${e.skipped.length ? `, spares ${e.skipped.length} step${e.skipped.length === 1 ? '' : 's'}` : ''}`
              : `${w.spec.label}: hit, but the entry does not allow this access — dropped, the walk decides`,
          );
        }
        break;
      }
      case 'tlb-fill': {
        const i = e.entry.set * ways + e.entry.way;
        w.cells.set(i, e.entry);
        w.used.set(i, ++clock);
        w.touched.add(i);
        w.counts.fills++;
        if (now) {
          w.state.set(i, 'fill');
          log.push(`${w.spec.label}: fill — ${e.entry.from} → ${e.entry.to}`);
        }
        break;
      }
      case 'tlb-evict': {
        const i = e.set * ways + e.way;
        const old = w.cells.get(i);
        w.cells.delete(i);
        w.touched.add(i);
        w.counts.evictions++;
        if (now) {
          w.state.set(i, 'evict');
          log.push(
            `${w.spec.label}: ${e.reason === 'replaced' ? 'evicts' : 'drops'} ${old ? old.from : `set ${e.set} way ${e.way}`}`,
          );
        }
        break;
      }
    }
  }
  const groups = GROUP_ORDER.map((kind) => ({
    kind,
    title: GROUP_TITLES[kind],
    structures: snapshot.structures
      .filter((s) => s.kind === kind)
      .map((s) => structureView(byName.get(s.name)!)),
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

function structureView(w: Working): StructureView {
  const { spec } = w;
  const setsInUse = new Set<number>();
  for (const i of [...w.cells.keys(), ...w.touched]) setsInUse.add(Math.floor(i / spec.ways));
  const all = spec.sets <= MAX_SETS_DRAWN;
  const drawn = all
    ? [...Array(spec.sets).keys()]
    : [...setsInUse].sort((a, b) => a - b).slice(0, MAX_SETS_IN_USE);
  const sets = drawn.map((set) => {
    const base = set * spec.ways;
    const ranks = [...Array(spec.ways).keys()]
      .filter((way) => w.cells.has(base + way))
      .sort((a, b) => w.used.get(base + b)! - w.used.get(base + a)!);
    return {
      set,
      cells: [...Array(spec.ways).keys()].map((way) => {
        const entry = w.cells.get(base + way) ?? null;
        return {
          set,
          way,
          entry,
          state: w.state.get(base + way) ?? null,
          recency: entry ? ranks.indexOf(way) : null,
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
    valid: w.cells.size,
    current: w.current,
    counts: w.counts,
  };
}
