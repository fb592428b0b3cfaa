/**
 * The text of an imported file or a link → a JSON value, through the engine's strict reader
 * (docs/robustness.md, "Reading the JSON strictly"): a leading UTF-8 byte-order mark is skipped; a
 * syntax error, a key given twice, nesting deeper than 64 levels or a number that is not a double
 * is refused with its line and column. The schema checks the value later, in the walk.
 */
import { formatPath, JsonTextError, readStrictJson } from '../engine/scenario';

/** Throws an Error whose message says what is wrong and where (line, column and JSON path). */
export function readScenarioText(text: string): unknown {
  try {
    return readStrictJson(text);
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    throw new Error(
      error.kind === 'syntax'
        ? `not valid JSON: ${error.message}`
        : `${formatPath(error.path)}: ${error.message}`,
      { cause: error },
    );
  }
}
