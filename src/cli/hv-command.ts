/**
 * `hv <script.json | -> [--mode shadow|ept|npt|both] [--json]`: runs a hypervisor script
 * (docs/hv-script-format.md) and prints one row per event and the totals per exit reason.
 * Exit codes: 0 done, 1 bad script, unreadable file or any other failure, 2 bad command line.
 * Failures: docs/hv-script-format.md, "Command-line failures".
 */
import { parseArgs } from 'node:util';
import {
  EXIT_REASONS,
  exitReasonLabel,
  parseHvScript,
  runHvScript,
  type HvMode,
  type HvReport,
} from '../engine/hv';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './walk-command';
import { hvFailure, hvFailureJson, type HvFailure } from './hv-failure';
import { writeJsonStreamed } from './json-stream';

export const HV_USAGE = `usage: hv <script.json | -> [--mode shadow|ept|npt|both] [--json]

Runs a nestwalk hypervisor script and prints, per event, the VM exits, references and host faults.
  --mode   shadow, ept, npt, or both (shadow and ept; default both)
  --json   print the report(s) as JSON
`;

const OPTIONS = {
  mode: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function formatHvReport(report: HvReport): string {
  const lines = [`== ${report.mode} mode`];
  lines.push(['#', 'event', 'exits', 'hw refs', 'sw refs', 'host faults', 'cycles'].join('\t'));
  for (const e of report.events) {
    const exits = e.exits.length === 0 ? '-' : e.exits.map((r) => exitReasonLabel(r, report.mode)).join(', ');
    lines.push([e.index, e.text, exits, e.hardwareRefs, e.softwareRefs, e.hostFaults, e.cycles].join('\t'));
  }
  const t = report.totals;
  lines.push(`total exits: ${t.exitCount}`);
  for (const reason of EXIT_REASONS) {
    if (t.exits[reason] > 0) lines.push(`  ${exitReasonLabel(reason, report.mode)}: ${t.exits[reason]}`);
  }
  lines.push(
    `hardware refs: ${t.hardwareRefs}, software refs: ${t.softwareRefs}, host faults: ${t.hostFaults.minor} minor + ${t.hostFaults.swapIn} swap-in, estimated cycles: ${t.cycles}`,
  );
  return lines.join('\n') + '\n';
}

/** Runs the command; never throws: a failure is one line on stderr (and a JSON line with `--json`). */
export async function hvCommand(argv: readonly string[], io: CliIo): Promise<number> {
  // Known before the arguments are parsed, so even a bad command line is answered in JSON.
  const json = argv.includes('--json');
  const fail = (code: number, failure: HvFailure): number => {
    if (json) io.stdout(hvFailureJson(failure));
    io.stderr(`hv: ${failure.message}${code === EXIT_USAGE ? `\n${HV_USAGE}` : '\n'}`);
    return code;
  };
  try {
    return await runHv(argv, io, fail);
  } catch (error) {
    try {
      return fail(EXIT_FAILED, hvFailure('unexpected', {}, `unexpected failure: ${errorText(error)}`));
    } catch {
      return EXIT_FAILED;
    }
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function runHv(
  argv: readonly string[],
  io: CliIo,
  fail: (code: number, failure: HvFailure) => number,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(EXIT_USAGE, hvFailure('usage', {}, errorText(error)));
  }
  if (parsed.values.help) {
    await io.stdout(HV_USAGE);
    return EXIT_OK;
  }
  const mode = parsed.values.mode ?? 'both';
  if (!['shadow', 'ept', 'npt', 'both'].includes(mode) || parsed.positionals.length !== 1) {
    return fail(
      EXIT_USAGE,
      hvFailure('usage', {}, 'expected one script file and --mode shadow|ept|npt|both'),
    );
  }
  const file = parsed.positionals[0]!;
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    return fail(EXIT_FAILED, hvFailure('unreadable', { file: name }, `cannot read it: ${errorText(error)}`));
  }
  const script = parseHvScript(text);
  if (!script.ok) return fail(EXIT_FAILED, hvFailure('invalid-script', { file: name }, '', script.errors));
  const modes: HvMode[] = mode === 'both' ? ['shadow', 'ept'] : [mode as HvMode];
  const reports: HvReport[] = [];
  for (const m of modes) {
    const result = runHvScript(script.script, m);
    if (!result.ok) return fail(EXIT_FAILED, hvFailure('run', { file: name, mode: m }, '', result.errors));
    reports.push(result.report);
  }
  if (parsed.values.json)
    await writeJsonStreamed(reports.length === 1 ? reports[0] : reports, (chunk) => io.stdout(chunk));
  else await io.stdout(reports.map(formatHvReport).join('\n'));
  return EXIT_OK;
}
