/**
 * The sequence as a list: one row per step of the document's `accesses`, each memory access with
 * what its walk cost (from the engine's trace), each operation with what the engine says it
 * removed.
 */
import type { TraceJson } from '../worker/protocol';
import { isOperationStep, type ScenarioDoc } from './scenario-doc';

export interface SequenceRow {
  /** Index in the document's `accesses` list. */
  readonly step: number;
  /** Memory access number (results and event lists count these), or null for an operation. */
  readonly access: number | null;
  readonly label: string;
  /** The engine's account: references made and cells spared, or what an operation removed. */
  readonly detail: string;
  /** An operation's sentence from the engine: what it invalidated and why. */
  readonly description: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function operationLabel(step: Record<string, unknown>): string {
  switch (step.op) {
    case 'invlpg':
      return `INVLPG ${String(step.va)}`;
    case 'mov-cr3':
      return `MOV to CR3 ${String(step.cr3)}${step.noFlush === true ? ', bit 63 set (keep the PCID’s entries)' : ''}`;
    case 'invept':
      return `INVEPT (${String(step.type ?? 'single-context')})`;
    case 'vm-exit':
      return 'VM exit';
    case 'vm-entry':
      return 'VM entry';
    case 'write-entry':
      return `write ${String(step.value)} to ${String(step.addr)}`;
    default:
      return String(step.op).toUpperCase();
  }
}

const OUTCOME_NAMES: Record<string, string> = {
  'page-fault': 'page fault',
  'general-protection': '#GP',
  'ept-violation': 'EPT violation',
  'ept-misconfig': 'EPT misconfiguration',
  'nested-page-fault': '#NPF',
};

export function sequenceRows(doc: ScenarioDoc | null, trace: TraceJson | null): SequenceRow[] {
  const steps = doc?.accesses ?? [];
  let access = -1;
  return steps.map((raw, step): SequenceRow => {
    const fields = raw as Record<string, unknown>;
    if (isOperationStep(raw)) {
      const op = trace?.operations?.find((o) => o.step === step);
      const removed = op ? Object.values(op.removed).reduce((sum, n) => sum + n, 0) : null;
      return {
        step,
        access: null,
        label: operationLabel(fields),
        detail:
          op === undefined ? 'not run yet' : `${removed} ${removed === 1 ? 'entry' : 'entries'} removed`,
        description: op?.description ?? '',
      };
    }
    access++;
    const result = trace?.results[access];
    const label = `${String(fields.kind ?? 'read')} ${String(fields.va)}`;
    if (!result) return { step, access, label, detail: 'not walked yet', description: '' };
    const refs = plural(result.references.length, 'reference');
    const spared = result.skipped?.length
      ? `, ${plural(result.skipped.length, 'cell')} spared by caches`
      : '';
    const outcome = result.outcome === 'ok' ? '' : ` · ${OUTCOME_NAMES[result.outcome] ?? result.outcome}`;
    return { step, access, label, detail: `${refs}${spared}${outcome}`, description: '' };
  });
}
