/**
 * Exercise links live in the query string, apart from the hash that carries the walk:
 * `?exercise=<kind>:<seed>` opens one generated problem, `?worksheet=<seed>&count=<N>&kinds=a,b`
 * the printable sheet and its answer key (docs/exercises.md).
 */
import { PROBLEM_KINDS, isProblemKind, normalizeSeed, type ProblemKind } from '../engine';

export const EXERCISE_PARAM = 'exercise';
export const WORKSHEET_PARAM = 'worksheet';
export const WORKSHEET_MAX = 40;

export interface ExerciseRef {
  readonly kind: ProblemKind;
  readonly seed: number;
}

export interface WorksheetRef {
  readonly seed: number;
  readonly count: number;
  readonly kinds: readonly ProblemKind[];
}

const readSeed = (text: string | null | undefined): number | null =>
  text != null && /^\d{1,10}$/.test(text) ? normalizeSeed(Number(text)) : null;

export function exerciseFromSearch(search: string): ExerciseRef | null {
  const value = new URLSearchParams(search).get(EXERCISE_PARAM);
  if (value === null) return null;
  const [kind, seedText] = value.split(':');
  const seed = readSeed(seedText);
  return kind !== undefined && isProblemKind(kind) && seed !== null ? { kind, seed } : null;
}

export function worksheetFromSearch(search: string): WorksheetRef | null {
  const params = new URLSearchParams(search);
  const seed = readSeed(params.get(WORKSHEET_PARAM));
  if (seed === null) return null;
  const count = Number(params.get('count') ?? '8');
  const kinds = (params.get('kinds') ?? '').split(',').filter(isProblemKind);
  return {
    seed,
    count: Number.isInteger(count) ? Math.min(Math.max(count, 1), WORKSHEET_MAX) : 8,
    kinds: kinds.length > 0 ? kinds : PROBLEM_KINDS,
  };
}

/** `search` with the exercise parameter set (or removed with null), other parameters kept. */
export function withExercise(search: string, ref: ExerciseRef | null): string {
  const params = new URLSearchParams(search);
  if (ref === null) params.delete(EXERCISE_PARAM);
  else params.set(EXERCISE_PARAM, `${ref.kind}:${ref.seed}`);
  const text = params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

export function worksheetSearch(ref: WorksheetRef): string {
  const all = ref.kinds.length === PROBLEM_KINDS.length;
  return `?${WORKSHEET_PARAM}=${ref.seed}&count=${ref.count}${all ? '' : `&kinds=${ref.kinds.join(',')}`}`;
}

/** A fresh seed for "New problem": any 32-bit value (not for security). */
export const randomSeed = (): number => Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
