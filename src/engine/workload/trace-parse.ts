/**
 * Address traces as text: one hexadecimal linear address per line (0x optional, `_` separators
 * allowed), optionally followed by the access kind — r / w / x or read / write / fetch (default
 * read). `#` starts a comment; blank lines are skipped. Errors name the line.
 */
import { ACCESS_FETCH, ACCESS_READ, ACCESS_WRITE } from '../vocabulary';

export interface ParsedTrace {
  readonly length: number;
  /** 32-bit halves of each address and its ACCESS_* kind code. */
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly kind: Uint8Array;
}

const KINDS: Record<string, number> = {
  r: ACCESS_READ,
  read: ACCESS_READ,
  w: ACCESS_WRITE,
  write: ACCESS_WRITE,
  x: ACCESS_FETCH,
  fetch: ACCESS_FETCH,
};
const HEX_DIGITS = /^[0-9a-f]+$/i;

export class TraceParseError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'TraceParseError';
  }
}

export function parseTrace(text: string): ParsedTrace {
  let capacity = 1024;
  let hi = new Uint32Array(capacity);
  let lo = new Uint32Array(capacity);
  let kind = new Uint8Array(capacity);
  let length = 0;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const hash = lines[n]!.indexOf('#');
    const body = (hash < 0 ? lines[n]! : lines[n]!.slice(0, hash)).trim();
    if (body === '') continue;
    const fields = body.split(/[\s,]+/);
    if (fields.length > 2)
      throw new TraceParseError(n + 1, `expected an address and an optional kind, got "${body}"`);
    const code = fields.length === 2 ? KINDS[fields[1]!.toLowerCase()] : ACCESS_READ;
    if (code === undefined) {
      throw new TraceParseError(
        n + 1,
        `unknown access kind "${fields[1]}" (expected r, w, x, read, write or fetch)`,
      );
    }
    const digits = fields[0]!.replace(/^0x/i, '').replace(/_/g, '');
    if (digits === '' || !HEX_DIGITS.test(digits)) {
      throw new TraceParseError(n + 1, `"${fields[0]}" is not a hexadecimal address`);
    }
    const significant = digits.replace(/^0+(?=.)/, '');
    if (significant.length > 16) throw new TraceParseError(n + 1, `"${fields[0]}" does not fit in 64 bits`);
    if (length === capacity) {
      capacity *= 2;
      hi = grow(hi, capacity);
      lo = grow(lo, capacity);
      kind = grow(kind, capacity);
    }
    hi[length] = significant.length > 8 ? parseInt(significant.slice(0, -8), 16) : 0;
    lo[length] = parseInt(significant.slice(-8), 16);
    kind[length] = code;
    length++;
  }
  if (length === 0) throw new Error('the trace holds no addresses');
  return { length, hi: hi.slice(0, length), lo: lo.slice(0, length), kind: kind.slice(0, length) };
}

function grow<T extends Uint32Array | Uint8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
