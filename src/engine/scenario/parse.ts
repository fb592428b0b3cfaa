/**
 * `parseScenario`: JSON text or a parsed value → a typed `Scenario`, or a `ScenarioError` listing
 * every problem with its path.
 *
 * Absent CPU fields take DEFAULT_CPU (cpu-defaults.ts); pcid 0. npt.levels 4, npt.nxe true.
 * Absent lists are empty. Each access's cpl defaults to cpu.cpl. Mappings: size 4K; guest flags
 * "" (a present, supervisor, read-only, executable page); nested perms "rwx wb" ("" = not present).
 */
import { scenarioSchema, type RawScenario } from './schema';
import { isMemoryAccess, resolveStep } from './access-schema';
import type { CpuConfig, EptConfig, NptConfig, PageSize } from '../vocabulary';
import { EPTP_MEMTYPE, EPTP_RESERVED, EPTP_WALK_LENGTH, EPTP_WALK_LENGTH_SHIFT, PAGE_4K } from '../bits';
import { DEFAULT_CPU } from '../cpu-defaults';
import { bytesOfPageSize } from '../paging';
import { isCanonical } from '../address';
import { IssueList, ScenarioError } from './errors';
import { fromZodIssues } from './zod-issues';
import { parseJsonText } from './json-text';
import { MAX_JSON_DEPTH, tooDeepPath } from './strict-json';
import { hexOf } from './hex';
import type { GuestMapping, NestedMapping, Scenario } from './model';
import { DEFAULT_GUEST_FLAGS, DEFAULT_NESTED_PERMS } from './flags';

