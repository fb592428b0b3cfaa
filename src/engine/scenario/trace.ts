/**
 * The trace JSON of the contract (shared/design/scenario.md): one result per access, then every
 * memory word after the run. Addresses and entry values are lowercase compact hex strings;
 * the #PF error code is a number.
 */
import { formatLinear } from '../address';
import { EXITQ_LINEAR_VALID } from '../bits';
import type { EnumerableMemory } from '../memory/physical-memory';
import type { AccessKind, Cpl, Outcome, PageSize, TranslationResult, WalkReference } from '../types';
import { hexOf, hexOfWord } from './hex';

export interface TraceReference {
  readonly kind: 'guest' | 'nested';
  readonly guestLevel: number;
  readonly nestedLevel?: number;
  readonly addr: string;
  readonly value: string;
}

export interface TraceResult {
  readonly va: string;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
  readonly outcome: Outcome;
  readonly gpa?: string;
  readonly pa?: string;
  readonly pageSize?: PageSize;
  readonly errorCode?: number;
  readonly faultAddress?: string;
  readonly guestLinearAddress?: string;
  readonly exitQualification?: string;
  readonly exitInfo1?: string;
  readonly exitInfo2?: string;
  readonly references: readonly TraceReference[];
}

export interface TraceWord {
  readonly addr: string;
  readonly value: string;
}

export interface Trace {
  readonly results: readonly TraceResult[];
  readonly memory: readonly TraceWord[];
}

export const toTraceReference = (ref: WalkReference): TraceReference => ({
  kind: ref.kind,
  guestLevel: ref.guestLevel,
  ...(ref.kind === 'nested' && ref.nestedLevel !== undefined && { nestedLevel: ref.nestedLevel }),
  addr: hexOf(ref.addr),
  value: hexOfWord(ref.lo, ref.hi),
});

/** Only the fields the contract names for the result's outcome. */
function outcomeFields(result: TranslationResult): Partial<TraceResult> {
  switch (result.outcome) {
    case 'ok':
      return {
        ...(result.mode !== 'native' && result.gpa !== undefined && { gpa: hexOf(result.gpa) }),
        ...(result.pa !== undefined && { pa: hexOf(result.pa) }),
        ...(result.pageSize !== undefined && { pageSize: result.pageSize }),
      };
    case 'page-fault':
      return {
        ...(result.errorCode !== undefined && { errorCode: result.errorCode }),
        faultAddress: formatLinear(result.faultLinear ?? result.va),
      };
    case 'ept-violation': {
      const q = result.exitQualification ?? 0;
      return {
        ...(result.faultGpa !== undefined && { faultAddress: hexOf(result.faultGpa) }),
        ...((q & EXITQ_LINEAR_VALID) !== 0 && {
          guestLinearAddress: formatLinear(result.guestLinearAddress ?? result.va),
        }),
        exitQualification: hexOf(q),
      };
    }
    case 'ept-misconfig':
      return { ...(result.faultGpa !== undefined && { faultAddress: hexOf(result.faultGpa) }) };
    case 'nested-page-fault':
      return {
        ...(result.exitInfo1 !== undefined && { exitInfo1: hexOf(result.exitInfo1) }),
        ...(result.faultGpa !== undefined && { exitInfo2: hexOf(result.faultGpa) }),
      };
    default:
      return {};
  }
}

export const toTraceResult = (result: TranslationResult): TraceResult => ({
  va: formatLinear(result.va),
  kind: result.kind,
  cpl: result.cpl,
  outcome: result.outcome,
  ...outcomeFields(result),
  references: result.references.map(toTraceReference),
});

export function traceMemory(memory: EnumerableMemory): TraceWord[] {
  const words: TraceWord[] = [];
  memory.forEachWord((addr, lo, hi) => words.push({ addr: hexOf(addr), value: hexOfWord(lo, hi) }));
  return words;
}
