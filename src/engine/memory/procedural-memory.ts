/**
 * Physical memory of a workload whose page tables are computed from its mapping rule on demand:
 * a guest tree (guest-linear → guest-physical) and, under EPT/NPT, a nested tree (guest-physical →
 * host-physical). Nothing is stored per page, so a 64 GiB heap costs the same as a 1 MiB one.
 *
 * A/D flags: every computed entry already has A set (and D on leaves), the state a long-running
 * workload reaches after its first pass. The walker only writes a flag that is not yet set, so a
 * walk over this memory writes nothing. Any other store (an experiment editing an entry) goes to a
 * small overlay that loads consult first; it grows only with such edits, never per page walked.
 */
import { TWO_32 } from '../bits';
import { SparseMemory } from './sparse-memory';
import type { PhysicalMemory } from './physical-memory';
import type { ProceduralTree } from './procedural-tree';

export interface ProceduralRegion {
  readonly tree: ProceduralTree;
  /** Host-physical address where the tree's first frame is read (its tableBase plus any EPT offset). */
  readonly loadBase: number;
  /** Accessed/dirty bits of this entry format: a store that differs only in them is dropped. */
  readonly accessedDirtyMask: number;
}

export class ProceduralMemory implements PhysicalMemory {
  lo = 0;
  hi = 0;
  /** Reads of guest / nested entries by level (index 1…5) since the last resetCounters. */
  readonly guestReads = new Float64Array(6);
  readonly nestedReads = new Float64Array(6);
  /** Stores dropped because they only set A/D flags the entry already has. */
  droppedStores = 0;
  /** Words in the overlay (a field, not the overlay's getter: load checks it on every call). */
  private overlayWords = 0;
  private readonly overlay = new SparseMemory(16);
  private readonly guestTree: ProceduralTree;
  private readonly guestBase: number;
  private readonly guestBytes: number;
  private readonly nestedTree: ProceduralTree | null;
  private readonly nestedBase: number;
  private readonly nestedBytes: number;

  constructor(
    readonly guest: ProceduralRegion,
    readonly nested: ProceduralRegion | null,
  ) {
    this.guestTree = guest.tree;
    this.guestBase = guest.loadBase;
    this.guestBytes = guest.tree.bytes;
    this.nestedTree = nested === null ? null : nested.tree;
    this.nestedBase = nested === null ? -1 : nested.loadBase;
    this.nestedBytes = nested === null ? 0 : nested.tree.bytes;
    if (nested !== null && overlaps(guest.loadBase, this.guestBytes, nested.loadBase, this.nestedBytes)) {
      throw new Error('guest and nested table frames overlap');
    }
  }

  /** Words held in the overlay (stores that changed an entry beyond its A/D flags). */
  get overlaySize(): number {
    return this.overlayWords;
  }

  resetCounters(): void {
    this.guestReads.fill(0);
    this.nestedReads.fill(0);
  }

  load(addr: number): void {
    if (this.overlayWords !== 0 && this.overlay.has(addr)) {
      this.overlay.load(addr);
      this.lo = this.overlay.lo;
      this.hi = this.overlay.hi;
      return;
    }
    let offset = addr - this.nestedBase;
    if (offset >= 0 && offset < this.nestedBytes) {
      const tree = this.nestedTree!;
      const level = tree.entry(offset);
      this.nestedReads[level] = this.nestedReads[level]! + 1;
      this.lo = tree.lo;
      this.hi = tree.hi;
      return;
    }
    offset = addr - this.guestBase;
    if (offset >= 0 && offset < this.guestBytes) {
      const tree = this.guestTree;
      const level = tree.entry(offset);
      this.guestReads[level] = this.guestReads[level]! + 1;
      this.lo = tree.lo;
      this.hi = tree.hi;
      return;
    }
    this.lo = 0;
    this.hi = 0;
  }

  loadWord(hi: number, lo: number): void {
    this.load(hi * TWO_32 + (lo >>> 0));
  }

  store(addr: number, lo: number, hi: number): void {
    if (!this.overlay.has(addr)) {
      const region = this.regionOf(addr);
      if (region !== null) {
        region.tree.entry(addr - region.loadBase);
        const keep = ~region.accessedDirtyMask;
        if ((lo & keep) >>> 0 === (region.tree.lo & keep) >>> 0 && hi >>> 0 === region.tree.hi) {
          this.droppedStores++;
          return;
        }
      } else if (lo === 0 && hi === 0) {
        return; // unlisted memory already reads as zero
      }
    }
    this.overlay.store(addr, lo, hi);
    this.overlayWords = this.overlay.size;
  }

  private regionOf(addr: number): ProceduralRegion | null {
    if (addr >= this.guestBase && addr < this.guestBase + this.guestBytes) return this.guest;
    if (this.nested !== null && addr >= this.nestedBase && addr < this.nestedBase + this.nestedBytes) {
      return this.nested;
    }
    return null;
  }
}

const overlaps = (a: number, aBytes: number, b: number, bBytes: number): boolean =>
  a < b + bBytes && b < a + aBytes;
