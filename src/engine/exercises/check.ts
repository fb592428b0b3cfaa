/**
 * Checking a student's answers against a problem's solution: numbers in decimal or 0x-hex, hex
 * values with or without 0x, `_` separators and any case; choices by value. An empty or
 * unreadable answer is wrong and says why.
 */
import type { AnswerField, Problem } from './problem';

export interface FieldVerdict {
  readonly id: string;
  readonly label: string;
  readonly correct: boolean;
  readonly given: string;
  readonly expected: string;
  /** Why a given answer could not be read, when it could not. */
  readonly problem?: string;
}

export interface Verdict {
  readonly fields: readonly FieldVerdict[];
  readonly score: number;
  readonly total: number;
}

/** The value of a typed number: decimal, or hex with 0x. Non-hot path, so BigInt is fine here. */
function readNumber(text: string, hexDefault: boolean): bigint | string {
  const t = text.trim().replace(/_/g, '').toLowerCase();
  if (t === '') return 'no answer';
  if (/^0x[0-9a-f]+$/.test(t)) return BigInt(t);
  if (hexDefault && /^[0-9a-f]+$/.test(t)) return BigInt('0x' + t);
  if (!hexDefault && /^[0-9]+$/.test(t)) return BigInt(t);
  return hexDefault ? `"${text.trim()}" is not a hex number` : `"${text.trim()}" is not a number`;
}

function checkField(field: AnswerField, given: string, expected: string): FieldVerdict {
  const base = { id: field.id, label: field.label, given, expected };
  if (field.format === 'choice')
    return { ...base, correct: given === expected, ...(given === '' && { problem: 'no answer' }) };
  const value = readNumber(given, field.format === 'hex');
  if (typeof value === 'string') return { ...base, correct: false, problem: value };
  const want = readNumber(expected, field.format === 'hex');
  return { ...base, correct: typeof want !== 'string' && value === want };
}

export function checkAnswers(
  problem: Pick<Problem, 'fields' | 'solution'>,
  answers: Readonly<Record<string, string>>,
): Verdict {
  const fields = problem.fields.map((field) =>
    checkField(field, answers[field.id] ?? '', problem.solution[field.id] ?? ''),
  );
  return { fields, score: fields.filter((f) => f.correct).length, total: fields.length };
}
