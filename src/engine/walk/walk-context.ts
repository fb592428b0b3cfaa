import type { EventSink } from '../events';
import type { PhysicalMemory } from '../memory/physical-memory';
import { SparseMemory } from '../memory/sparse-memory';
import type { Gpa, Hpa, WalkReference } from '../vocabulary';
import { CACHES_OFF } from './cache-hooks';

/**
 * Whether setting `accessedBit` / `dirtyBit` would change an entry whose low word is `lo`: tested
 * before calling setFlags, so the common case (flags already set) makes no call with the entry's
 * words — an unsigned low word above 2^31 passed to a call left out-of-line is boxed.
 */
export const needsFlags = (lo: number, accessedBit: number, dirtyBit: number): boolean =>
  ((accessedBit | dirtyBit) & ~lo) !== 0;

/**
 * State shared by the guest and nested walkers during one translation: the memory, whether the
 * walk may write (A/D flags), and — only when someone listens — the event sink and the list of
 * references. With neither attached, recording a reference is a counter increment.
 */
export class WalkContext {
  sink: EventSink | null = null;
  references: WalkReference[] | null = null;
  /** Memory references made so far in this translation. */
  count = 0;
  /** False for `probe`: compute the same walk, write nothing. */
  sideEffects = true;
  /** Of `count`, the guest (native) paging-structure reads; the rest are nested reads. */
  guestCount = 0;
  /** CACHES_OFF / CACHES_READ / CACHES_ON (cache-hooks.ts): whether walkers consult and fill the caches. */
  cacheMode = CACHES_OFF;
  /** Walkers note each level's table and rights so far (for stale-entry checks; never on the bulk path). */
  recordPath = false;

  /** `memory` when it is a SparseMemory (scenarios, real tables), else null: see readWord. */
  private readonly sparse: SparseMemory | null;

  constructor(readonly memory: PhysicalMemory) {
    this.sparse = memory instanceof SparseMemory ? memory : null;
  }

  begin(sink: EventSink | null, collect: boolean, sideEffects: boolean, cacheMode = CACHES_OFF): void {
    this.sink = sink;
    this.references = collect ? [] : null;
    this.count = 0;
    this.guestCount = 0;
    this.sideEffects = sideEffects;
    this.cacheMode = cacheMode;
    this.recordPath = false;
  }

  /** Reads the entry at `addr` into memory.lo/hi and counts the reference. */
  read(addr: number): void {
    this.memory.load(addr);
    this.count++;
  }

  /**
   * The same for the address hi · 2^32 + lo (halves as int32, address-halves.ts). One compiled walk
   * serves every machine: once scenario and workload machines have run in one process (the app,
   * the benchmark), a call through the interface sees both memory classes and the compiler leaves
   * it out-of-line — a call per reference. Scenario memory gets a call site of its own, which stays
   * monomorphic and is inlined.
   */
  readWord(hi: number, lo: number): void {
    const sparse = this.sparse;
    if (sparse !== null) sparse.loadWord(hi, lo);
    else this.memory.loadWord(hi, lo);
    this.count++;
  }

  recordGuest(guestLevel: number, index: number, gpa: number, addr: number, lo: number, hi: number): void {
    // The walkers' numbers enter the branded event vocabulary here (a cast, no run-time cost).
    const hpa = addr as Hpa;
    if (this.references !== null) this.references.push({ kind: 'guest', guestLevel, addr: hpa, lo, hi });
    if (this.sink !== null) {
      this.sink({
        type: 'guest-read',
        step: this.count,
        guestLevel,
        index,
        gpa: gpa as Gpa,
        addr: hpa,
        lo,
        hi,
      });
    }
  }

  recordNested(
    guestLevel: number,
    nestedLevel: number,
    index: number,
    gpa: number,
    addr: number,
    lo: number,
    hi: number,
  ): void {
    const hpa = addr as Hpa;
    if (this.references !== null) {
      this.references.push({ kind: 'nested', guestLevel, nestedLevel, addr: hpa, lo, hi });
    }
    if (this.sink !== null) {
      this.sink({
        type: 'nested-read',
        step: this.count,
        guestLevel,
        nestedLevel,
        index,
        gpa: gpa as Gpa,
        addr: hpa,
        lo,
        hi,
      });
    }
  }

  /** Sets flags in an entry (A/D updates); emits an event when listened to. */
  setFlags(
    table: 'guest' | 'nested',
    guestLevel: number,
    nestedLevel: number,
    addr: number,
    lo: number,
    hi: number,
    accessedBit: number,
    dirtyBit: number,
  ): void {
    const updated = (lo | accessedBit | dirtyBit) >>> 0;
    if (updated === lo >>> 0) return;
    this.memory.store(addr, updated, hi);
    if (this.sink !== null) {
      this.sink({
        type: 'ad-update',
        table,
        guestLevel,
        nestedLevel,
        addr: addr as Hpa,
        setAccessed: accessedBit !== 0 && (lo & accessedBit) === 0,
        setDirty: dirtyBit !== 0 && (lo & dirtyBit) === 0,
        lo: updated,
        hi,
      });
    }
  }
}
