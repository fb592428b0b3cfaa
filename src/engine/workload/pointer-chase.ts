/**
 * Pointer chasing over a random cyclic list: the heap holds ⌊heap / objectBytes⌋ objects and object
 * π(i) points to π(i + 1) (indices mod N), π a seeded pseudorandom permutation. Every object is
 * visited exactly once per cycle, in an order with no locality — the lecture's experiment. The
 * list is never built: π(i) is computed when the chase reaches step i.
 */
import { ACCESS_READ } from '../vocabulary';
import { HeapStream } from './address-stream';
import { FeistelPermutation } from './feistel-permutation';

export class PointerChaseStream extends HeapStream {
  readonly objects: number;
  /** Index of the object the last `next()` visited. */
  object = -1;
  private readonly order: FeistelPermutation;
  private step = 0;

  constructor(
    heapBase: number,
    heapBytes: number,
    readonly objectBytes: number,
    seed: number,
  ) {
    super(heapBase, heapBytes, ACCESS_READ);
    if (!(objectBytes >= 8) || objectBytes % 8 !== 0)
      throw new Error('object size must be a multiple of 8 bytes');
    this.objects = Math.floor(heapBytes / objectBytes);
    if (this.objects < 1) throw new Error('the heap is smaller than one object');
    this.order = new FeistelPermutation(this.objects, seed);
  }

  next(): void {
    this.object = this.order.apply(this.step);
    this.step = this.step + 1 === this.objects ? 0 : this.step + 1;
    this.emit(this.object * this.objectBytes);
  }

  reset(): void {
    this.step = 0;
    this.object = -1;
  }
}
