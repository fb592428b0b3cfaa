/**
 * `walk [scenario.json | -] [--json]`: runs a scenario and prints its trace, as a table or as the
 * contract's JSON. Exit codes: 0 done (faulting accesses are results), 1 bad scenario or unreadable
 * file, 2 bad command line.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../engine/scenario/parse';
import { ScenarioError } from '../engine/scenario/errors';
import { runScenarioDetailed } from '../engine/scenario/run';
import { checkExpectations } from '../engine/scenario/expect';
import type { EventSink } from '../engine/events';
import { formatTraceTable } from './format-trace';
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
  scenario.json   the scenario file ('-' reads standard input; default: ${'public/scenarios/default.json'})
  --json          print the trace as JSON instead of a table
  --tlb <preset>  translation caches: ${CACHE_PRESET_NAMES.join(', ')} (default: the scenario's cpu.tlb, else none)
  -h, --help      show this help
`;

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const OPTIONS = {
  json: { type: 'boolean' },
  tlb: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function walkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`walk: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`walk: expected one scenario file, got ${parsed.positionals.length}\n${USAGE}`);
    return 2;
  }
  const tlb = parsed.values.tlb;
  if (tlb !== undefined && !isCachePresetName(tlb)) {
    io.stderr(`walk: --tlb ${tlb}: expected one of ${CACHE_PRESET_NAMES.join(', ')}\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0] ?? DEFAULT_SCENARIO;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.stderr(`walk: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const scenario = withCaches(parseScenario(text), tlb);
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
    if (parsed.values.json) {
      io.stdout(JSON.stringify(run.trace, null, 2) + '\n');
    } else {
      const expectationProblems = checkExpectations(scenario, run.trace);
      io.stdout(
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
    return 0;
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.stderr(`walk: ${file === '-' ? 'stdin' : file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
