/**
 * Words for what a cache did in a walk: which structure, which entry, which grid cells it spared
 * (see docs/walk-view.md). Everything is read from the hit events' own fields.
 */
import type { PwcHitEvent, TlbEvictEvent, TlbHitEvent } from '../../../engine';
import type { SkippedCell } from '../../../engine';
import { guestTableName, levelName, nestedName, rowSubject } from './names';
import type { WalkModel } from './walk-model';

const KIND_TEXT: Record<string, (nested: string) => string> = {
  tlb: () => 'TLB',
  pwc: () => 'paging-structure cache',
  'gpa-tlb': () => 'guest-physical TLB',
  'nested-pwc': (nested) => `${nested} paging-structure cache`,
};

/** "the guest-physical TLB gpa-tlb-4k". */
export const structureText = (model: WalkModel, hit: { cacheKind: string; structure: string }): string =>
  `the ${(KIND_TEXT[hit.cacheKind] ?? (() => 'cache'))(nestedName(model.mode))} ${hit.structure}`;

/** "set 3, way 1" and what the entry holds. */
export function entryText(model: WalkModel, hit: TlbHitEvent | PwcHitEvent): string {
  const where = `set ${hit.set}, way ${hit.way}`;
  if (hit.type === 'pwc-hit') {
    const table =
      hit.cacheKind === 'nested-pwc'
        ? `${nestedName(model.mode)} ${levelName(hit.level)}`
        : guestTableName(model.mode, hit.level);
    return `its ${table} entry (${where})`;
  }
  const what =
    hit.cacheKind === 'gpa-tlb'
      ? `the gPA → hPA mapping of ${rowSubject(model.mode, hit.guestLevel)}`
      : `the whole translation`;
  return `its entry for ${what} (${where}, ${hit.pageSize} page)`;
}

/** The spared cells in words: "the guest PML4 read and the EPT walk of the guest PML4 entry (4 reads)". */
export function cellsText(model: WalkModel, cells: readonly SkippedCell[]): string {
  const guest = cells.filter((c) => c.nestedLevel === 0).map((c) => c.guestLevel);
  const rows = new Map<number, number>();
  for (const c of cells) if (c.nestedLevel > 0) rows.set(c.guestLevel, (rows.get(c.guestLevel) ?? 0) + 1);
  const parts: string[] = [];
  if (guest.length) {
    const names = guest.map((g) => levelName(g)).join(', ');
    parts.push(`the ${model.mode === 'native' ? '' : 'guest '}${names} read${guest.length === 1 ? '' : 's'}`);
  }
  for (const [row, reads] of rows) {
    parts.push(
      `the ${nestedName(model.mode)} walk of ${rowSubject(model.mode, row)} (${reads} read${reads === 1 ? '' : 's'})`,
    );
  }
  const list =
    parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${list}: ${cells.length} cell${cells.length === 1 ? '' : 's'}`;
}

/** A hit dropped because the entry cannot serve this access. */
export function dropText(model: WalkModel, drop: TlbEvictEvent): string {
  const why =
    drop.reason === 'dirty-clear'
      ? 'its D flag is clear and this write must set D in memory, so the entry is dropped and the walk is made'
      : 'it does not allow this access, so the entry is dropped and the walk is made to check the rights in memory';
  return `${structureText(model, drop)} had an entry (set ${drop.set}, way ${drop.way}) but ${why}`;
}
