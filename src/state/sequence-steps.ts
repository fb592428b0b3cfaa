/**
 * A sequence of steps after the picked access, built from buttons: each appends steps of the
 * scenario format (memory accesses and the cache operations of docs/caches.md) to the document's
 * `accesses` list, which can then be reordered and cut. The engine walks the result; nothing here
 * predicts a count (docs/walk-view.md, "Sequences").
 */
import { withMovedAccess, type AddressMove } from './sequence-address';
import {
  accessOf,
  hexToBigInt,
  isOperationStep,
  stepIndexOfAccess,
  toHex,
  withoutExpectations,
  type ScenarioAccessDoc,
  type ScenarioDoc,
} from './scenario-doc';

export type SequenceAction =
  'again' | 'write' | AddressMove | 'invlpg' | 'mov-cr3' | 'mov-cr3-pcid' | 'invept' | 'vm-exit-entry';

export interface SequenceEdit {
  readonly doc: ScenarioDoc;
  /** The memory access to show after the edit (counting accesses only). */
  readonly pick: number;
}

type Step = ScenarioAccessDoc | Record<string, unknown>;

/** Why an action does not apply to this document, or null when it does. */
export function sequenceActionBlocked(doc: ScenarioDoc, action: SequenceAction): string | null {
  const nested = doc.ept !== undefined || doc.npt !== undefined;
  if (action === 'invept' && !doc.ept) return 'INVEPT needs Intel EPT';
  if (action === 'vm-exit-entry' && !nested) return 'a native walk has no VM to leave';
  if ((action === 'neighbour-page' || action === 'other-2m' || action === 'other-1g') && !doc.guestMappings)
    return 'another address needs guest tables built from guestMappings (an edited entry replaced them)';
  return null;
}

/** The memory access number of the last memory access in `steps`. */
const lastAccess = (steps: readonly unknown[]): number => steps.filter((s) => !isOperationStep(s)).length - 1;

const withSteps = (doc: ScenarioDoc, steps: readonly Step[]): ScenarioDoc => ({
  ...withoutExpectations(doc),
  accesses: steps as ScenarioAccessDoc[],
});

/** CR3 as the scenario loads it, PCID included, for a MOV to CR3 that reloads the same tables. */
function currentCr3(doc: ScenarioDoc): string {
  const cr3 = hexToBigInt(doc.cpu?.cr3) ?? 0n;
  const pcid = typeof doc.cpu?.pcid === 'number' ? BigInt(doc.cpu.pcid) : 0n;
  return toHex(cr3 + pcid);
}

/**
 * Appends the steps of `action` after the document's last step. Operations are followed by the
 * picked access again, so the walk right after shows what the operation removed. Throws an Error
 * saying why when the action does not apply.
 */
export function appendToSequence(doc: ScenarioDoc, access: number, action: SequenceAction): SequenceEdit {
  const blocked = sequenceActionBlocked(doc, action);
  if (blocked) throw new Error(blocked);
  const picked = accessOf(doc, access);
  if (!picked) throw new Error(`there is no access ${access + 1} to continue from`);
  const again: ScenarioAccessDoc = { ...picked };
  let base = doc;
  let added: Step[];
  switch (action) {
    case 'again':
      added = [again];
      break;
    case 'write':
      added = [{ ...picked, kind: 'write' }];
      break;
    case 'neighbour-page':
    case 'other-2m':
    case 'other-1g': {
      const moved = withMovedAccess(doc, picked, action);
      base = moved.doc;
      added = [moved.access];
      break;
    }
    case 'invlpg':
      added = [{ op: 'invlpg', va: picked.va }, again];
      break;
    case 'mov-cr3':
      added = [{ op: 'mov-cr3', cr3: currentCr3(doc) }, again];
      break;
    case 'mov-cr3-pcid':
      // Bit 63 keeps the PCID's entries only with CR4.PCIDE on: the machine gets PCIDs.
      base = { ...doc, cpu: { ...doc.cpu, cr4: { ...doc.cpu?.cr4, pcide: true } } };
      added = [{ op: 'mov-cr3', cr3: currentCr3(doc), noFlush: true }, again];
      break;
    case 'invept':
      added = [{ op: 'invept', type: 'single-context' }, again];
      break;
    case 'vm-exit-entry':
      added = [{ op: 'vm-exit' }, { op: 'vm-entry' }, again];
      break;
  }
  const steps = [...(base.accesses ?? []), ...added];
  return { doc: withSteps(base, steps), pick: lastAccess(steps) };
}

/** The memory access number of step `index` (an operation: the access before it, else 0). */
function accessAtOrBefore(steps: readonly unknown[], index: number): number {
  return Math.max(0, lastAccess(steps.slice(0, index + 1)));
}

/** Moves step `index` by `delta` places; the picked access stays picked wherever it lands. */
export function moveStep(doc: ScenarioDoc, index: number, delta: -1 | 1, picked: number): SequenceEdit {
  const steps = [...(doc.accesses ?? [])];
  const to = index + delta;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return { doc, pick: picked };
  const pickedStep = steps[stepIndexOfAccess(doc, picked)];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  const pick = steps.indexOf(pickedStep!);
  return { doc: withSteps(doc, steps), pick: accessAtOrBefore(steps, pick) };
}

/** Removes step `index`; the last memory access cannot go (a scenario walks at least one). */
export function removeStep(doc: ScenarioDoc, index: number, picked: number): SequenceEdit {
  const steps = [...(doc.accesses ?? [])];
  if (index < 0 || index >= steps.length) return { doc, pick: picked };
  if (!isOperationStep(steps[index]) && lastAccess(steps) === 0)
    throw new Error('a scenario needs at least one memory access');
  const pickedStep = steps[stepIndexOfAccess(doc, picked)];
  steps.splice(index, 1);
  const at = steps.indexOf(pickedStep!);
  // The picked access removed: show the access that took its place (or the one before).
  const pick = at >= 0 ? accessAtOrBefore(steps, at) : Math.min(picked, lastAccess(steps));
  return { doc: withSteps(doc, steps), pick };
}
