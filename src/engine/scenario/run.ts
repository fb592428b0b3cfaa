/**
 * Runs a scenario's accesses in order on one machine (A/D flags set by one access are seen by the
 * next) and reports the trace; optionally the walk events of each access.
 */
import type { EventSink, WalkEvent } from '../events';
import type { TranslationResult } from '../result';
import type { Machine } from '../machine-api';
import type { CacheSnapshot } from '../cache/snapshot-types';
import { hexOf, hexOfWord } from './hex';
import { buildMemoryImage } from './builder';
import type { Scenario } from './model';
import { createScenarioMachine } from './to-machine';
import {
  toTraceOperation,
  toTraceResult,
  traceMemory,
  type Trace,
  type TraceOperation,
  type TraceWord,
} from './trace';
import { isMemoryAccess, type ScenarioStep } from './access-schema';

export interface RunOptions {
  /** Receives the events of every access, in order. */
  readonly sink?: EventSink;
  /** Called before each step of `accesses` runs (e.g. to start a new event list). */
  readonly onStep?: (index: number, step: ScenarioStep, machine: Machine) => void;
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
  const operations: TraceOperation[] = [];
  scenario.accesses.forEach((step, index) => {
    options.onStep?.(index, step, machine);
    if (isMemoryAccess(step)) results.push(machine.translate(step, options.sink));
    else operations.push(toTraceOperation(index, results.length, machine.perform(step, options.sink)));
  });
  return {
    trace: {
      results: results.map(toTraceResult),
      ...(operations.length > 0 && { operations }),
      memory: traceMemory(memory),
    },
    results,
    notes: image.notes,
  };
}

export const runScenario = (scenario: Scenario, options: RunOptions = {}): Trace =>
  runScenarioDetailed(scenario, options).trace;

/**
 * The trace plus one event list per access (what the UI's worker sends to the views). A cache
 * operation's events open the list of the access after it (trailing ones close the last list);
 * `cacheSnapshots[i]` holds the caches as they were when list i began.
 */
export function runScenarioWithEvents(scenario: Scenario): {
  trace: Trace;
  events: WalkEvent[][];
  cacheSnapshots: CacheSnapshot[];
} {
  const events: WalkEvent[][] = [];
  const cacheSnapshots: CacheSnapshot[] = [];
  let pending: WalkEvent[] = [];
  let current = pending;
  let snapshot: CacheSnapshot | null = null;
  const trace = runScenario(scenario, {
    onStep: (_index, step, machine) => {
      snapshot ??= machine.cacheSnapshot();
      if (!isMemoryAccess(step)) {
        current = pending;
        return;
      }
      events.push(pending);
      cacheSnapshots.push(snapshot);
      current = pending;
      pending = [];
      snapshot = null;
    },
    sink: (event) => current.push(event),
  });
  if (pending.length > 0 && events.length > 0) events[events.length - 1]!.push(...pending);
  return { trace, events, cacheSnapshots };
}

/** The starting memory (given plus builder-written words), in the trace's `{ addr, value }` form. */
export const scenarioMemoryImage = (scenario: Scenario): TraceWord[] =>
  buildMemoryImage(scenario).words.map((word) => ({
    addr: hexOf(word.addr),
    value: hexOfWord(word.lo, word.hi),
  }));
