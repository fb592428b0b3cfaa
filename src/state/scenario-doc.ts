/**
 * The scenario as the user edits it: the JSON document of the contract, kept as written so it can
 * be exported and shared unchanged. The engine validates it; here we only rewrite fields.
 */
import type { AccessKind, Cpl } from '../engine';
import type { MemoryWord } from '../worker/protocol';

export type Hex = string | number;

export interface ScenarioAccessDoc {
  va: Hex;
  kind?: AccessKind;
  cpl?: Cpl;
  [field: string]: unknown;
}

export interface ScenarioDoc {
  format?: string;
  name?: string;
  cpu?: {
    cr3?: Hex;
    cr0?: { wp?: boolean };
    cr4?: { la57?: boolean; smep?: boolean; smap?: boolean; [flag: string]: unknown };
    efer?: { nxe?: boolean };
    cpl?: Cpl;
    maxPhyAddr?: number;
    [field: string]: unknown;
  };
  ept?: { eptp: Hex; [field: string]: unknown };
  npt?: { ncr3: Hex; levels?: 4 | 5; nxe?: boolean; [field: string]: unknown };
  memory?: MemoryWord[];
  guestMappings?: Record<string, unknown>[];
  eptMappings?: Record<string, unknown>[];
  accesses?: ScenarioAccessDoc[];
  [field: string]: unknown;
}

export const isScenarioDoc = (value: unknown): value is ScenarioDoc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A contract hex string or JSON number as a BigInt; null when it is neither. */
export function hexToBigInt(value: unknown): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : null;
  if (typeof value !== 'string' || !/^0x[0-9a-f_]+$/i.test(value.trim())) return null;
  const digits = value.trim().slice(2).replace(/_/g, '');
  return digits === '' ? null : BigInt('0x' + digits);
}

export const toHex = (value: number | bigint): string => '0x' + value.toString(16);

/** An edit changes the walk, so the document's `expect` list (what the walk should give) no longer holds. */
export function withoutExpectations(doc: ScenarioDoc): ScenarioDoc {
  const { expect: _expect, ...rest } = doc;
  return rest;
}

/** A step of `accesses` with an "op" field is a cache operation (INVLPG, MOV CR3, …), not a memory access. */
export const isOperationStep = (step: unknown): boolean =>
  typeof step === 'object' && step !== null && 'op' in step;

/**
 * Where memory access number `access` (0-based, counting accesses only, as the walk's results and
 * event lists do) sits in the document's `accesses` list, which also holds cache operations; -1
 * when there is no such access.
 */
export function stepIndexOfAccess(doc: ScenarioDoc | null, access: number): number {
  const steps = doc?.accesses ?? [];
  let seen = -1;
  for (let i = 0; i < steps.length; i++) if (!isOperationStep(steps[i]) && ++seen === access) return i;
  return -1;
}

/** Memory access number `access` of the document (operations not counted), or null. */
export function accessOf(doc: ScenarioDoc | null, access: number): ScenarioAccessDoc | null {
  const index = stepIndexOfAccess(doc, access);
  return index < 0 ? null : (doc?.accesses?.[index] ?? null);
}

/** Rewrites fields of memory access number `access` (the rest of the document is shared, not copied). */
export function withAccess(doc: ScenarioDoc, access: number, patch: Partial<ScenarioAccessDoc>): ScenarioDoc {
  const index = stepIndexOfAccess(doc, access);
  if (index < 0) return doc;
  return {
    ...withoutExpectations(doc),
    accesses: (doc.accesses ?? []).map((a, i) => (i === index ? { ...a, ...patch } : a)),
  };
}

/**
 * Writes one 64-bit word. `image` is the scenario's starting memory (given plus builder-written):
 * the builders are dropped and their output becomes plain `memory`, so the edit cannot conflict
 * with a builder mapping, which the contract treats as an error.
 */
export function withMemoryWord(
  doc: ScenarioDoc,
  image: readonly MemoryWord[],
  addr: number,
  value: bigint,
): ScenarioDoc {
  const target = BigInt(addr);
  const word = { addr: toHex(target), value: toHex(value) };
  const memory = image.filter((w) => hexToBigInt(w.addr) !== target).map((w) => ({ ...w }));
  const at = memory.findIndex((w) => (hexToBigInt(w.addr) ?? 0n) > target);
  memory.splice(at < 0 ? memory.length : at, 0, word);
  const { guestMappings: _guest, eptMappings: _ept, ...rest } = withoutExpectations(doc);
  return { ...rest, memory };
}

/** An entry given as 32-bit halves, as a 64-bit value. */
export const entryValue = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

/** Sets `cpu.tlb` (the translation caches the machine has); 'none' removes it. */
export function withCachePreset(doc: ScenarioDoc, preset: string): ScenarioDoc {
  const { tlb: _tlb, ...cpu } = doc.cpu ?? {};
  return { ...withoutExpectations(doc), cpu: preset === 'none' ? cpu : { ...cpu, tlb: preset } };
}
