/**
 * The views' reading of an event list: references in step order, the walk's shape (n, m, mode),
 * its end, and cache-hit skip marks. Pure; every component derives what it draws from this.
 */
import type {
  AdUpdateEvent,
  FaultEvent,
  PwcHitEvent,
  TlbEvictEvent,
  TlbHitEvent,
  WalkEvent,
  WalkStartEvent,
} from '../../../engine';
import type { PagingMode } from '../../../engine';
import type { TranslationResult } from '../../../engine';
import { referencesOf, type ReferenceEvent } from '../../../engine';

export type Reference = ReferenceEvent;

/** A grid cell a cache hit made unnecessary (`skipped` of a `tlb-hit` / `pwc-hit` event or of the result). */
export interface SkipMark {
  readonly guestLevel: number;
  /** 0 = the guest-entry column. */
  readonly nestedLevel: number;
  /** "PWC hit (pde-cache)": for titles and screen readers. */
  readonly label: string;
  /** "PWC" / "TLB": fits in a cell. */
  readonly short: string;
  /** The cursor from which the cell shows as spared: when the hit acted (undefined: at the end). */
  readonly step?: number;
}

export interface WalkModel {
  readonly start?: WalkStartEvent;
  readonly mode: PagingMode;
  /** Guest levels n and nested levels m of the paging structures (m = 0 natively). */
  readonly n: number;
  readonly m: number;
  /** Memory references in step order. */
  readonly refs: readonly Reference[];
  readonly total: number;
  readonly result?: TranslationResult;
  readonly fault?: FaultEvent;
  readonly adUpdates: readonly AdUpdateEvent[];
  readonly skips: readonly SkipMark[];
  /** Cache hits that spared cells, at the cursor where each acted. */
  readonly hits: readonly (TlbHitEvent | PwcHitEvent)[];
  /** Hits the access could not use (D flag clear, rights): dropped, and the walk was made. */
  readonly drops: readonly TlbEvictEvent[];
}

/** The kind of cache a structure name belongs to: TLBs spare whole walks, the rest are walk caches. */
const shortOf = (type: string | undefined, by: string | undefined): string =>
  type === 'tlb-hit' || (type === undefined && by !== undefined && by.includes('tlb')) ? 'TLB' : 'PWC';

/**
 * Reads skipped cells from cache-hit events (and from a result), tolerating any event shape:
 * `skipped` (or `skips`) is a list of { guestLevel, nestedLevel, by? }.
 */
function skipMarks(source: unknown, type?: string): SkipMark[] {
  const e = source as { skipped?: unknown; skips?: unknown; step?: unknown };
  // A cache event acts at its own step (0 when it names none); a result's list shows at the end.
  const step = type === undefined ? undefined : typeof e.step === 'number' ? e.step : 0;
  const list = Array.isArray(e.skipped) ? e.skipped : Array.isArray(e.skips) ? e.skips : [];
  return list.flatMap((item: unknown) => {
    const cell = item as { guestLevel?: unknown; nestedLevel?: unknown; by?: unknown };
    if (typeof cell.guestLevel !== 'number') return [];
    const by = typeof cell.by === 'string' ? cell.by : undefined;
    const short = shortOf(type, by);
    const label = `${short} hit${by ? ` (${by})` : ''}`;
    const nestedLevel = typeof cell.nestedLevel === 'number' ? cell.nestedLevel : 0;
    return [{ guestLevel: cell.guestLevel, nestedLevel, label, short, step }];
  });
}

export function readWalk(events: readonly WalkEvent[]): WalkModel {
  let start: WalkStartEvent | undefined;
  let result: TranslationResult | undefined;
  let fault: FaultEvent | undefined;
  const adUpdates: AdUpdateEvent[] = [];
  const skips: SkipMark[] = [];
  const hits: (TlbHitEvent | PwcHitEvent)[] = [];
  const drops: TlbEvictEvent[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'walk-start':
        start = event;
        break;
      case 'guest-read':
      case 'nested-read':
        break; // read by referencesOf
      case 'ad-update':
        adUpdates.push(event);
        break;
      case 'fault':
        fault = event;
        break;
      case 'walk-end':
        result = event.result;
        break;
      case 'tlb-hit':
      case 'pwc-hit':
        if (Array.isArray(event.skipped) && event.skipped.length > 0) hits.push(event);
        skips.push(...skipMarks(event, event.type));
        break;
      case 'tlb-evict':
        if (event.reason !== 'replaced') drops.push(event);
        break;
      default:
        skips.push(...skipMarks(event, (event as { type?: string }).type));
    }
  }
  const refs = referencesOf(events);
  // The result lists every spared cell too; keep the first label found for each.
  if (result) skips.push(...skipMarks(result));
  const mode = start?.mode ?? result?.mode ?? 'native';
  return {
    start,
    mode,
    n: start?.guestLevels ?? result?.guestLevels ?? 4,
    m: mode === 'native' ? 0 : (start?.nestedLevels ?? result?.nestedLevels ?? 4),
    refs,
    total: refs.length,
    result,
    fault,
    adUpdates,
    skips,
    hits,
    drops,
  };
}

/** The reference at step `step` (1-based), if any. */
export const refAt = (model: WalkModel, step: number): Reference | undefined =>
  model.refs[step - 1]?.step === step ? model.refs[step - 1] : model.refs.find((r) => r.step === step);

/** Clamps a cursor into 0…total. */
export const clampCursor = (model: WalkModel, cursor: number): number =>
  Math.max(0, Math.min(model.total, Math.floor(cursor)));

/** True when every reference has been revealed and the walk's outcome is known. */
export const isFinished = (model: WalkModel, cursor: number): boolean =>
  model.result !== undefined && clampCursor(model, cursor) >= model.total;
