/**
 * Fixed-stride scan: offsets 0, s, 2s, … wrapping around the heap (continuing at offset − heap, so
 * a stride that does not divide the heap drifts through every alignment). A sequential scan is the
 * stride of one element.
 */
import { ACCESS_READ } from '../vocabulary';
import { HeapStream } from './address-stream';

export class StrideStream extends HeapStream {
  /** The offset last emitted; one stride before the heap until the first `next()`. */
  private offset: number;

  constructor(
    heapBase: number,
    heapBytes: number,
    readonly strideBytes: number,
    kind: number = ACCESS_READ,
  ) {
    super(heapBase, heapBytes, kind);
    if (!(strideBytes > 0) || !Number.isSafeInteger(strideBytes))
      throw new Error('stride must be a positive integer');
    this.offset = -strideBytes;
  }

  // No "first call" branch: a path taken once, before the JIT collects feedback, deoptimizes the
  // compiled loop when the next stream takes it.
  next(): void {
    this.offset += this.strideBytes;
    if (this.offset >= this.heapBytes) this.offset %= this.heapBytes;
    this.emit(this.offset);
  }

  reset(): void {
    this.offset = -this.strideBytes;
  }
}
