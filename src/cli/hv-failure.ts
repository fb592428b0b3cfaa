/**
 * How `hv` reports a failure (docs/hv-script-format.md, "Command-line failures"): one line of text
 * on stderr always, and with `--json` also one JSON object on stdout, so a program reading the
 * report reads the failure in the same place. At most 20 problems are listed; `total` counts all.
 */
import { formatHvError, type HvError } from '../engine/hv';

export const HV_ERROR_FORMAT = 'nestwalk-hv-error/1';
const MAX_LISTED = 20;

export type HvFailureKind = 'usage' | 'unreadable' | 'invalid-script' | 'run' | 'unexpected';

export interface HvFailure {
  readonly kind: HvFailureKind;
  /** The script's file name ('stdin' for '-'); null before one is known. */
  readonly file: string | null;
  /** The mode whose run failed ('run' only). */
  readonly mode: string | null;
  /** The whole failure on one line, as stderr shows it (without the `hv: ` prefix). */
  readonly message: string;
  readonly problems: readonly HvError[];
  readonly total: number;
}

/** A failure's text on one line, cut to a readable length. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > 2000 ? `${flat.slice(0, 1997)}...` : flat;
}

/** "a; b; … and 3 more" for the first MAX_LISTED errors. */
function listed(errors: readonly HvError[]): string {
  const shown = errors.slice(0, MAX_LISTED).map(formatHvError);
  if (errors.length > MAX_LISTED) shown.push(`… and ${errors.length - MAX_LISTED} more`);
  return shown.join('; ');
}

export function hvFailure(
  kind: HvFailureKind,
  where: { file?: string; mode?: string },
  text: string,
  errors: readonly HvError[] = [],
): HvFailure {
  const head = [where.file, where.mode && `(${where.mode} mode)`].filter(Boolean).join(' ');
  const body = errors.length > 0 ? listed(errors) : text;
  return {
    kind,
    file: where.file ?? null,
    mode: where.mode ?? null,
    message: oneLine(head ? `${head}: ${body}` : body),
    problems: errors.slice(0, MAX_LISTED).map((e) => ({ ...e, path: [...e.path] })),
    total: errors.length,
  };
}

/** The JSON line `--json` prints for a failure. */
export const hvFailureJson = (failure: HvFailure): string =>
  JSON.stringify({ format: HV_ERROR_FORMAT, error: failure }) + '\n';
