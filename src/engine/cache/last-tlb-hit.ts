/**
 * The last usable TLB hit on the bulk path, kept for the next access to the same 4 KiB page. While
 * no structure has been filled or invalidated since (CacheCore.changes), looking that page up again
 * would probe the same keys in the same contents and find the same entry, so only the lookup's
 * effects — counts, the LRU touch, the result fields — need replaying. Sequential and strided
 * accesses touch one page many times in a row.
 */
const PAGE_SHIFT = 12;

export class LastTlbHit {
  /** `changes[0]` when the hit was recorded (−1: none recorded). */
  private stamp = -1;
  private vaHi = 0;
  private page = 0;
  private tag = 0;
  private fetch = false;
  /** Where the lookup found it: the structure's position in the list searched, entry, page level. */
  position = 0;
  entry = 0;
  level = 0;

  constructor(private readonly changes: Float64Array) {}

  /** A hit at `position` / `entry` / `level` for this address, context tag and side. */
  record(
    vaHi: number,
    vaLo: number,
    tag: number,
    fetch: boolean,
    position: number,
    entry: number,
    level: number,
  ): void {
    this.stamp = this.changes[0]!;
    this.vaHi = vaHi;
    this.page = vaLo >>> PAGE_SHIFT;
    this.tag = tag;
    this.fetch = fetch;
    this.position = position;
    this.entry = entry;
    this.level = level;
  }

  /** Whether a lookup of this address would find the recorded hit again. */
  repeats(vaHi: number, vaLo: number, tag: number, fetch: boolean): boolean {
    return (
      this.stamp === this.changes[0] &&
      this.vaHi === vaHi &&
      this.page === vaLo >>> PAGE_SHIFT &&
      this.tag === tag &&
      this.fetch === fetch
    );
  }
}
