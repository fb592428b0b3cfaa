/**
 * Builds the nested tables for `eptMappings`: Intel EPT rooted at the EPTP's address, or — with
 * AMD nested paging on — the long-mode-format nested table rooted at nCR3 (the same list serves
 * both). Tables take consecutive 4 KiB frames from the root upward.
 */
import { EPTP_WALK_LENGTH, EPTP_WALK_LENGTH_SHIFT, PAGE_4K } from '../bits';
import { bytesOfPageSize, levelOfPageSize, tableName } from '../paging';
import { physIndex } from '../address';
import type { IssueList } from './errors';
import type { NestedMapping, Scenario } from './model';
import { buildTree, type TreeFrame } from './table-tree';
import { eptLeafEntry, eptTableEntry, nptLeafEntry, ordinaryTableEntry } from './entries';
import type { WordImage } from './word-image';

/** Guest-physical → host-physical through the mappings list; undefined where nothing maps it. */
export type Placement = (gpa: number) => number | undefined;

export const eptLevels = (eptp: number): number => ((eptp & EPTP_WALK_LENGTH) >>> EPTP_WALK_LENGTH_SHIFT) + 1;
const frameOf = (addr: number): number => addr - (addr % PAGE_4K);

/** The first mapping covering `gpa` decides, whatever its permissions: its address field is there. */
export function placementOf(mappings: readonly NestedMapping[]): Placement {
  return (gpa) => {
    for (const m of mappings) {
      const offset = gpa - m.gpa;
      if (offset >= 0 && offset < bytesOfPageSize(m.size)) return m.hpa + offset;
    }
    return undefined;
  };
}

export interface NestedTables {
  readonly placement: Placement;
  readonly frames: readonly TreeFrame[];
}

/** Writes the nested tables into `image`; returns where guest-physical frames land. */
export function buildNestedTables(
  scenario: Scenario,
  image: WordImage,
  issues: IssueList,
): NestedTables | undefined {
  const { ept, npt, eptMappings } = scenario;
  if (ept === undefined && npt === undefined) return undefined;
  const intel = ept !== undefined;
  const root = frameOf(intel ? ept.eptp : npt!.ncr3);
  const levels = intel ? eptLevels(ept.eptp) : npt!.levels;
  const prefix = intel ? 'EPT' : 'nested';
  const tree = buildTree(
    {
      root,
      levels,
      leaves: eptMappings.map((m) => {
        const leafLevel = levelOfPageSize(m.size);
        const indices: number[] = [];
        for (let level = levels; level >= leafLevel; level--) indices.push(physIndex(m.gpa, level));
        const value = intel
          ? eptLeafEntry(m.hpa, m.size, m.perms)
          : nptLeafEntry(m.hpa, m.size, m.perms, npt!.nxe);
        return { indices, leafLevel, lo: value.lo, hi: value.hi };
      }),
      tableEntry: intel ? eptTableEntry : ordinaryTableEntry,
      tableName: (level) => `${prefix} ${tableName(level)}`,
      listName: 'eptMappings',
    },
    issues,
  );
  for (const word of tree.words) {
    const source = `eptMappings[${word.mapping}] (${prefix} ${tableName(word.level)} entry ${word.index})`;
    image.put(word.addr, word.lo, word.hi, source, ['eptMappings', word.mapping]);
  }
  return { placement: placementOf(eptMappings), frames: tree.frames };
}
