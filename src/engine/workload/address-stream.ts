/**
 * A workload as an allocation-free iterator: each `next()` leaves one linear address (as 32-bit
 * halves) and an ACCESS_* kind code in the stream's fields, ready for `machine.run`.
 * Streams are deterministic: the same spec and seed give the same sequence, and `reset()` restarts it.
 */
import { TWO_32 } from '../bits';
import { ACCESS_READ } from '../vocabulary';

const INV_TWO_32 = 1 / TWO_32;

export interface AddressStream {
  vaHi: number;
  vaLo: number;
  kind: number;
  next(): void;
  reset(): void;
}

/** A stream of byte offsets into a heap that starts at a linear address below 2^53. */
export abstract class HeapStream implements AddressStream {
  vaHi = 0;
  vaLo = 0;
  kind: number;

  constructor(
    readonly heapBase: number,
    readonly heapBytes: number,
    kind: number = ACCESS_READ,
  ) {
    this.kind = kind;
  }

  abstract next(): void;
  abstract reset(): void;

  protected emit(offset: number): void {
    const va = this.heapBase + offset;
    // × 2^-32 is exact and, unlike a division, cheap; >>> 0 truncates what is a non-negative value.
    this.vaHi = (va * INV_TWO_32) >>> 0;
    this.vaLo = va >>> 0;
  }
}
