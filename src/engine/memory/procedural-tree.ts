/**
 * One radix tree of page tables (guest, EPT or NPT) that maps one contiguous range with one page
 * size, computed on demand from the address of the entry being read — never stored.
 *
 * Frame layout (deterministic): the tables of each level take consecutive 4 KiB frames from
 * `tableBase`, the root first, then every table of the next level down in address order. The
 * table of level L that covers input address x is number ⌊x / cover(L)⌋ − ⌊mapBase / cover(L)⌋
 * of its level, so an entry's address alone says which level, which table and which index it is.
 */
import { TWO_32 } from '../bits';
import { pageShift } from '../paging';

export interface ProceduralTreeSpec {
  /** Levels of the tree (4 or 5): the root is a table of this level. */
  readonly levels: number;
  /** Level whose entries are the leaves: 1 (4 KiB pages), 2 (2 MiB) or 3 (1 GiB). */
  readonly leafLevel: number;
  /** Mapped input range [mapBase, mapBase + mapBytes), both multiples of the leaf page size. */
  readonly mapBase: number;
  readonly mapBytes: number;
  /** Output address of mapBase (a multiple of the leaf page size). */
  readonly outBase: number;
  /** Address of the root, as written in the entries that point to tables (4 KiB aligned). */
  readonly tableBase: number;
  /** Low flag bits of entries that point to a table, and of leaves (PS is added above level 1). */
  readonly nonLeafFlags: number;
  readonly leafFlags: number;
  readonly psFlag: number;
}

const FRAME = 4096;
const INV_FRAME = 1 / FRAME;
const INV_TWO_32 = 1 / TWO_32;
/** Bytes one table of `level` covers: 2 MiB for a page table, ×512 per level up. */
const coverOf = (level: number): number => 2 ** pageShift(level + 1);

export class ProceduralTree {
  /** The entry computed by the last `entry` call. */
  lo = 0;
  hi = 0;
  readonly levels: number;
  readonly leafLevel: number;
  /** Bytes of table frames, from tableBase. */
  readonly bytes: number;
  private readonly mapBase: number;
  private readonly mapEnd: number;
  private readonly outBase: number;
  private readonly tableBase: number;
  private readonly nonLeafFlags: number;
  private readonly leafFlags: number;
  // Per level (index = level): first frame of its section, frames in it, first table number.
  private readonly sectionStart = new Float64Array(6);
  private readonly sectionEnd = new Float64Array(6);
  private readonly firstTable = new Float64Array(6);
  private readonly cover = new Float64Array(6);
  private readonly span = new Float64Array(6);
  private readonly inverseCover = new Float64Array(6);

  /** `spec`: kept as given, so another engine can compute the same entries (docs/wasm-engine.md). */
  constructor(readonly spec: ProceduralTreeSpec) {
    const { levels, leafLevel, mapBase, mapBytes } = spec;
    const page = coverOf(leafLevel - 1);
    if (levels !== 4 && levels !== 5) throw new Error(`a tree has 4 or 5 levels, not ${levels}`);
    if (leafLevel < 1 || leafLevel > 3) throw new Error(`leaf level ${leafLevel} is not 1, 2 or 3`);
    if (mapBytes <= 0 || mapBase % page !== 0 || mapBytes % page !== 0 || spec.outBase % page !== 0) {
      throw new Error('the mapped range and its output must be aligned to the page size');
    }
    if (mapBase + mapBytes > coverOf(levels)) throw new Error('the mapped range exceeds the address width');
    if (spec.tableBase % FRAME !== 0) throw new Error('tables must start on a 4 KiB frame');
    this.levels = levels;
    this.leafLevel = leafLevel;
    this.mapBase = mapBase;
    this.mapEnd = mapBase + mapBytes;
    this.outBase = spec.outBase;
    this.tableBase = spec.tableBase;
    this.nonLeafFlags = spec.nonLeafFlags;
    this.leafFlags = spec.leafFlags | (leafLevel > 1 ? spec.psFlag : 0);
    let frame = 0;
    for (let level = levels; level >= leafLevel; level--) {
      const cover = coverOf(level);
      const first = Math.floor(mapBase / cover);
      const last = Math.floor((this.mapEnd - 1) / cover);
      this.cover[level] = cover;
      this.span[level] = cover / 512;
      this.inverseCover[level] = 1 / cover;
      this.firstTable[level] = first;
      this.sectionStart[level] = frame;
      frame += last - first + 1;
      this.sectionEnd[level] = frame;
    }
    this.bytes = frame * FRAME;
  }

  /** Number of table frames of `level` (0 below the leaf level). */
  tablesAt(level: number): number {
    return level < this.leafLevel || level > this.levels
      ? 0
      : this.sectionEnd[level]! - this.sectionStart[level]!;
  }

  /**
   * Computes the entry at byte `offset` from tableBase (0 ≤ offset < bytes, 8-byte aligned) into
   * lo/hi and returns its level.
   */
  entry(offset: number): number {
    // Divisions by powers of two are written as exact multiplications (cheaper than a divide).
    const frame = (offset * INV_FRAME) >>> 0;
    const index = (offset & 0xfff) >>> 3;
    const ends = this.sectionEnd;
    let level = this.leafLevel;
    while (frame < this.sectionStart[level]!) level++; // the leaf section is the largest: start there
    const span = this.span[level]!;
    const start =
      (this.firstTable[level]! + frame - this.sectionStart[level]!) * this.cover[level]! + index * span;
    if (start >= this.mapEnd || start + span <= this.mapBase || frame >= ends[this.leafLevel]!) {
      this.lo = 0;
      this.hi = 0;
      return level;
    }
    let target: number;
    let flags: number;
    if (level === this.leafLevel) {
      target = this.outBase + (start - this.mapBase);
      flags = this.leafFlags;
    } else {
      const below = level - 1;
      const frameBelow =
        this.sectionStart[below]! + start * this.inverseCover[below]! - this.firstTable[below]!;
      target = this.tableBase + frameBelow * FRAME;
      flags = this.nonLeafFlags;
    }
    this.lo = ((target >>> 0) | flags) >>> 0;
    this.hi = (target * INV_TWO_32) >>> 0;
    return level;
  }

  /** Address of the first table frame (the root). */
  get root(): number {
    return this.tableBase;
  }
}
