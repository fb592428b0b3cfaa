/**
 * Builds the guest page tables for `guestMappings`: the root at CR3's address, further tables in
 * consecutive 4 KiB frames. With EPT / NPT on these frames are guest-physical: each word is written
 * at the host-physical address the nested mappings give its frame; a frame no nested mapping
 * covers is not written (the walk then shows the EPT violation or #NPF, as hardware would).
 */
import { PAGE_4K } from '../bits';
import { formatPhys, levelIndex } from '../address';
import type { IssueList } from './errors';
import type { Scenario } from './model';
import { buildTree, type TreeFrame } from './table-tree';
import { guestLeafEntry, ordinaryTableEntry } from './entries';
import { levelOfPageSize, tableName } from '../paging';
import type { Placement } from './nested-builder';
import type { WordImage } from './word-image';

export interface GuestTables {
  readonly frames: readonly TreeFrame[];
  /** Guest-table frames left unwritten because no nested mapping covers them. */
  readonly unplaced: readonly TreeFrame[];
}

export function buildGuestTables(
  scenario: Scenario,
  placement: Placement | undefined,
  image: WordImage,
  issues: IssueList,
): GuestTables {
  const { cpu, guestMappings } = scenario;
  const levels = cpu.la57 ? 5 : 4;
  const root = cpu.cr3 - (cpu.cr3 % PAGE_4K);
  const tree = buildTree(
    {
      root,
      levels,
      leaves: guestMappings.map((m) => {
        const leafLevel = levelOfPageSize(m.size);
        const indices: number[] = [];
        for (let level = levels; level >= leafLevel; level--)
          indices.push(levelIndex(m.va.hi, m.va.lo, level));
        const value = guestLeafEntry(m.pa, m.size, m.flags);
        return { indices, leafLevel, lo: value.lo, hi: value.hi };
      }),
      tableEntry: ordinaryTableEntry,
      tableName,
      listName: 'guestMappings',
    },
    issues,
  );
  const place = placement ?? ((gpa: number) => gpa);
  const unplaced = new Set<number>();
  for (const word of tree.words) {
    const addr = place(word.addr);
    if (addr === undefined) {
      unplaced.add(word.addr - (word.addr % PAGE_4K));
      continue;
    }
    const where = placement ? ` at gpa ${formatPhys(word.addr)}` : '';
    const source = `guestMappings[${word.mapping}] (${tableName(word.level)} entry ${word.index}${where})`;
    image.put(addr, word.lo, word.hi, source, ['guestMappings', word.mapping]);
  }
  return { frames: tree.frames, unplaced: tree.frames.filter((f) => unplaced.has(f.frame)) };
}
