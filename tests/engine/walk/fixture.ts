/**
 * A small hand-built machine for walker tests, independent of the scenario builder: page tables
 * are written entry by entry so each test sees exactly the words it sets.
 */
import { createMachine } from '../../../src/engine/machine';
import { SparseMemory } from '../../../src/engine/memory/sparse-memory';
import { physIndex, levelIndex, parseLinearAddress } from '../../../src/engine/address';
import type { AccessKind, Cpl, CpuConfig } from '../../../src/engine/vocabulary';
import type { TranslationResult } from '../../../src/engine/result';
import type { MachineConfig } from '../../../src/engine/machine-api';
import type { WalkEvent } from '../../../src/engine/events';
import { DEFAULT_CPU } from '../../../src/engine/cpu-defaults';

export const TWO_32 = 0x1_0000_0000;
export const split = (value: number) => ({ lo: (value % TWO_32) >>> 0, hi: Math.floor(value / TWO_32) });

export const baseCpu: CpuConfig = { ...DEFAULT_CPU, cr3: 0x1000, cpl: 3 };

/** Table-writing helpers over one SparseMemory. Frames are handed out from `next`. */
export class Tables {
  readonly memory = new SparseMemory();
  constructor(public next: number) {}
  frame(): number {
    const f = this.next;
    this.next += 0x1000;
    return f;
  }
  write(addr: number, value: number, hiExtra = 0): void {
    const { lo, hi } = split(value);
    this.memory.store(addr, lo, (hi | hiExtra) >>> 0);
  }
  read(addr: number): number {
    this.memory.load(addr);
    return this.memory.hi * TWO_32 + this.memory.lo;
  }
}

export interface GuestPage {
  va: string;
  pa: number;
  /** Leaf level: 1 = 4K, 2 = 2M, 3 = 1G. */
  leafLevel?: number;
  /** Flags of the leaf (low bits); non-leaf entries get P|RW|US unless `upper` given. */
  leafFlags?: number;
  upper?: number;
  leafHi?: number;
}

/**
 * Writes guest tables for `pages` rooted at `root` (levels 4 or 5). `place(gpa)` says where a
 * guest-physical table word lives in host memory (identity natively; through the EPT otherwise).
 */
export function buildGuest(
  t: Tables,
  root: number,
  levels: number,
  pages: GuestPage[],
  nextTableGpa: () => number,
  place: (gpa: number) => number = (g) => g,
): void {
  const tables = new Map<string, number>();
  for (const page of pages) {
    const va = parseLinearAddress(page.va);
    const leafLevel = page.leafLevel ?? 1;
    let table = root;
    for (let level = levels; level > leafLevel; level--) {
      const key = `${level}:${table}:${levelIndex(va.hi, va.lo, level)}`;
      let next = tables.get(key);
      const addr = table + levelIndex(va.hi, va.lo, level) * 8;
      if (next === undefined) {
        next = nextTableGpa();
        tables.set(key, next);
        t.write(place(addr), next + (page.upper ?? 0b111));
      }
      table = next;
    }
    const leafAddr = table + levelIndex(va.hi, va.lo, leafLevel) * 8;
    const ps = leafLevel > 1 ? 0x80 : 0;
    t.write(place(leafAddr), page.pa + (page.leafFlags ?? 0b111) + ps, page.leafHi ?? 0);
  }
}

/** Writes an EPT (or, with `npt`, a nested long-mode table) mapping [gpa, gpa+bytes) → hpa. */
export function buildNested(
  t: Tables,
  root: number,
  levels: number,
  gpa: number,
  hpa: number,
  leafLevel: number,
  leafFlags: number,
  upper: number,
  tables: Map<string, number>,
): void {
  let table = root;
  for (let level = levels; level > leafLevel; level--) {
    const index = physIndex(gpa, level);
    const key = `${level}:${table}:${index}`;
    let next = tables.get(key);
    if (next === undefined) {
      next = t.frame();
      tables.set(key, next);
      t.write(table + index * 8, next + upper);
    }
    table = next;
  }
  const ps = leafLevel > 1 ? 0x80 : 0;
  t.write(table + physIndex(gpa, leafLevel) * 8, hpa + leafFlags + ps);
}

export function walk(
  config: MachineConfig,
  memory: SparseMemory,
  va: string,
  kind: AccessKind = 'read',
  cpl: Cpl = 3,
): { result: TranslationResult; events: WalkEvent[] } {
  const machine = createMachine(config, memory);
  const events: WalkEvent[] = [];
  const result = machine.translate({ va: parseLinearAddress(va), kind, cpl }, (e) => events.push(e));
  return { result, events };
}
