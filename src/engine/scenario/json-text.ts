/** JSON text → value, with syntax errors reported by line and column. */
import { ScenarioError } from './errors';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const atPosition = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(raw);
    let message = raw;
    if (atPosition) {
      const { line, column } = lineAndColumn(text, Number(atPosition[1]));
      message = `line ${line}, column ${column}: ${raw.replace(atPosition[0], '')}`;
    } else if (/end of JSON input/.test(raw)) {
      const { line, column } = lineAndColumn(text, text.length);
      message = `line ${line}, column ${column}: ${raw}`;
    }
    throw new ScenarioError([{ path: [], message: `not valid JSON: ${message}` }]);
  }
}
