/**
 * Refuses a value nested too deeply before it is posted to a worker (docs/robustness.md): the
 * structured clone of a value a few thousand levels deep arrives as null, or makes postMessage
 * throw, instead of reaching the engine. A scenario is a handful of levels deep.
 */

/** Objects and arrays inside one another; a scenario needs fewer than ten. */
export const MAX_NESTING = 64;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number | null;
  readonly parent: Frame | null;
}

/** The JSON path where `value` passes `limit` levels of nesting, or null when it stays within. */
export function tooDeepAt(value: unknown, limit = MAX_NESTING): string | null {
  // Iterative, so the check itself cannot run out of stack on the values it exists to refuse.
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.value === null || typeof frame.value !== 'object') continue;
    if (frame.depth >= limit) return pathOf(frame);
    const entries = Array.isArray(frame.value)
      ? frame.value.map((item, index) => [index, item] as const)
      : Object.entries(frame.value);
    for (const [key, item] of entries) {
      if (item !== null && typeof item === 'object')
        stack.push({ value: item, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return null;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let at: Frame | null = frame; at !== null && at.key !== null; at = at.parent) keys.push(at.key);
  const path = keys
    .reverse()
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
  return path === '' ? '(root)' : path;
}

export const tooDeepMessage = (path: string, limit = MAX_NESTING): string =>
  `The scenario is nested more than ${limit} levels deep (at ${shorten(path)}); a scenario has only a few levels. It was not sent to the engine.`;

/** A path thousands of keys long is cut to its start and end. */
const shorten = (path: string): string =>
  path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)}` : path;
