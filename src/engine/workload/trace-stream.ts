/** Replays a parsed trace, from the top again when it runs out. */
import { TWO_32 } from '../bits';
import type { AddressStream } from './address-stream';
import type { ParsedTrace } from './trace-parse';

export class TraceStream implements AddressStream {
  vaHi = 0;
  vaLo = 0;
  kind = 0;
  private position = 0;

  constructor(readonly trace: ParsedTrace) {}

  next(): void {
    const i = this.position;
    this.vaHi = this.trace.hi[i]!;
    this.vaLo = this.trace.lo[i]!;
    this.kind = this.trace.kind[i]!;
    this.position = i + 1 === this.trace.length ? 0 : i + 1;
  }

  reset(): void {
    this.position = 0;
  }
}

/**
 * The lowest and highest address of a trace (as numbers), for sizing a heap that covers it.
 * Upper-half (kernel) addresses are reported as null: a procedural heap lives in the lower half.
 */
export function traceExtent(trace: ParsedTrace): { low: number; high: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < trace.length; i++) {
    if (trace.hi[i]! > 0x00ff_ffff) return null;
    const va = trace.hi[i]! * TWO_32 + trace.lo[i]!;
    if (va < low) low = va;
    if (va > high) high = va;
  }
  return { low, high };
}
