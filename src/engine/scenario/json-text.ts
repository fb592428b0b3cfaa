/**
 * JSON text → value through the strict reader (strict-json.ts): a syntax error is one issue at the
 * root, "not valid JSON: line L, column C: …"; a refused key, depth or number names its path.
 */
import { ScenarioError } from './errors';
import { JsonTextError, readStrictJson } from './strict-json';

export function parseJsonText(text: string): unknown {
  try {
    return readStrictJson(text);
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    const issue =
      error.kind === 'syntax'
        ? { path: [], message: `not valid JSON: ${error.message}` }
        : { path: error.path, message: error.message };
    throw new ScenarioError([issue]);
  }
}
