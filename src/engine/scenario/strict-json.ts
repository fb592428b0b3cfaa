/**
 * A strict JSON text reader (docs/scenario-format.md, "Reading the JSON"): standard JSON syntax,
 * plus a leading UTF-8 byte-order mark is skipped, a key repeated in one object is refused, values
 * nested deeper than MAX_JSON_DEPTH are refused, and numbers that become Infinity or a false 0 in a
 * double are refused. It never recurses, so no input can exhaust the call stack.
 */

/** Objects and lists inside one another, at most this deep (a scenario needs about 5). */
export const MAX_JSON_DEPTH = 64;

export class JsonTextError extends Error {
  constructor(
    message: string,
    /** Where the problem is: 1-based line and column of the text (after the byte-order mark). */
    readonly line: number,
    readonly column: number,
    /** The JSON path of the value being read when it was found. */
    readonly path: readonly (string | number)[],
    /** 'syntax': not JSON at all; 'contract': JSON that this reader refuses (see above). */
    readonly kind: 'syntax' | 'contract',
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'JsonTextError';
  }
}

interface Frame {
  readonly value: Record<string, unknown> | unknown[];
  readonly isArray: boolean;
  readonly path: readonly (string | number)[];
  key: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: readonly [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** `"x"` for a character, or "the end of the text". */
const shown = (text: string, at: number): string =>
  at >= text.length ? 'the end of the text' : JSON.stringify(text[at]);

export function readStrictJson(input: string): unknown {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let at = 0;
  const stack: Frame[] = [];

  const pathHere = (): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return [...top.path, top.isArray ? (top.value as unknown[]).length : top.key];
  };
  const raise = (
    kind: JsonTextError['kind'],
    message: string,
    position: number,
    path: (string | number)[],
  ) => {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - (before.lastIndexOf('\n') + 1) + 1;
    throw new JsonTextError(message, line, column, path, kind);
  };
  const fail = (message: string, position = at): never => raise('syntax', message, position, []);
  const refuse = (message: string, position = at, path = pathHere()): never =>
    raise('contract', message, position, path);
  const skipSpace = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      at++;
    }
  };

  const readString = (): string => {
    const start = at;
    at++;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        at++;
        return JSON.parse(text.slice(start, at)) as string;
      }
      if (c < 0x20) fail('a control character inside a string (write it as an escape such as \\n)');
      if (c === 0x5c) {
        const next = text[at + 1] ?? '';
        if (next === 'u') {
          if (!HEX4.test(text.slice(at + 2, at + 6))) fail('\\u must be followed by 4 hex digits');
          at += 6;
          continue;
        }
        if (!ESCAPES.has(next)) fail(`unknown escape \\${next}`);
        at += 2;
        continue;
      }
      at++;
    }
    return fail('a string that is not closed (a " is missing)', start);
  };

  const readNumber = (): number => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) return fail(`expected a value, got ${shown(text, at)}`);
    const token = match[0];
    const value = Number(token);
    if (!Number.isFinite(value)) refuse(`the number ${token.slice(0, 40)} is too large`, at);
    const mantissa = token.replace(/[eE].*$/, '');
    if (value === 0 && /[1-9]/.test(mantissa))
      refuse(`the number ${token.slice(0, 40)} is too small: it reads as 0`, at);
    at += token.length;
    return value;
  };

  /** A scalar at `at`, or a new frame pushed for `{` / `[` (then undefined is returned). */
  const startValue = (): { value: unknown } | undefined => {
    const c = text[at];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_JSON_DEPTH) refuse(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      const isArray = c === '[';
      stack.push({ value: isArray ? [] : {}, isArray, path: pathHere(), key: '' });
      at++;
      return undefined;
    }
    if (c === '"') return { value: readString() };
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return { value };
      }
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return { value: readNumber() };
    return fail(`expected a value, got ${shown(text, at)}`);
  };

  /** In an object, before a key: reads `"key":`, refusing a repeated key. */
  const readKey = (frame: Frame) => {
    skipSpace();
    if (text[at] !== '"') fail(`expected a field name in double quotes, got ${shown(text, at)}`);
    const keyAt = at;
    const key = readString();
    if (Object.prototype.hasOwnProperty.call(frame.value, key)) {
      refuse(`the field "${key.slice(0, 40)}" appears twice in this object`, keyAt, [...frame.path, key]);
    }
    frame.key = key;
    skipSpace();
    if (text[at] !== ':') fail(`expected ':' after the field name, got ${shown(text, at)}`);
    at++;
  };

  /** After `{` or `[`: an immediate close, or the first key. True when the container was empty. */
  const openFrame = (frame: Frame): boolean => {
    skipSpace();
    if (text[at] === (frame.isArray ? ']' : '}')) {
      at++;
      return true;
    }
    if (!frame.isArray) readKey(frame);
    return false;
  };

  let root: unknown;
  let done = false;
  while (!done) {
    skipSpace();
    const started = startValue();
    let completed: unknown;
    if (started === undefined) {
      if (!openFrame(stack[stack.length - 1]!)) continue;
      completed = stack.pop()!.value;
    } else {
      completed = started.value;
    }
    // Store the finished value in its container; close containers that end here.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        root = completed;
        done = true;
        break;
      }
      if (top.isArray) (top.value as unknown[]).push(completed);
      else {
        // defineProperty: a "__proto__" key stays a plain field, as in JSON.parse.
        Object.defineProperty(top.value, top.key, {
          value: completed,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      skipSpace();
      const close = top.isArray ? ']' : '}';
      if (text[at] === ',') {
        at++;
        if (!top.isArray) readKey(top);
        break;
      }
      if (text[at] !== close) {
        fail(
          `expected ',' or '${close}' after ${top.isArray ? 'a list item' : 'a field'}, got ${shown(text, at)}`,
        );
      }
      at++;
      completed = stack.pop()!.value;
    }
  }
  skipSpace();
  if (at < text.length) fail(`unexpected ${shown(text, at)} after the end of the JSON value`);
  return root;
}

/**
 * For a value that did not come through `readStrictJson`: the path of the first list or object
 * nested deeper than MAX_JSON_DEPTH, or null. Iterative, like the reader.
 */
export function tooDeepPath(value: unknown): (string | number)[] | null {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: item, path } = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) return path;
    const entries: [string | number, unknown][] = Array.isArray(item)
      ? item.map((child, i) => [i, child] as [number, unknown])
      : Object.entries(item);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') pending.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
