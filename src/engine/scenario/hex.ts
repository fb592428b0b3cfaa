/**
 * 64-bit quantities at the JSON edge: hex strings with `0x` (any case, optional `_` separators) or
 * plain JSON numbers below 2^53. Physical addresses become numbers (≤ 52 bits, exact in a double),
 * linear addresses 32-bit halves, entry values {lo, hi}. BigInt is used here only, never in a walk.
 */
import { z } from 'zod';
import type { LinearAddress } from '../vocabulary';
import { describeValue } from './errors';

export const HEX_EXPECTED = 'a hex string like "0x7fff_f000_0123" or a number below 2^53';
const HEX_TEXT = /^0x_*[0-9a-f][0-9a-f_]*$/i;
const TWO_64 = 1n << 64n;
const MAX_HEX_DIGITS = 16;

export type HexReading =
  { readonly ok: true; readonly value: bigint } | { readonly ok: false; readonly message: string };

/** Reads a 64-bit quantity; the message says what was expected and what came instead. */
export function readHex64(input: unknown): HexReading {
  const wrong = (): HexReading => ({
    ok: false,
    message: `expected ${HEX_EXPECTED}, got ${describeValue(input)}`,
  });
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input >= 0 ? { ok: true, value: BigInt(input) } : wrong();
  }
  if (typeof input !== 'string') return wrong();
  const text = input.trim();
  if (!HEX_TEXT.test(text)) return wrong();
  // Zeros in front still count: 17 digits do not fit a 64-bit field, whatever their value.
  if (text.length - 2 - (text.match(/_/g)?.length ?? 0) > MAX_HEX_DIGITS) {
    return {
      ok: false,
      message: `expected a value that fits in 64 bits (at most ${MAX_HEX_DIGITS} hex digits), got ${describeValue(input)}`,
    };
  }
  const value = BigInt('0x' + text.slice(2).replace(/_/g, ''));
  if (value >= TWO_64)
    return { ok: false, message: `expected a value that fits in 64 bits, got ${describeValue(input)}` };
  return { ok: true, value };
}

/** A schema over `readHex64` followed by a conversion that may reject the value with a message. */
function hexSchema<T>(convert: (value: bigint, input: unknown) => T | string) {
  return z.unknown().transform((input, ctx) => {
    const reading = readHex64(input);
    const converted = reading.ok ? convert(reading.value, input) : reading.message;
    if (typeof converted === 'string') {
      ctx.addIssue({ code: 'custom', message: converted, input });
      return z.NEVER;
    }
    return converted;
  });
}

export interface Word {
  readonly lo: number;
  readonly hi: number;
}

export const wordFromBigInt = (value: bigint): Word => ({
  lo: Number(value & 0xffff_ffffn),
  hi: Number((value >> 32n) & 0xffff_ffffn),
});

/** An entry value: any 64-bit quantity. */
export const wordSchema = () => hexSchema<Word>(wordFromBigInt);

/** A (guest-)physical address: at most 52 bits, so it is a plain number. */
export const physAddressSchema = (alignment = 1) =>
  hexSchema<number>((value, input) => {
    if (value >= 1n << 52n) {
      return `expected a physical address below 2^52 (at most 13 hex digits), got ${describeValue(input)}`;
    }
    if (value % BigInt(alignment) !== 0n) {
      return `expected an address aligned to ${alignment} bytes, got ${describeValue(input)}`;
    }
    return Number(value);
  });

/** A linear address: any 64-bit quantity (canonical form is checked by the walk, not here). */
export const linearAddressSchema = () =>
  hexSchema<LinearAddress>((value) => {
    const { lo, hi } = wordFromBigInt(value);
    return { hi, lo };
  });

/** A register-like value below 2^52 (CR3, EPTP, nCR3). */
export const registerSchema = () =>
  hexSchema<number>((value, input) =>
    value >= 1n << 52n ? `expected a value below 2^52, got ${describeValue(input)}` : Number(value),
  );

// --- Output: lowercase compact hex ---

/** A number ≤ 2^53 as "0x…" lowercase, no padding. */
export const hexOf = (value: number): string => '0x' + value.toString(16);

/** A 64-bit word as "0x…" lowercase, no padding. */
export const hexOfWord = (lo: number, hi: number): string =>
  hi >>> 0 === 0
    ? '0x' + (lo >>> 0).toString(16)
    : '0x' + (hi >>> 0).toString(16) + (lo >>> 0).toString(16).padStart(8, '0');
