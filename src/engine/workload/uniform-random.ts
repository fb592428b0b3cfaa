/** Uniformly random accesses: each one an independent aligned offset in the heap, seeded. */
import { ACCESS_READ } from '../vocabulary';
import { HeapStream } from './address-stream';
import { Prng } from './prng';

export class UniformRandomStream extends HeapStream {
  private readonly prng: Prng;
  private readonly slots: number;

  constructor(
    heapBase: number,
    heapBytes: number,
    readonly alignBytes: number,
    readonly seed: number,
    kind: number = ACCESS_READ,
  ) {
    super(heapBase, heapBytes, kind);
    if (!(alignBytes > 0)) throw new Error('alignment must be positive');
    this.slots = Math.floor(heapBytes / alignBytes);
    if (this.slots < 1) throw new Error('the heap is smaller than one aligned slot');
    this.prng = new Prng(seed);
  }

  next(): void {
    this.emit(this.prng.nextBelow(this.slots) * this.alignBytes);
  }

  reset(): void {
    this.prng.reseed(this.seed);
  }
}
