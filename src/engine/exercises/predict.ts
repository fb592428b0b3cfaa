/**
 * Predict mode (docs/exercises.md, "Predict mode"): from a walk's own event list, the questions a
 * student answers before each step is revealed — how many references in all, then per step which
 * table is read, with which index and at which address, and at the end how the access ends (with
 * the #PF error code or the exit qualification). Every answer is the engine's; nothing is guessed.
 */
import type { GuestReadEvent, NestedReadEvent, WalkEvent } from '../events';
import { referencesOf } from '../event-references';
import { formatLinear, formatPhys } from '../address';
import { levelName } from '../paging';
import { decodeExitQualification, decodePageFaultErrorCode, describeBits } from '../decode';
import type { PagingMode } from '../vocabulary';
import type { AnswerField } from './problem';
import { OUTCOME_WORDS } from './kinds/fault-words';

export interface Prediction {
  /** A stable id within the walk, e.g. "total", "step-5", "outcome". */
  readonly id: string;
  /** The cursor at which it is asked: the student predicts what the next step (or the end) shows. */
  readonly at: number;
  /** A short name, e.g. "Step 5", shown above the checked answer. */
  readonly title: string;
  readonly question: string;
  readonly fields: readonly AnswerField[];
  /** The engine's answer per field id, in canonical form (decimal, 0x-hex, or a choice value). */
  readonly solution: Readonly<Record<string, string>>;
  /** Why, one sentence per entry; shown after the answer is checked. */
  readonly explanation: readonly string[];
}

const hex = (value: number): string => '0x' + value.toString(16);

const tableLabel = (mode: PagingMode, dimension: 'guest' | 'nested', level: number): string =>
  dimension === 'guest'
    ? `${mode === 'native' ? '' : 'guest '}${levelName(level)} (level ${level})`
    : `${mode === 'npt' ? 'nested' : 'EPT'} ${levelName(level)} (level ${level})`;

/** Every table the walk could read next: each guest level, then each nested level. */
function tableChoices(mode: PagingMode, guestLevels: number, nestedLevels: number): AnswerField {
  const choices = [];
  for (let level = guestLevels; level >= 1; level--)
    choices.push({ value: `guest-${level}`, label: tableLabel(mode, 'guest', level) });
  if (mode !== 'native')
    for (let level = nestedLevels; level >= 1; level--)
      choices.push({ value: `nested-${level}`, label: tableLabel(mode, 'nested', level) });
  return { id: 'table', label: 'Table read', format: 'choice', choices };
}

function subjectOf(mode: PagingMode, ref: NestedReadEvent): string {
  return ref.guestLevel === 0
    ? `the data's gPA ${formatPhys(ref.gpa)}`
    : `gPA ${formatPhys(ref.gpa)}, where the ${tableLabel(mode, 'guest', ref.guestLevel)} entry lies`;
}

/** Where the walk took the table's base from: CR3, the EPTP (nCR3), or the entry one level up. */
function baseSource(mode: PagingMode, ref: GuestReadEvent | NestedReadEvent, top: Tops): string {
  if (ref.type === 'guest-read')
    return ref.guestLevel === top.guest ? 'CR3' : `the level-${ref.guestLevel + 1} guest entry`;
  if (ref.nestedLevel === top.nested) return mode === 'npt' ? 'nCR3' : 'the EPTP';
  return `the level-${ref.nestedLevel + 1} ${mode === 'npt' ? 'nested' : 'EPT'} entry`;
}

interface Tops {
  readonly guest: number;
  readonly nested: number;
}

function stepPrediction(
  ref: GuestReadEvent | NestedReadEvent,
  mode: PagingMode,
  table: AnswerField,
  top: Tops,
): Prediction {
  const guest = ref.type === 'guest-read';
  const dimension = guest ? 'guest' : 'nested';
  const level = guest ? ref.guestLevel : ref.nestedLevel;
  // A guest entry's address is guest-physical in a nested walk (that is what the EPT then translates).
  const guestPhysical = guest && mode !== 'native';
  const address = guestPhysical ? ref.gpa : ref.addr;
  const space = guestPhysical ? 'guest-physical' : mode === 'native' ? 'physical' : 'host-physical';
  const bits = `bits ${11 + 9 * level}:${3 + 9 * level}`;
  const source = guest
    ? `${bits} of the linear address`
    : `${bits} of ${subjectOf(mode, ref as NestedReadEvent)}`;
  // The question must not give the answer away: in a nested walk it names both address spaces.
  const spaces =
    mode === 'native'
      ? ' Addresses are physical.'
      : ` A guest entry's address is guest-physical, an ${mode === 'npt' ? 'NPT' : 'EPT'} entry's host-physical.`;
  return {
    id: `step-${ref.step}`,
    at: ref.step - 1,
    title: `Step ${ref.step}`,
    question: `Step ${ref.step}: which table does the walk read, at which index, and where is the entry?${spaces}`,
    fields: [
      table,
      { id: 'index', label: 'Index (0–511)', format: 'number' },
      { id: 'address', label: 'Entry address (hex)', format: 'hex' },
    ],
    solution: { table: `${dimension}-${level}`, index: String(ref.index), address: hex(address) },
    explanation: [
      `Step ${ref.step} reads the ${tableLabel(mode, dimension, level)}.`,
      `Its index is ${ref.index} (${hex(ref.index)}): ${source}.`,
      `The table's base ${hex(address - 8 * ref.index)} comes from ${baseSource(mode, ref, top)}, so the entry lies at ${hex(address - 8 * ref.index)} + 8 × ${ref.index} = ${hex(address)} (${space}).`,
    ],
  };
}

