/**
 * Runs a scenario's accesses in order on one machine (A/D flags set by one access are seen by the
 * next) and reports the trace; optionally the walk events of each access.
 */
import type { EventSink, WalkEvent } from '../events';
import type { TranslationResult } from '../types';
import { hexOf, hexOfWord } from './hex';
import { buildMemoryImage } from './builder';
import type { Scenario } from './model';
import { createScenarioMachine } from './to-machine';
import { toTraceResult, traceMemory, type Trace, type TraceWord } from './trace';
import { isMemoryAccess, type ScenarioStep } from './access-schema';

export interface RunOptions {
  /** Receives the events of every access, in order. */
  readonly sink?: EventSink;
  /** Called before each step of `accesses` runs (e.g. to start a new event list). */
  readonly onStep?: (index: number, step: ScenarioStep) => void;
}

export interface ScenarioRun {
  readonly trace: Trace;
  /** The engine's results, one per access (richer than the trace: guest / nested page sizes, fault cell). */
  readonly results: readonly TranslationResult[];
  /** Notes from the builders (see MemoryImage.notes). */
  readonly notes: readonly string[];
}

export function runScenarioDetailed(scenario: Scenario, options: RunOptions = {}): ScenarioRun {
  const { machine, memory, image } = createScenarioMachine(scenario);
  const results: TranslationResult[] = [];
  scenario.accesses.forEach((step, index) => {
    options.onStep?.(index, step);
    if (isMemoryAccess(step)) results.push(machine.translate(step, options.sink));
  });
  return {
    trace: { results: results.map(toTraceResult), memory: traceMemory(memory) },
    results,
    notes: image.notes,
  };
}

export const runScenario = (scenario: Scenario, options: RunOptions = {}): Trace =>
  runScenarioDetailed(scenario, options).trace;

/** The trace plus one event list per access (what the UI's worker sends to the views). */
export function runScenarioWithEvents(scenario: Scenario): { trace: Trace; events: WalkEvent[][] } {
  const events: WalkEvent[][] = [];
  const trace = runScenario(scenario, {
    onStep: () => events.push([]),
    sink: (event) => events[events.length - 1]!.push(event),
  });
  return { trace, events };
}

/** The starting memory (given plus builder-written words), in the trace's `{ addr, value }` form. */
export const scenarioMemoryImage = (scenario: Scenario): TraceWord[] =>
  buildMemoryImage(scenario).words.map((word) => ({
    addr: hexOf(word.addr),
    value: hexOfWord(word.lo, word.hi),
  }));
