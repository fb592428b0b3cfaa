/**
 * The views' reading of an event list: references in step order, the walk's shape (n, m, mode),
 * its end, and cache-hit skip marks. Pure; every component derives what it draws from this.
 */
import type {
  AdUpdateEvent,
  FaultEvent,
  GuestReadEvent,
  NestedReadEvent,
  WalkEvent,
  WalkStartEvent,
} from '../../../engine/events';
import type { PagingMode, TranslationResult } from '../../../engine/types';

export type Reference = GuestReadEvent | NestedReadEvent;

/** A grid cell a cache hit made unnecessary (from a future `pwc-hit` / `tlb-hit` event's `skips`). */
export interface SkipMark {
  readonly guestLevel: number;
  /** 0 = the guest-entry column. */
  readonly nestedLevel: number;
  readonly label: string;
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
}

const SKIP_LABELS: Record<string, string> = { 'pwc-hit': 'PWC hit', 'tlb-hit': 'TLB hit' };

/** Reads `skips` from events this version of the union does not know yet (cache hits). */
function skipMarks(event: unknown): SkipMark[] {
  const e = event as { type?: unknown; skips?: unknown; label?: unknown };
  if (!Array.isArray(e.skips) || typeof e.type !== 'string') return [];
  const label = typeof e.label === 'string' ? e.label : (SKIP_LABELS[e.type] ?? e.type);
  return e.skips.flatMap((s: unknown) => {
    const cell = s as { guestLevel?: unknown; nestedLevel?: unknown };
    return typeof cell.guestLevel === 'number'
      ? [
          {
            guestLevel: cell.guestLevel,
            nestedLevel: typeof cell.nestedLevel === 'number' ? cell.nestedLevel : 0,
            label,
          },
        ]
      : [];
  });
}

export function readWalk(events: readonly WalkEvent[]): WalkModel {
  let start: WalkStartEvent | undefined;
  let result: TranslationResult | undefined;
  let fault: FaultEvent | undefined;
  const refs: Reference[] = [];
  const adUpdates: AdUpdateEvent[] = [];
  const skips: SkipMark[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'walk-start':
        start = event;
        break;
      case 'guest-read':
      case 'nested-read':
        refs.push(event);
        break;
      case 'ad-update':
        adUpdates.push(event);
        break;
      case 'fault':
        fault = event;
        break;
      case 'walk-end':
        result = event.result;
        break;
      default:
        skips.push(...skipMarks(event));
    }
  }
  refs.sort((a, b) => a.step - b.step);
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
