/**
 * The trace JSON of the contract (docs/scenario-format.md): one result per access, then every
 * memory word after the run. Addresses and entry values are lowercase compact hex strings;
 * the #PF error code is a number.
 */
import { formatLinear } from '../address';
import { EXITQ_LINEAR_VALID } from '../bits';
import type { EnumerableMemory } from '../memory/physical-memory';
import type { AccessKind, Cpl, Outcome, PageSize, WalkReference } from '../vocabulary';
import type { TranslationResult } from '../result';
import type { CacheOpResult } from '../cache/cache-ops';
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
  /** With translation caches: the walk steps a cache spared (absent when none). */
  readonly skipped?: readonly TraceSkipped[];
  /** The translation used a cached entry that no longer matches memory. */
  readonly stale?: true;
  readonly staleBy?: readonly string[];
}

export interface TraceSkipped {
  readonly by: string;
  readonly kind: 'guest' | 'nested';
  readonly guestLevel: number;
  readonly nestedLevel: number;
}

/** A cache operation among the accesses (INVLPG, MOV CR3, a plain write, …). */
export interface TraceOperation {
  /** Its index in the scenario's `accesses` list. */
  readonly step: number;
  /** The number of results before it (it ran between results[before − 1] and results[before]). */
  readonly before: number;
  readonly op: string;
  readonly description: string;
  readonly removed: Readonly<Record<string, number>>;
}

export interface TraceWord {
  readonly addr: string;
  readonly value: string;
}

export interface Trace {
  readonly results: readonly TraceResult[];
  /** Cache operations, when the scenario has any. */
  readonly operations?: readonly TraceOperation[];
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
        pa: hexOf(result.pa),
        pageSize: result.pageSize,
      };
    case 'page-fault':
      return {
        errorCode: result.errorCode,
        faultAddress: formatLinear(result.faultLinear),
      };
    case 'ept-violation': {
      const q = result.exitQualification;
      return {
        faultAddress: hexOf(result.faultGpa),
        ...((q & EXITQ_LINEAR_VALID) !== 0 && {
          guestLinearAddress: formatLinear(result.guestLinearAddress),
        }),
        exitQualification: hexOf(q),
      };
    }
    case 'ept-misconfig':
      return { faultAddress: hexOf(result.faultGpa) };
    case 'nested-page-fault':
      return {
        exitInfo1: hexOf(result.exitInfo1),
        exitInfo2: hexOf(result.faultGpa),
      };
    case 'general-protection':
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
  ...(result.skipped !== undefined &&
    result.skipped.length > 0 && {
      skipped: result.skipped.map(({ by, kind, guestLevel, nestedLevel }) => ({
        by,
        kind,
        guestLevel,
        nestedLevel,
      })),
    }),
  ...(result.stale && { stale: true as const, staleBy: result.staleBy ?? [] }),
});

export const toTraceOperation = (step: number, before: number, result: CacheOpResult): TraceOperation => ({
  step,
  before,
  op: result.op,
  description: result.description,
  removed: result.removed,
});

export function traceMemory(memory: EnumerableMemory): TraceWord[] {
  const words: TraceWord[] = [];
  memory.forEachWord((addr, lo, hi) => words.push({ addr: hexOf(addr), value: hexOfWord(lo, hi) }));
  return words;
}
