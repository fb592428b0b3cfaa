/**
 * `walk [scenario.json | -] [--json]`: runs a scenario and prints its trace, as a table or as the
 * contract's JSON (docs/robustness.md, "The command line"). Exit codes: 0 done (faulting accesses
 * are results), 1 bad scenario, unreadable file or any other failure, 2 bad command line, 3 the
 * scenario's own `expect` list is not met. Every failure is one line on stderr.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../engine/scenario/parse';
import { ScenarioError, formatIssue } from '../engine/scenario/errors';
import { runScenarioDetailed } from '../engine/scenario/run';
import { checkExpectations } from '../engine/scenario/expect';
import type { EventSink } from '../engine/events';
import { formatTraceTable } from './format-trace';
import { writeJsonStreamed } from './json-stream';
import { isMemoryAccess } from '../engine/scenario/access-schema';
import type { Scenario } from '../engine/scenario/model';
import { CACHE_PRESET_NAMES, isCachePresetName, type CachePresetName } from '../engine/cache/presets';

/** `--tlb` overrides the scenario's `cpu.tlb`; 'none' takes the caches away. */
function withCaches(scenario: Scenario, tlb: CachePresetName | undefined): Scenario {
  if (tlb === undefined) return scenario;
  const { caches: _ignored, ...rest } = scenario;
  return tlb === 'none' ? rest : { ...rest, caches: tlb };
}

export const DEFAULT_SCENARIO = fileURLToPath(
  new URL('../../public/scenarios/default.json', import.meta.url),
);

export const USAGE = `usage: walk [scenario.json | -] [--json] [--tlb <preset>]

Runs every access of a nestwalk scenario and prints the page walks.
Exit status: 0 done, 1 bad scenario or file, 2 bad command line, 3 the scenario's expect not met.
  scenario.json   the scenario file ('-' reads standard input; default: ${'public/scenarios/default.json'})
  --json          print the trace as JSON instead of a table
  --tlb <preset>  translation caches: ${CACHE_PRESET_NAMES.join(', ')} (default: the scenario's cpu.tlb, else none)
  -h, --help      show this help
`;

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** A returned promise is awaited: it settles when the output can take more (backpressure). */
  stdout(text: string): unknown;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_EXPECT_NOT_MET = 3;

const OPTIONS = {
  json: { type: 'boolean' },
  tlb: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A failure's text on one line, cut to a readable length. */
function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > 2000 ? `${flat.slice(0, 1997)}...` : flat;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** "invalid scenario (3 problems): a; b; c", at most 20 problems and how many more. */
function scenarioProblems(error: ScenarioError): string {
  const listed = error.issues.map(formatIssue);
  if (error.total > listed.length) listed.push(`… and ${error.total - listed.length} more`);
  const count = error.total === 1 ? '' : ` (${error.total} problems)`;
  return `invalid scenario${count}: ${listed.join('; ')}`;
}

/** Runs the command; never throws: whatever goes wrong is one line on stderr and a non-zero code. */
export async function walkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (code: number, text: string): number => {
    io.stderr(`walk: ${oneLine(text)}\n`);
    return code;
  };
  try {
    return await runWalk(argv, io, fail);
  } catch (error) {
    try {
      return fail(EXIT_FAILED, `unexpected failure: ${errorText(error)}`);
    } catch {
      return EXIT_FAILED;
    }
  }
}

async function runWalk(
  argv: readonly string[],
  io: CliIo,
  fail: (code: number, text: string) => number,
): Promise<number> {
  const usage = (text: string) => fail(EXIT_USAGE, `${text} (walk --help shows the usage)`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(errorText(error));
  }
  if (parsed.values.help) {
    await io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.positionals.length > 1)
    return usage(`expected one scenario file, got ${parsed.positionals.length}`);
  const tlb = parsed.values.tlb;
  if (tlb !== undefined && !isCachePresetName(tlb)) {
    return usage(`--tlb ${tlb}: expected one of ${CACHE_PRESET_NAMES.join(', ')}`);
  }
  const file = parsed.positionals[0] ?? DEFAULT_SCENARIO;
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    return fail(EXIT_FAILED, `cannot read ${name}: ${errorText(error)}`);
  }
  let scenario: Scenario;
  try {
    scenario = withCaches(parseScenario(text), tlb);
  } catch (error) {
    if (error instanceof ScenarioError) return fail(EXIT_FAILED, `${name}: ${scenarioProblems(error)}`);
    throw error;
  }
  const reasons: (string | undefined)[] = [];
  const sink: EventSink = (event) => {
    if (event.type === 'fault') reasons[reasons.length - 1] = event.reason;
  };
  const run = runScenarioDetailed(scenario, {
    sink,
    onStep: (_index, step) => {
      if (isMemoryAccess(step)) reasons.push(undefined);
    },
  });
  const expectationProblems = checkExpectations(scenario, run.trace);
  if (parsed.values.json) {
    await writeJsonStreamed(run.trace, (chunk) => io.stdout(chunk));
  } else {
    await io.stdout(
      formatTraceTable({
        scenario,
        results: run.results,
        reasons,
        notes: run.notes,
        expectationProblems,
        operations: run.trace.operations ?? [],
      }),
    );
  }
  if (expectationProblems.length > 0) {
    const listed = expectationProblems.slice(0, 20);
    const more = expectationProblems.length - listed.length;
    return fail(
      EXIT_EXPECT_NOT_MET,
      `${name}: expect not met: ${listed.join('; ')}${more > 0 ? `; … and ${more} more` : ''}`,
    );
  }
  return EXIT_OK;
}
