/** Test helpers over the translation-result union (src/engine/result.ts). */
import { expect } from 'vitest';
import type { Outcome } from '../../src/engine/vocabulary';
import type { ResultOf, TranslationResult } from '../../src/engine/result';

/** Expects `outcome`; the compiler then knows the variant's fields. */
export function expectOutcome<O extends Outcome>(
  result: TranslationResult,
  outcome: O,
): asserts result is ResultOf<O> {
  expect(result.outcome).toBe(outcome);
}

/** The named fields of any variant (undefined where the variant has none), for comparing results. */
export const fieldsOf = (result: TranslationResult, names: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(names.map((name) => [name, (result as unknown as Record<string, unknown>)[name]]));
