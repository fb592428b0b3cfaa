/**
 * The starting contents of (host-)physical memory, word by word, each word remembering who put it
 * there. Two different values for one word is a conflict naming both sources, never an overwrite.
 */
import { hexOf, hexOfWord } from './hex';
import type { IssueList } from './errors';

export interface ImageWord {
  readonly addr: number;
  readonly lo: number;
  readonly hi: number;
  /** Who wrote it, for messages: `memory[3]`, `guestMappings[0] (PML4 entry)`. */
  readonly source: string;
}

export class WordImage {
  private readonly words = new Map<number, ImageWord>();

  constructor(private readonly issues: IssueList) {}

  /** Records a word; a different value already there is reported at `path`. */
  put(addr: number, lo: number, hi: number, source: string, path: (string | number)[]): void {
    const existing = this.words.get(addr);
    if (existing === undefined) {
      this.words.set(addr, { addr, lo: lo >>> 0, hi: hi >>> 0, source });
      return;
    }
    if (existing.lo === lo >>> 0 && existing.hi === hi >>> 0) return;
    this.issues.add(
      path,
      `${source} writes ${hexOfWord(lo, hi)} at ${hexOf(addr)}, where ${existing.source} already put ` +
        `${hexOfWord(existing.lo, existing.hi)}`,
    );
  }

  /** Every word in ascending address order. */
  sorted(): ImageWord[] {
    return [...this.words.values()].sort((a, b) => a.addr - b.addr);
  }
}
