/**
 * The walk CLI's readable output: per access a header (address, kind, CPL, outcome, addresses,
 * decoded fault report) and one row per memory reference, then the reference count explained.
 */
import { formatLinear, formatPhys } from '../engine/address';
import { EPTP_AD, EPTP_MEMTYPE } from '../engine/bits';
import { nestedWalkReferences } from '../engine/cost';
import {
  decodeExitInfo1,
  decodeExitQualification,
  decodePageFaultErrorCode,
  describeBits,
  type ReportBit,
} from '../engine/decode';
import type { Scenario } from '../engine/scenario/model';
import type { TraceOperation } from '../engine/scenario/trace';
import { CACHE_PRESETS } from '../engine/cache/presets';
import { eptLevels } from '../engine/scenario/nested-builder';
import type { WalkReference } from '../engine/vocabulary';
import type { TranslationResult } from '../engine/result';
import { levelName } from '../engine/paging';

/** "0x0000_0001_0040_0037": all 16 digits, grouped by four. */
const groupedWord = (lo: number, hi: number): string =>
  '0x' +
  ((hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')).replace(
    /(.{4})(?!$)/g,
    '$1_',
  );

/** "P W/R U/S: protection violation, write, user mode". */
const bitsLine = (bits: readonly ReportBit[]): string => {
  const labels = bits.filter((b) => b.set).map((b) => b.label);
  return `${labels.length > 0 ? labels.join(' ') : 'no bits set'}: ${describeBits(bits)}`;
};

export function describeMode(scenario: Scenario): string {
  const { cpu, ept, npt } = scenario;
  const n = cpu.la57 ? 5 : 4;
  const regs = `CR3 ${formatPhys(cpu.cr3)}`;
  if (ept) {
    const m = eptLevels(ept.eptp);
    const type = (ept.eptp & EPTP_MEMTYPE) === 6 ? 'WB' : 'UC';
    const ad = (ept.eptp & EPTP_AD) !== 0 ? 'A/D on' : 'A/D off';
    return `Intel EPT: ${n}-level guest on ${m}-level EPT · ${regs} · EPTP ${formatPhys(ept.eptp)} (${m} levels, ${type}, ${ad})`;
  }
  if (npt) {
    return `AMD NPT: ${n}-level guest on ${npt.levels}-level nested table · ${regs} · nCR3 ${formatPhys(npt.ncr3)}`;
  }
  return `native: ${n}-level paging · ${regs}`;
}

function outcomeLines(r: TranslationResult): string[] {
  switch (r.outcome) {
    case 'ok': {
      const parts = [...(r.gpa !== undefined ? [`gpa ${formatPhys(r.gpa)}`] : []), `pa ${formatPhys(r.pa)}`];
      const sizes = r.nestedPageSize
        ? ` (guest page ${r.guestPageSize}, nested page ${r.nestedPageSize})`
        : '';
      return [`${parts.join(' · ')} · page size ${r.pageSize}${sizes}`];
    }
    case 'page-fault': {
      const code = r.errorCode;
      return [
        `#PF error code ${formatPhys(code)} = ${bitsLine(decodePageFaultErrorCode(code))}`,
        `CR2 ${formatLinear(r.faultLinear)}`,
      ];
    }
    case 'general-protection':
      return ['#GP: the address is not canonical, so there is no walk'];
    case 'ept-violation': {
      const q = r.exitQualification;
      return [
        `EPT violation at gpa ${formatPhys(r.faultGpa)} (guest linear ${formatLinear(r.guestLinearAddress)})`,
        `exit qualification ${formatPhys(q)} = ${bitsLine(decodeExitQualification(q))}`,
      ];
    }
    case 'ept-misconfig':
      return [`EPT misconfiguration while translating gpa ${formatPhys(r.faultGpa)} (no exit qualification)`];
    case 'nested-page-fault': {
      const info = r.exitInfo1;
      return [
        `#NPF EXITINFO1 ${formatPhys(info)} = ${bitsLine(decodeExitInfo1(info))}`,
        `EXITINFO2 (gpa) ${formatPhys(r.faultGpa)}`,
      ];
    }
  }
}

/** Why the count is what it is: n·m + n + m for a complete uniform walk, the parts otherwise. */
export function referenceCountLine(r: TranslationResult): string {
  const refs = r.references;
  const total = `${refs.length} reference${refs.length === 1 ? '' : 's'}`;
  if (r.skipped !== undefined && r.skipped.length > 0) {
    const by = new Map<string, number>();
    for (const cell of r.skipped) by.set(cell.by, (by.get(cell.by) ?? 0) + 1);
    const parts = [...by].map(([name, count]) => `${name} ${count}`).join(', ');
    return `${total}; the caches spared ${r.skipped.length} (${parts}) of the ${refs.length + r.skipped.length} an uncached walk makes`;
  }
  if (r.outcome === 'general-protection') return `${total}: a non-canonical address faults before any walk`;
  if (r.outcome !== 'ok') return `${total}: the walk stopped at the fault`;
  const n = refs.filter((ref) => ref.kind === 'guest').length;
  if (r.mode === 'native') return `${total} = n with n=${n} (native walk)`;
  const walks: number[] = [];
  let previous: WalkReference | undefined;
  for (const ref of refs) {
    if (ref.kind !== 'nested') {
      previous = ref;
      continue;
    }
    if (previous?.kind !== 'nested' || previous.guestLevel !== ref.guestLevel) walks.push(0);
    walks[walks.length - 1]!++;
    previous = ref;
  }
  const m = walks[0] ?? 0;
  if (walks.every((w) => w === m) && refs.length === nestedWalkReferences(n, m)) {
    return `${total} = n·m + n + m with n=${n}, m=${m}`;
  }
  return `${total} = ${n} guest + ${refs.length - n} nested (nested walks of ${walks.join(', ')})`;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) =>
    row
      .map((cell, col) => (col === 0 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatResult(r: TranslationResult, index: number, reason?: string): string[] {
  const nestedKind = r.mode === 'npt' ? 'NPT' : 'EPT';
  const lines = [`Access ${index + 1}: ${r.kind} ${formatLinear(r.va)}, cpl ${r.cpl} → ${r.outcome}`];
  lines.push(...outcomeLines(r).map((line) => `  ${line}`));
  if (reason !== undefined && r.outcome !== 'ok') lines.push(`  why: ${reason}`);
  if (r.references.length > 0) {
    const rows = [['step', 'kind', 'guest', 'nested', 'address', 'value']];
    r.references.forEach((ref, i) => {
      const nested = ref.kind === 'nested';
      rows.push([
        String(i + 1),
        nested ? nestedKind : 'guest',
        levelName(ref.guestLevel),
        nested ? levelName(ref.nestedLevel ?? 0) : '-',
        formatPhys(ref.addr),
        groupedWord(ref.lo, ref.hi),
      ]);
    });
    lines.push(...table(rows).map((line) => `  ${line}`));
  }
  lines.push(`  ${referenceCountLine(r)}`);
  if (r.stale) {
    lines.push(
      `  STALE: used entries of ${(r.staleBy ?? []).join(', ')} that no longer match memory (not invalidated)`,
    );
  }
  return lines;
}

export interface TraceTableInput {
  readonly scenario: Scenario;
  readonly results: readonly TranslationResult[];
  /** The walker's one-sentence reason for each faulting access. */
  readonly reasons: readonly (string | undefined)[];
  readonly notes: readonly string[];
  readonly expectationProblems: readonly string[];
  /** Cache operations between the accesses. */
  readonly operations?: readonly TraceOperation[];
}

export function formatTraceTable(input: TraceTableInput): string {
  const { scenario, results } = input;
  const lines: string[] = [];
  if (scenario.name) lines.push(scenario.name);
  lines.push(describeMode(scenario));
  for (const note of input.notes) lines.push(`note: ${note}`);
  if (scenario.caches) lines.push(`caches: ${CACHE_PRESETS[scenario.caches].label}`);
  const operationsBefore = (i: number) =>
    (input.operations ?? [])
      .filter((op) => op.before === i)
      .map((op) => `Operation ${op.op}: ${op.description}`);
  results.forEach((r, i) => {
    for (const line of operationsBefore(i)) lines.push('', line);
    lines.push('', ...formatResult(r, i, input.reasons[i]));
  });
  for (const line of operationsBefore(results.length)) lines.push('', line);
  if (results.length === 0) lines.push('', 'no accesses');
  if (scenario.expect && scenario.expect.length > 0) {
    lines.push('');
    if (input.expectationProblems.length === 0)
      lines.push(`expect: met (${scenario.expect.length} of ${scenario.expect.length})`);
    else lines.push(...input.expectationProblems.map((problem) => `expect: NOT MET — ${problem}`));
  }
  return lines.join('\n') + '\n';
}
