/**
 * `hv <script.json | -> [--mode shadow|ept|npt|both] [--json]`: runs a hypervisor script
 * (docs/hv-script-format.md) and prints one row per event and the totals per exit reason.
 * Exit codes: 0 done, 1 bad script or unreadable file, 2 bad command line.
 */
import { parseArgs } from 'node:util';
import {
  EXIT_REASONS,
  exitReasonLabel,
  formatHvError,
  parseHvScript,
  runHvScript,
  type HvMode,
  type HvReport,
} from '../engine/hv';
import type { CliIo } from './walk-command';

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

export async function hvCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`hv: ${error instanceof Error ? error.message : String(error)}\n${HV_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(HV_USAGE);
    return 0;
  }
  const mode = parsed.values.mode ?? 'both';
  if (!['shadow', 'ept', 'npt', 'both'].includes(mode) || parsed.positionals.length !== 1) {
    io.stderr(`hv: expected one script file and --mode shadow|ept|npt|both\n${HV_USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0]!;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.stderr(`hv: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const script = parseHvScript(text);
  if (!script.ok) {
    io.stderr(`hv: ${file}: ${script.errors.map(formatHvError).join('; ')}\n`);
    return 1;
  }
  const modes: HvMode[] = mode === 'both' ? ['shadow', 'ept'] : [mode as HvMode];
  const reports: HvReport[] = [];
  for (const m of modes) {
    const result = runHvScript(script.script, m);
    if (!result.ok) {
      io.stderr(`hv: ${file} (${m} mode): ${result.errors.map(formatHvError).join('; ')}\n`);
      return 1;
    }
    reports.push(result.report);
  }
  if (parsed.values.json)
    io.stdout(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
  else io.stdout(reports.map(formatHvReport).join('\n'));
  return 0;
}
