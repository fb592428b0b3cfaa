/** Runs an exercise's scenario document through the engine: the answers come from its trace. */
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import type { Trace, TraceResult } from '../scenario/trace';

export function traceOf(doc: Readonly<Record<string, unknown>>): Trace {
  return runScenario(parseScenario(doc));
}

export function firstResult(doc: Readonly<Record<string, unknown>>): TraceResult {
  const result = traceOf(doc).results[0];
  if (result === undefined) throw new Error('the exercise scenario has no access');
  return result;
}

/** Guest and nested reference counts of one result: n guest reads, and the nested reads. */
export function referenceSplit(result: TraceResult): { guest: number; nested: number } {
  let guest = 0;
  for (const ref of result.references) if (ref.kind === 'guest') guest++;
  return { guest, nested: result.references.length - guest };
}
