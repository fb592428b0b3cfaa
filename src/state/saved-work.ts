/**
 * The user's work as the page saves it locally (docs/robustness.md): the document with its edits,
 * where it came from, and the view (access and cursor). Read back defensively: a stored value of
 * another shape or version is ignored, never shown.
 */
import type { AppState } from './app-state';
import { isScenarioDoc, type ScenarioDoc } from './scenario-doc';

export const SAVED_WORK_KEY = 'nestwalk.saved-work.v1';

export interface SavedWork {
  readonly scenario: ScenarioDoc;
  readonly source: string;
  readonly accessIndex: number;
  readonly cursor: number;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

type Saveable = Pick<AppState, 'scenario' | 'source' | 'accessIndex' | 'cursor'>;

/** What to save of `state`; null when there is no document (a symbolic walk, or nothing loaded yet). */
export function savedWorkOf(state: Saveable, savedAt: number): SavedWork | null {
  if (state.scenario === null || state.source === '') return null;
  const { scenario, source, accessIndex, cursor } = state;
  return { scenario, source, accessIndex, cursor, savedAt };
}

const count = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

export function parseSavedWork(text: string | null): SavedWork | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isScenarioDoc(value)) return null;
  const { scenario, source, accessIndex, cursor, savedAt } = value;
  if (!isScenarioDoc(scenario) || typeof source !== 'string' || typeof savedAt !== 'number') return null;
  if (!count(accessIndex) || !count(cursor)) return null;
  return { scenario, source, accessIndex, cursor, savedAt };
}

/** True when `state` shows exactly the saved work: there is nothing to offer back. */
export function showsSavedWork(state: Saveable, saved: SavedWork): boolean {
  return (
    state.accessIndex === saved.accessIndex &&
    state.cursor === saved.cursor &&
    JSON.stringify(state.scenario) === JSON.stringify(saved.scenario)
  );
}