export function parseScenario(input: unknown): Scenario {
  const value = typeof input === 'string' ? parseJsonText(input) : input;
  const deep = typeof input === 'string' ? null : tooDeepPath(value);
  if (deep) throw new ScenarioError([{ path: deep, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) throw new ScenarioError(fromZodIssues(parsed.error.issues, value));
  return resolveScenario(parsed.data);
}

function resolveCpu(raw: RawScenario['cpu'], issues: IssueList): CpuConfig {
  const maxPhyAddr = raw.maxPhyAddr ?? DEFAULT_CPU.maxPhyAddr;
  const pcide = raw.cr4?.pcide ?? DEFAULT_CPU.pcide;
  let cr3 = raw.cr3;
  if (cr3 >= 2 ** maxPhyAddr) {
    issues.add(['cpu', 'cr3'], `${hexOf(cr3)} has address bits above maxPhyAddr (${maxPhyAddr})`);
  }
  if (raw.pcid !== undefined && raw.pcid !== 0) {
    if (!pcide) issues.add(['cpu', 'pcid'], 'a PCID needs cpu.cr4.pcide: true');
    else if (cr3 % PAGE_4K !== 0)
      issues.add(['cpu', 'pcid'], 'give the PCID either here or in cr3 bits 11:0, not both');
    else cr3 += raw.pcid;
  }
  return {
    cr3,
    wp: raw.cr0?.wp ?? DEFAULT_CPU.wp,
    la57: raw.cr4?.la57 ?? DEFAULT_CPU.la57,
    smep: raw.cr4?.smep ?? DEFAULT_CPU.smep,
    smap: raw.cr4?.smap ?? DEFAULT_CPU.smap,
    pcide,
    pge: raw.cr4?.pge ?? DEFAULT_CPU.pge,
    nxe: raw.efer?.nxe ?? DEFAULT_CPU.nxe,
    cpl: raw.cpl ?? DEFAULT_CPU.cpl,
    maxPhyAddr,
    vpid: raw.vpid ?? DEFAULT_CPU.vpid,
  };
}

function resolveEpt(raw: RawScenario['ept'], maxPhyAddr: number, issues: IssueList): EptConfig | undefined {
  if (!raw) return undefined;
  const { eptp } = raw;
  const walkLength = ((eptp & EPTP_WALK_LENGTH) >>> EPTP_WALK_LENGTH_SHIFT) + 1;
  const memoryType = eptp & EPTP_MEMTYPE;
  if (walkLength !== 4 && walkLength !== 5) {
    issues.add(
      ['ept', 'eptp'],
      `bits 5:3 give a walk of ${walkLength} levels: expected 3 (4 levels) or 4 (5 levels)`,
    );
  }
  if (memoryType !== 0 && memoryType !== 6) {
    issues.add(['ept', 'eptp'], `bits 2:0 give memory type ${memoryType}: expected 0 (UC) or 6 (WB)`);
  }
  // Bits 11:7 must be 0 (docs/hardware-rules.md §2): VM entry would fail with any of them set.
  for (let bit = 7; bit <= 11; bit++) {
    if ((eptp & EPTP_RESERVED & (1 << bit)) !== 0)
      issues.add(['ept', 'eptp'], `reserved bit ${bit} is set: bits 11:7 of the EPTP must be 0`);
  }
  if (eptp >= 2 ** maxPhyAddr) issues.add(['ept', 'eptp'], `address bits above maxPhyAddr (${maxPhyAddr})`);
  return { eptp };
}

function resolveNpt(raw: RawScenario['npt'], maxPhyAddr: number, issues: IssueList): NptConfig | undefined {
  if (!raw) return undefined;
  if (raw.ncr3 >= 2 ** maxPhyAddr)
    issues.add(['npt', 'ncr3'], `address bits above maxPhyAddr (${maxPhyAddr})`);
  return { ncr3: raw.ncr3, levels: raw.levels ?? 4, nxe: raw.nxe ?? true };
}

function checkAligned(
  issues: IssueList,
  path: (string | number)[],
  what: string,
  value: number,
  size: PageSize,
): void {
  if (value % bytesOfPageSize(size) !== 0)
    issues.add(path, `${what} ${hexOf(value)} is not aligned to its ${size} page`);
}

function resolveGuestMappings(raw: RawScenario, cpu: CpuConfig, issues: IssueList): GuestMapping[] {
  return (raw.guestMappings ?? []).map((mapping, i) => {
    const size = mapping.size ?? '4K';
    const bytes = bytesOfPageSize(size);
    if (mapping.va.lo % bytes !== 0)
      issues.add(['guestMappings', i, 'va'], `not aligned to its ${size} page`);
    if (!isCanonical(mapping.va.hi, cpu.la57)) {
      issues.add(['guestMappings', i, 'va'], `not canonical for ${cpu.la57 ? 5 : 4}-level paging`);
    }
    checkAligned(issues, ['guestMappings', i, 'pa'], 'pa', mapping.pa, size);
    return { va: mapping.va, pa: mapping.pa, size, flags: mapping.flags ?? DEFAULT_GUEST_FLAGS };
  });
}

function resolveNestedMappings(raw: RawScenario, issues: IssueList): NestedMapping[] {
  const mappings = raw.eptMappings ?? [];
  if (mappings.length > 0 && !raw.ept && !raw.npt) {
    issues.add(['eptMappings'], 'nested mappings need "ept" or "npt" to be configured');
  }
  return mappings.map((mapping, i) => {
    const size = mapping.size ?? '4K';
    checkAligned(issues, ['eptMappings', i, 'gpa'], 'gpa', mapping.gpa, size);
    checkAligned(issues, ['eptMappings', i, 'hpa'], 'hpa', mapping.hpa, size);
    return { gpa: mapping.gpa, hpa: mapping.hpa, size, perms: mapping.perms ?? DEFAULT_NESTED_PERMS };
  });
}

function resolveScenario(raw: RawScenario): Scenario {
  const issues = new IssueList();
  const cpu = resolveCpu(raw.cpu, issues);
  if (raw.ept && raw.npt) issues.add([], 'give either "ept" (Intel) or "npt" (AMD), not both');
  const ept = resolveEpt(raw.ept, cpu.maxPhyAddr, issues);
  const npt = resolveNpt(raw.npt, cpu.maxPhyAddr, issues);
  const guestMappings = resolveGuestMappings(raw, cpu, issues);
  const eptMappings = resolveNestedMappings(raw, issues);
  const accesses = (raw.accesses ?? []).map((step) => resolveStep(step, cpu.cpl));
  const memoryAccesses = accesses.filter(isMemoryAccess).length;
  if (raw.expect && raw.expect.length > memoryAccesses) {
    issues.add(['expect'], `${raw.expect.length} expectations for ${memoryAccesses} accesses`);
  }
  issues.throwIfAny();
  return {
    ...(raw.name !== undefined && { name: raw.name }),
    ...(raw.description !== undefined && { description: raw.description }),
    cpu,
    ...(ept && { ept }),
    ...(npt && { npt }),
    memory: (raw.memory ?? []).map((word) => ({ addr: word.addr, lo: word.value.lo, hi: word.value.hi })),
    guestMappings,
    eptMappings,
    accesses,
    ...(raw.expect && { expect: raw.expect }),
    ...(raw.cpu.tlb && raw.cpu.tlb !== 'none' && { caches: raw.cpu.tlb }),
  };
}
