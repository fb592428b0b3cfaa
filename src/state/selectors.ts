/**
 * Derived views of the store. Selectors that build arrays cache on their inputs so React's
 * external-store subscription sees the same value until the inputs change.
 */
import type { CacheSnapshot } from '../engine';
import { nestedWalkReferences } from '../engine';
import type { WalkEvent } from '../engine';
import { referencesOf, type ReferenceEvent } from '../engine';
import type { TraceResult } from '../engine/scenario';
import type { AppState } from './app-state';
import { accessOf, isOperationStep, type ScenarioAccessDoc } from './scenario-doc';

export type { ReferenceEvent };

const NO_EVENTS: readonly WalkEvent[] = [];
const references = new WeakMap<readonly WalkEvent[], readonly ReferenceEvent[]>();

/** The event list of the selected access (empty before the first walk). */
export const selectCurrentEvents = (s: Pick<AppState, 'events' | 'accessIndex'>): readonly WalkEvent[] =>
  s.events[s.accessIndex] ?? NO_EVENTS;

/** The translation caches as the selected access began; null without a walk. */
export const selectCurrentCacheSnapshot = (
  s: Pick<AppState, 'cacheSnapshots' | 'accessIndex'>,
): CacheSnapshot | null => s.cacheSnapshots[s.accessIndex] ?? null;

/** The memory-reference events of the selected access, in step order. */
export function selectReferences(s: Pick<AppState, 'events' | 'accessIndex'>): readonly ReferenceEvent[] {
  const events = selectCurrentEvents(s);
  let refs = references.get(events);
  if (!refs) {
    refs = referencesOf(events);
    references.set(events, refs);
  }
  return refs;
}

export const selectTotalReferences = (s: Pick<AppState, 'events' | 'accessIndex'>): number =>
  selectReferences(s).length;

let lastVisible: {
  refs: readonly ReferenceEvent[];
  cursor: number;
  value: readonly ReferenceEvent[];
} | null = null;

/** The references revealed so far (steps 1…cursor). */
export function selectVisibleReferences(
  s: Pick<AppState, 'events' | 'accessIndex' | 'cursor'>,
): readonly ReferenceEvent[] {
  const refs = selectReferences(s);
  if (lastVisible && lastVisible.refs === refs && lastVisible.cursor === s.cursor) return lastVisible.value;
  const value = refs.filter((e) => e.step <= s.cursor);
  lastVisible = { refs, cursor: s.cursor, value };
  return value;
}

/** The reference at the cursor (the last one revealed), or null before the walk. */
export const selectCurrentStep = (
  s: Pick<AppState, 'events' | 'accessIndex' | 'cursor'>,
): ReferenceEvent | null => selectReferences(s).find((e) => e.step === s.cursor) ?? null;

export const selectAtEnd = (s: Pick<AppState, 'events' | 'accessIndex' | 'cursor'>): boolean =>
  s.cursor >= selectTotalReferences(s);

/** Memory references of the abstract walk: n·m + n + m. */
export const selectAbstractReferences = (s: Pick<AppState, 'abstractN' | 'abstractM'>): number =>
  nestedWalkReferences(s.abstractN, s.abstractM);

const NO_ACCESSES: readonly ScenarioAccessDoc[] = [];
const memoryAccesses = new WeakMap<readonly unknown[], readonly ScenarioAccessDoc[]>();

/** The scenario's memory accesses (its cache operations left out), numbered as the walk's results are. */
export function selectAccesses(s: Pick<AppState, 'scenario'>): readonly ScenarioAccessDoc[] {
  const steps = s.scenario?.accesses;
  if (!steps) return NO_ACCESSES;
  let list = memoryAccesses.get(steps);
  if (!list) {
    list = steps.filter((step) => !isOperationStep(step));
    memoryAccesses.set(steps, list);
  }
  return list;
}

export const selectSelectedAccess = (
  s: Pick<AppState, 'scenario' | 'accessIndex'>,
): ScenarioAccessDoc | null => accessOf(s.scenario, s.accessIndex);

/** The trace result of the selected access (null before the first walk). */
export const selectResult = (s: Pick<AppState, 'trace' | 'accessIndex'>): TraceResult | null =>
  s.trace?.results[s.accessIndex] ?? null;
