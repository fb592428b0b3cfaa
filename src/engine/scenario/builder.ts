/**
 * The scenario's starting memory: the given `memory` words, then the nested tables built for
 * `eptMappings`, then the guest tables built for `guestMappings` (placed through the nested
 * mappings). Any word written twice with different values is a ScenarioError naming both sources.
 */
import { formatPhys } from '../address';
import { IssueList } from './errors';
import type { Scenario } from './model';
import { buildNestedTables } from './nested-builder';
import { buildGuestTables } from './guest-builder';
import { tableName } from '../paging';
import { WordImage, type ImageWord } from './word-image';
import type { TreeFrame } from './table-tree';

export interface MemoryImage {
  /** Every word given or built, ascending by address. */
  readonly words: readonly ImageWord[];
  /** Table frames the builders used: guest (guest-physical) and nested (host-physical), root first. */
  readonly guestFrames: readonly TreeFrame[];
  readonly nestedFrames: readonly TreeFrame[];
  /** Things worth telling the user that are not errors (e.g. unmapped guest-table frames). */
  readonly notes: readonly string[];
}

export function buildMemoryImage(scenario: Scenario): MemoryImage {
  const issues = new IssueList();
  const image = new WordImage(issues);
  scenario.memory.forEach((word, i) => image.put(word.addr, word.lo, word.hi, `memory[${i}]`, ['memory', i]));
  const nested = buildNestedTables(scenario, image, issues);
  const guest = buildGuestTables(scenario, nested?.placement, image, issues);
  issues.throwIfAny();
  const notes = guest.unplaced.map(
    (frame) =>
      `the ${tableName(frame.level)} at gpa ${formatPhys(frame.frame)} (needed by guestMappings[${frame.mapping}]) ` +
      'is not covered by any eptMappings entry: its entries are not written, and a walk through it stops ' +
      'with a nested fault there',
  );
  return { words: image.sorted(), guestFrames: guest.frames, nestedFrames: nested?.frames ?? [], notes };
}
