/**
 * The user's work as the page saves it locally (docs/robustness.md, "Autosave"): the document with
 * its edits, where it came from, and the view (access and cursor). Read back as strictly as an
 * Import; a copy that cannot be read is reported and kept, never shown and never silently dropped.
 */
import { formatPath, parseScenario, ScenarioError } from '../engine/scenario';
import type { AppState } from './app-state';
import type { ScenarioDoc } from './scenario-doc';
import { readScenarioText } from './scenario-text';

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

/** Where a saved copy that cannot be read is kept, so that new work saved later does not erase it. */
export const DAMAGED_WORK_KEY = `${SAVED_WORK_KEY}.damaged`;

export type SavedRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly work: SavedWork }
  | { readonly kind: 'damaged'; readonly reason: string; readonly text: string };

const count = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The first problem of the saved envelope's fields, or null. */
function envelopeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.scenario !== 'object' || v.scenario === null || Array.isArray(v.scenario))
    return 'scenario: expected the scenario object';
  if (typeof v.source !== 'string') return 'source: expected a string';
  if (!count(v.accessIndex)) return 'accessIndex: expected a whole number ≥ 0';
  if (!count(v.cursor)) return 'cursor: expected a whole number ≥ 0';
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt)) return 'savedAt: expected a time';
  return null;
}

/**
 * The stored text → the saved work, read like an Import (docs/robustness.md, "Autosave"): the
 * strict reader (a key given twice, nesting too deep, a syntax error with its line and column),
 * the fields of the saved copy, then the scenario's schema. Anything else is damaged, with why.
 */
export function readSavedWork(text: string | null): SavedRead {
  if (text === null) return { kind: 'none' };
  const damaged = (reason: string): SavedRead => ({ kind: 'damaged', reason, text });
  let value: unknown;
  try {
    value = readScenarioText(text);
  } catch (error) {
    return damaged(error instanceof Error ? error.message : String(error));
  }
  const problem = envelopeProblem(value);
  if (problem !== null) return damaged(problem);
  const { scenario, source, accessIndex, cursor, savedAt } = value as SavedWork;
  try {
    parseScenario(scenario);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const listed = error.issues
      .slice(0, 3)
      .map((i) => `${formatPath(['scenario', ...i.path])}: ${i.message}`);
    const more = error.total > listed.length ? `; … and ${error.total - listed.length} more` : '';
    return damaged(`the saved scenario has problems: ${listed.join('; ')}${more}`);
  }
  return { kind: 'saved', work: { scenario, source, accessIndex, cursor, savedAt } };
}

/** True when `state` shows exactly the saved work: there is nothing to offer back. */
export function showsSavedWork(state: Saveable, saved: SavedWork): boolean {
  return (
    state.accessIndex === saved.accessIndex &&
    state.cursor === saved.cursor &&
    JSON.stringify(state.scenario) === JSON.stringify(saved.scenario)
  );
}
