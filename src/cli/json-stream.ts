/**
 * JSON output in pieces: the text `JSON.stringify(value, null, 2)` would give, produced a list item
 * at a time for the outer levels, so a trace of any length never becomes one string (V8 caps a
 * string's length) and is written as it is produced.
 */

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Pieces of the text; lists and objects `depth` levels down are split, deeper values are whole. */
export function* jsonPieces(value: unknown, depth = 2, indent = ''): Generator<string> {
  const inner = indent + '  ';
  if (depth > 0 && Array.isArray(value) && value.length > 0) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      // JSON.stringify writes null for an absent list item.
      yield* jsonPieces(value[i] === undefined ? null : value[i], depth - 1, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield indent + ']';
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length > 0) {
      yield '{\n';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        yield `${inner}${JSON.stringify(key)}: `;
        yield* jsonPieces(value[key], depth - 1, inner);
        yield i < keys.length - 1 ? ',\n' : '\n';
      }
      yield indent + '}';
      return;
    }
  }
  yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + indent);
}

/** The pieces gathered into chunks of about `chunkSize` characters, each handed to `write`. */
export async function writeJsonStreamed(
  value: unknown,
  write: (chunk: string) => unknown,
  chunkSize = 64 * 1024,
): Promise<void> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of jsonPieces(value)) {
    buffer.push(piece);
    length += piece.length;
    if (length >= chunkSize) {
      await write(buffer.join(''));
      buffer = [];
      length = 0;
    }
  }
  buffer.push('\n');
  await write(buffer.join(''));
}
