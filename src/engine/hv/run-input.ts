/** Parse-and-run in one call, both modes side by side, and one line per error. */
import { formatPath } from '../scenario/errors';
import type { HvCostModelInput } from './cost-model';
import type { HvMode } from './exit-reasons';
import { parseHvScript } from './parse-script';
import type { HvError, HvReport, HvRunResult } from './report-types';
import { runHvScript } from './run-script';
import type { HvScript } from './script-types';

/** JSON text or a value → a report in `mode`, or every error (parse errors, or the event that failed). */
export function runHvInput(input: unknown, mode: HvMode, costModel?: HvCostModelInput): HvRunResult {
  const parsed = parseHvScript(input);
  return parsed.ok ? runHvScript(parsed.script, mode, costModel) : parsed;
}

export type HvComparison =
  | { readonly ok: true; readonly shadow: HvReport; readonly tdp: HvReport }
  | { readonly ok: false; readonly errors: readonly HvError[] };

/** The same script in shadow mode and in EPT mode (or NPT: `tdpMode`). */
export function compareHvModes(
  script: HvScript,
  costModel?: HvCostModelInput,
  tdpMode: 'ept' | 'npt' = 'ept',
): HvComparison {
  const shadow = runHvScript(script, 'shadow', costModel);
  if (!shadow.ok) return shadow;
  const tdp = runHvScript(script, tdpMode, costModel);
  if (!tdp.ok) return tdp;
  return { ok: true, shadow: shadow.report, tdp: tdp.report };
}

/** `events[4] (ksm-merge).pages: merges pages with different contents: …` */
export function formatHvError(error: HvError): string {
  const where = formatPath(error.path);
  if (error.eventIndex === undefined) return `${where}: ${error.message}`;
  const field = error.path.slice(2);
  const suffix = field.length > 0 ? formatPath(field).replace(/^(?!\[)/, '.') : '';
  return `event ${error.eventIndex}${error.eventKind ? ` (${error.eventKind})` : ''}${suffix}: ${error.message}`;
}