function totalPrediction(events: readonly WalkEvent[], total: number): Prediction {
  const start = events.find((e) => e.type === 'walk-start');
  const n = start?.type === 'walk-start' ? start.guestLevels : 0;
  const m = start?.type === 'walk-start' ? start.nestedLevels : 0;
  const nested = start?.type === 'walk-start' && start.mode !== 'native';
  const full = nested ? n * m + n + m : n;
  const formula = nested ? `n·m + n + m = ${n}·${m} + ${n} + ${m} = ${full}` : `n = ${n}`;
  const skipped = events.reduce(
    (sum, e) => sum + (e.type === 'tlb-hit' || e.type === 'pwc-hit' ? e.skipped.length : 0),
    0,
  );
  const explanation = [`A full walk of this shape makes ${formula} references.`];
  if (skipped > 0) explanation.push(`Cached translations spare ${skipped} of them.`);
  if (total < full - skipped)
    explanation.push(`The walk stops early, at a fault, after ${total} references.`);
  explanation.push(`This walk makes ${total}.`);
  return {
    id: 'total',
    at: 0,
    title: 'Before the first step',
    question: 'Before the first step: how many memory references will this translation make in all?',
    fields: [{ id: 'total', label: 'References in all', format: 'number' }],
    solution: { total: String(total) },
    explanation,
  };
}

const OUTCOME_CHOICES = {
  native: ['ok', 'page-fault', 'general-protection'],
  ept: ['ok', 'page-fault', 'general-protection', 'ept-violation', 'ept-misconfig'],
  npt: ['ok', 'page-fault', 'general-protection', 'nested-page-fault'],
} as const;

/** At the end: how the access ends, then (when it is one) the fault's own code. */
function endPredictions(events: readonly WalkEvent[], mode: PagingMode, total: number): Prediction[] {
  const end = events.find((e) => e.type === 'walk-end');
  if (end?.type !== 'walk-end') return [];
  const result = end.result;
  const fault = events.find((e) => e.type === 'fault');
  const va = events.find((e) => e.type === 'walk-start');
  const outcome: Prediction = {
    id: 'outcome',
    at: total,
    title: 'How the access ends',
    question: 'The last reference is revealed. How does the access end?',
    fields: [
      {
        id: 'outcome',
        label: 'Outcome',
        format: 'choice',
        choices: OUTCOME_CHOICES[mode].map((value) => ({ value, label: OUTCOME_WORDS[value] ?? value })),
      },
    ],
    solution: { outcome: result.outcome },
    explanation: [
      `It ends in ${OUTCOME_WORDS[result.outcome] ?? result.outcome}.`,
      fault?.type === 'fault'
        ? fault.reason
        : result.outcome === 'ok'
          ? `${va?.type === 'walk-start' ? formatLinear(va.va) : 'The address'} translates to ${formatPhys(result.pa)}.`
          : '',
    ].filter((line) => line !== ''),
  };
  if (result.outcome === 'page-fault') {
    const bits = decodePageFaultErrorCode(result.errorCode);
    return [
      outcome,
      {
        id: 'error-code',
        at: total,
        title: 'The #PF error code',
        question:
          'The guest takes a #PF. Which error code does the CPU push (bit 0 P, 1 W/R, 2 U/S, 3 RSVD, 4 I/D)?',
        fields: [{ id: 'errorCode', label: 'Error code (hex)', format: 'hex' }],
        solution: { errorCode: hex(result.errorCode) },
        explanation: [`Error code ${hex(result.errorCode)}: ${describeBits(bits)}.`],
      },
    ];
  }
  if (result.outcome === 'ept-violation') {
    const q = result.exitQualification;
    return [
      outcome,
      {
        id: 'exit-qualification',
        at: total,
        title: 'The exit qualification',
        question:
          'The VM exits with an EPT violation. Give exit-qualification bits 8:0 (0–2 the access, 3–5 what the EPT allowed, 7 linear address valid, 8 final translation).',
        fields: [{ id: 'exitQualification', label: 'Exit qualification (hex)', format: 'hex' }],
        solution: { exitQualification: hex(q) },
        explanation: [`Exit qualification ${hex(q)}: ${describeBits(decodeExitQualification(q))}.`],
      },
    ];
  }
  return [outcome];
}

/** The questions of one walk, in the order they are asked (by `at`, then as listed). */
export function walkPredictions(events: readonly WalkEvent[]): Prediction[] {
  const start = events.find((e) => e.type === 'walk-start');
  if (start?.type !== 'walk-start') return [];
  const refs = referencesOf(events);
  const table = tableChoices(start.mode, start.guestLevels, start.nestedLevels);
  return [
    totalPrediction(events, refs.length),
    ...refs.map((ref) =>
      stepPrediction(ref, start.mode, table, { guest: start.guestLevels, nested: start.nestedLevels }),
    ),
    ...endPredictions(events, start.mode, refs.length),
  ];
}
