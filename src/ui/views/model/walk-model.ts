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
import type { PagingMode, SkippedCell } from '../../../engine';
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
 * The cells a cache hit spared (`skipped` of a `tlb-hit` / `pwc-hit` event), marked from the hit's
 * step; or, with no event (`hit` undefined), the result's list, shown at the end of the walk.
 */
function skipMarks(cells: readonly SkippedCell[], hit?: TlbHitEvent | PwcHitEvent): SkipMark[] {
  return cells.map((cell) => {
    const short = shortOf(hit?.type, cell.by);
    return {
      guestLevel: cell.guestLevel,
      nestedLevel: cell.nestedLevel,
      label: `${short} hit (${cell.by})`,
      short,
      step: hit?.step,
    };
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
        if (event.skipped.length > 0) hits.push(event);
        skips.push(...skipMarks(event.skipped, event));
        break;
      case 'tlb-evict':
        if (event.reason !== 'replaced') drops.push(event);
        break;
    }
  }
  const refs = referencesOf(events);
  // The result lists every spared cell too; keep the first label found for each.
  if (result?.skipped) skips.push(...skipMarks(result.skipped));
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
