/**
 * Import of a scenario file's text (docs/robustness.md, "Loading a document: validate first"): read
 * strictly, then loaded through the same validation as every document. Whatever is wrong, the
 * banner says so with the file's name, and the document on screen stays.
 */
import type { ScenarioSlice } from './app-state';
import { UNCHANGED_NOTE } from './load-refusal';
import { readScenarioText } from './scenario-text';

type Loader = Pick<ScenarioSlice, 'loadScenario' | 'reportError'>;

/** True when the file became the document. */
export async function importScenarioText(state: Loader, text: string, fileName: string): Promise<boolean> {
  let json: unknown;
  try {
    json = readScenarioText(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    state.reportError('file', `${fileName}: ${reason}`, { note: UNCHANGED_NOTE });
    return false;
  }
  return state.loadScenario(json, `import: ${fileName}`);
}
