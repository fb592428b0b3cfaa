/** Compares a trace with the scenario's `expect` list (what a preset says it demonstrates). */
import type { Scenario } from './model';
import type { Trace } from './trace';

/** One sentence per mismatch; empty when every expectation holds. */
export function checkExpectations(scenario: Scenario, trace: Trace): string[] {
  const problems: string[] = [];
  (scenario.expect ?? []).forEach((expected, i) => {
    const result = trace.results[i];
    const at = `access ${i + 1}`;
    if (result === undefined) {
      problems.push(`${at}: expected a result, but there is none`);
      return;
    }
    const compare = (what: string, want: unknown, got: unknown) => {
      if (want !== undefined && want !== got)
        problems.push(`${at}: expected ${what} ${String(want)}, got ${String(got)}`);
    };
    compare('outcome', expected.outcome, result.outcome);
    compare('references', expected.references, result.references.length);
    compare('page size', expected.pageSize, result.pageSize);
    compare('error code', expected.errorCode, result.errorCode);
  });
  return problems;
}
