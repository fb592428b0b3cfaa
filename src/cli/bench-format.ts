/** One line (plus details) per benchmark result, for the terminal. */
import type { BenchResult } from './bench-measure';

const rate = (value: number): string =>
  value >= 1e6
    ? `${(value / 1e6).toFixed(2)} M`
    : value >= 1e3
      ? `${(value / 1e3).toFixed(1)} k`
      : value.toFixed(1);

export function formatBench(result: BenchResult): string {
  if (result.status === 'n/a') return `${result.title}\n    n/a (${result.reason})`;
  const memory = result.unit.startsWith('MiB');
  const seconds = result.unit === 's';
  const shown = (v: number) => (seconds ? `${v.toFixed(2)} s` : rate(v));
  const value = memory
    ? `${result.value.toFixed(1)} ${result.unit}`
    : seconds
      ? `${shown(result.value)} CPU`
      : `${rate(result.value)}/CPU-s`;
  const goal = memory
    ? `< ${result.target} MiB`
    : seconds
      ? `≤ ${result.target} s`
      : `≥ ${rate(result.target ?? 0)}/s`;
  const target =
    result.target === undefined || result.target === 0
      ? ''
      : `  target ${goal}: ${result.meetsTarget === true ? 'met' : 'MISSED'}`;
  const runs =
    result.runs.length > 1 ? `  (median of ${result.runs.length}: ${result.runs.map(shown).join(', ')})` : '';
  const details =
    result.details === undefined
      ? ''
      : '\n    ' +
        Object.entries(result.details)
          .map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v * 1000) / 1000 : v}`)
          .join(', ');
  return `${result.title}\n    ${value}${target}${runs}${details}`;
}
