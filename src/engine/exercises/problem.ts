/**
 * A generated exercise (docs/exercises.md): a question, the fields the student fills in, the
 * solution the engine computed, and the explanation shown after checking. Plain data, so it
 * crosses the worker boundary and prints on a worksheet.
 */
export const PROBLEM_KINDS = [
  'walk-count',
  'index-split',
  'translate',
  'find-fault',
  'error-code',
  'exit-qualification',
  'tlb-sequence',
  'linear-table',
  'tlb-reach',
  'shadow-vs-ept',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const isProblemKind = (text: string): text is ProblemKind =>
  (PROBLEM_KINDS as readonly string[]).includes(text);

/** How an answer is typed and compared: a decimal number, a hex value, or one of the choices. */
export type AnswerFormat = 'number' | 'hex' | 'choice';

export interface AnswerChoice {
  readonly value: string;
  readonly label: string;
}

export interface AnswerField {
  readonly id: string;
  readonly label: string;
  readonly format: AnswerFormat;
  readonly choices?: readonly AnswerChoice[];
}

export interface Problem {
  readonly kind: ProblemKind;
  readonly seed: number;
  /** A short title, e.g. "Count the references of a 2D walk". */
  readonly title: string;
  /** The question, one paragraph per entry. */
  readonly question: readonly string[];
  /** Facts the question gives, as label/value rows (mappings, registers, accesses). */
  readonly given: readonly { readonly label: string; readonly value: string }[];
  readonly fields: readonly AnswerField[];
  /** The engine's answer per field id, in canonical form (decimal, 0x-hex, or a choice value). */
  readonly solution: Readonly<Record<string, string>>;
  /** Why the answer is what it is, one sentence per entry. */
  readonly explanation: readonly string[];
  /** The scenario the problem is about, when there is one: it opens in the walk view. */
  readonly scenario?: Readonly<Record<string, unknown>>;
}

/** The kinds' one-line descriptions, for pickers and worksheets. */
export const PROBLEM_KIND_TITLES: Readonly<Record<ProblemKind, string>> = {
  'walk-count': 'Count the references of one TLB miss',
  'index-split': 'Split a linear address into its table indices',
  translate: 'Translate a guest-virtual address to guest- and host-physical',
  'find-fault': 'Find how an access ends: success, #PF, #GP or an EPT exit',
  'error-code': 'Give the #PF error code',
  'exit-qualification': 'Give the EPT violation’s exit qualification',
  'tlb-sequence': 'Count references along a sequence with TLBs and paging-structure caches',
  'linear-table': 'What would a single linear page table cost?',
  'tlb-reach': 'How much memory does a TLB cover?',
  'shadow-vs-ept': 'Count the VM exits: shadow page tables against EPT',
};
