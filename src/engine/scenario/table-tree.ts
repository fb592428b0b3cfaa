/**
 * Lays out a radix tree of 4 KiB paging-structure tables for a list of leaf mappings: the root at
 * a given frame, every further table in the next free consecutive frame, in the order the mappings
 * need them. Shared by the guest-table and nested-table (EPT / NPT) builders. Structural clashes
 * (a large page where a table pointer must go, two different leaves in one slot) are reported.
 */
import { PAGE_4K } from '../bits';
import { pageSizeOfLevel } from '../paging';
import type { IssueList } from './errors';

export interface TreeLeaf {
  /** Table index at each level, top level first, down to and including `leafLevel`. */
  readonly indices: readonly number[];
  /** 1 = 4 KiB page, 2 = 2 MiB, 3 = 1 GiB. */
  readonly leafLevel: number;
  readonly lo: number;
  readonly hi: number;
}

export interface TreeSpec {
  readonly root: number;
  readonly levels: number;
  readonly leaves: readonly TreeLeaf[];
  /** Value of a non-leaf entry pointing at the table in `frame`. */
  readonly tableEntry: (frame: number) => { lo: number; hi: number };
  /** Name of the table at `level` ("PML4", "EPT PD" …), for messages. */
  readonly tableName: (level: number) => string;
  /** The mappings list the leaves come from ("guestMappings"), for messages and paths. */
  readonly listName: string;
}

export interface TreeWord {
  /** Address of the entry in the tables' own address space (guest-physical for guest tables). */
  readonly addr: number;
  readonly lo: number;
  readonly hi: number;
  /** The table level holding the entry, its index, and the mapping that made it. */
  readonly level: number;
  readonly index: number;
  readonly mapping: number;
}

export interface TreeFrame {
  readonly frame: number;
  readonly level: number;
  /** The mapping that first needed this table. */
  readonly mapping: number;
}

export interface Tree {
  readonly words: readonly TreeWord[];
  /** Every table used, the root first, in allocation order. */
  readonly frames: readonly TreeFrame[];
}

type Slot =
  | { readonly kind: 'table'; readonly child: number; readonly owner: number }
  | { readonly kind: 'leaf'; readonly lo: number; readonly hi: number; readonly owner: number };

export function buildTree(spec: TreeSpec, issues: IssueList): Tree {
  const { levels, tableName, listName } = spec;
  const tables = new Map<number, Map<number, Slot>>();
  const frames: TreeFrame[] = [];
  let nextFrame = spec.root + PAGE_4K;
  const tableAt = (frame: number): Map<number, Slot> => {
    let table = tables.get(frame);
    if (table === undefined) tables.set(frame, (table = new Map()));
    return table;
  };
  const slotName = (level: number, index: number) => `${tableName(level)} entry ${index}`;

  if (spec.leaves.length > 0) frames.push({ frame: spec.root, level: levels, mapping: 0 });
  spec.leaves.forEach((leaf, mapping) => {
    const here = `${listName}[${mapping}]`;
    let frame = spec.root;
    for (let level = levels; level > leaf.leafLevel; level--) {
      const index = leaf.indices[levels - level]!;
      const table = tableAt(frame);
      let slot = table.get(index);
      if (slot === undefined) {
        slot = { kind: 'table', child: nextFrame, owner: mapping };
        frames.push({ frame: nextFrame, level: level - 1, mapping });
        nextFrame += PAGE_4K;
        table.set(index, slot);
      } else if (slot.kind === 'leaf') {
        issues.add(
          [listName, mapping],
          `${here} needs a ${tableName(level - 1)} table under ${slotName(level, index)}, where ` +
            `${listName}[${slot.owner}] maps a ${pageSizeOfLevel(level)} page`,
        );
        return;
      }
      frame = slot.child;
    }
    const index = leaf.indices[levels - leaf.leafLevel]!;
    const table = tableAt(frame);
    const slot = table.get(index);
    if (slot === undefined) {
      table.set(index, { kind: 'leaf', lo: leaf.lo >>> 0, hi: leaf.hi >>> 0, owner: mapping });
    } else if (slot.kind === 'table') {
      issues.add(
        [listName, mapping],
        `${here} maps a ${pageSizeOfLevel(leaf.leafLevel)} page in ${slotName(leaf.leafLevel, index)}, where ` +
          `${listName}[${slot.owner}] needs a ${tableName(leaf.leafLevel - 1)} table`,
      );
    } else if (slot.lo !== leaf.lo >>> 0 || slot.hi !== leaf.hi >>> 0) {
      issues.add(
        [listName, mapping],
        `${here} maps the same ${pageSizeOfLevel(leaf.leafLevel)} page as ${listName}[${slot.owner}] ` +
          `(${slotName(leaf.leafLevel, index)}) with a different entry`,
      );
    }
  });

  const levelOf = new Map(frames.map((f) => [f.frame, f.level]));
  const words: TreeWord[] = [];
  for (const [frame, table] of tables) {
    const level = levelOf.get(frame)!;
    for (const [index, slot] of table) {
      const value = slot.kind === 'table' ? spec.tableEntry(slot.child) : slot;
      words.push({
        addr: frame + index * 8,
        lo: value.lo >>> 0,
        hi: value.hi >>> 0,
        level,
        index,
        mapping: slot.owner,
      });
    }
  }
  return { words, frames };
}
