/**
 * Small hand-built machines for the cache tests (built with the walker tests' table helpers):
 *
 *   page  va                 gPA        what it is for
 *   A     0x7fff_f000_0000   0x40_0000  the first walk
 *   B     0x7fff_f000_1000   0x40_1000  its 4 KiB neighbour (same page table)
 *   C     0x7fff_b000_0000   0x60_0000  another 1 GiB region under the same PML4E
 *   D     0x7fff_f020_0000   0x80_0000  another 2 MiB region in A's 1 GiB region
 *
 * Guest tables: PML4 at gPA 0x1000, then PDPT 0x2000, PD 0x3000, PT 0x4000 (A, B), PD 0x5000 and
 * PT 0x6000 (C), PT 0x7000 (D). The EPT maps every gPA used to hPA = gPA + 4 GiB, with 4 KiB pages
 * unless asked; the EPT tables live at hPA 0x5000_0000….
 */
import { createMachine } from '../../../src/engine/machine';
import { parseLinearAddress } from '../../../src/engine/address';
import type { CacheConfig } from '../../../src/engine/cache/cache-config';
import type { CachePresetName } from '../../../src/engine/cache/presets';
import type { WalkEvent } from '../../../src/engine/events';
import type { AccessKind, Cpl, CpuConfig } from '../../../src/engine/vocabulary';
import type { TranslationResult } from '../../../src/engine/result';
import type { Machine, MachineConfig } from '../../../src/engine/machine-api';
import { Tables, baseCpu, buildGuest, buildNested, type GuestPage } from '../walk/fixture';

export const HOST_OFFSET = 0x1_0000_0000;
export const EPT_ROOT = 0x5000_0000;
export const VA = {
  A: '0x7fff_f000_0000',
  B: '0x7fff_f000_1000',
  C: '0x7fff_b000_0000',
  D: '0x7fff_f020_0000',
} as const;
export const GPA = { A: 0x40_0000, B: 0x40_1000, C: 0x60_0000, D: 0x80_0000 } as const;
const WB = 6 << 3;
const USER_RW = 0b111;
const PTE_G = 0x100;

export interface FixtureOptions {
  caches?: CachePresetName | CacheConfig;
  /** 'native': the guest tables at those (now physical) addresses; 'ept' (default); 'npt'. */
  mode?: 'native' | 'ept' | 'npt';
  eptLeafLevel?: 1 | 2;
  eptAd?: boolean;
  cpu?: Partial<CpuConfig>;
  /** Page A is global (G = 1). */
  globalA?: boolean;
}

export interface Fixture {
  machine: Machine;
  tables: Tables;
  config: MachineConfig;
  /** Host-physical address of a guest-physical one (identity natively). */
  host: (gpa: number) => number;
}

export function makeFixture(options: FixtureOptions = {}): Fixture {
  const mode = options.mode ?? 'ept';
  const t = new Tables(EPT_ROOT + 0x1000);
  const host = mode === 'native' ? (g: number) => g : (g: number) => g + HOST_OFFSET;
  if (mode !== 'native') {
    const leaf = options.eptLeafLevel ?? 1;
    const nestedTables = new Map<string, number>();
    const flags = mode === 'npt' ? USER_RW : USER_RW | WB;
    const frames = [0x1000, 0x2000, 0x3000, 0x4000, 0x5000, 0x6000, 0x7000, ...Object.values(GPA)];
    const mapped = new Set<number>();
    for (const gpa of frames) {
      const bytes = leaf === 1 ? 0x1000 : 0x20_0000;
      const base = gpa - (gpa % bytes);
      if (mapped.has(base)) continue;
      mapped.add(base);
      buildNested(t, EPT_ROOT, 4, base, base + HOST_OFFSET, leaf, flags, USER_RW, nestedTables);
    }
  }
  let next = 0x2000;
  const pages: GuestPage[] = (['A', 'B', 'C', 'D'] as const).map((p) => ({
    va: VA[p],
    pa: GPA[p],
    leafFlags: USER_RW | (p === 'A' && options.globalA ? PTE_G : 0),
  }));
  buildGuest(t, 0x1000, 4, pages, () => (next += 0x1000) - 0x1000, host);
  const config: MachineConfig = {
    cpu: { ...baseCpu, ...options.cpu },
    ...(mode === 'ept' && { ept: { eptp: EPT_ROOT + 6 + (3 << 3) + (options.eptAd ? 0x40 : 0) } }),
    ...(mode === 'npt' && { npt: { ncr3: EPT_ROOT, levels: 4 as const, nxe: true } }),
  };
  const machine = createMachine(config, t.memory, { caches: options.caches ?? 'skylake' });
  return { machine, tables: t, config, host };
}

/** One access with its events. */
export function access(
  machine: Machine,
  va: string,
  kind: AccessKind = 'read',
  cpl: Cpl = 3,
): { result: TranslationResult; events: WalkEvent[] } {
  const events: WalkEvent[] = [];
  const result = machine.translate({ va: parseLinearAddress(va), kind, cpl }, (e) => events.push(e));
  return { result, events };
}

/** References of one access, by the bulk path. */
export function bulkReferences(machine: Machine, va: string, kind = 0, cpl: Cpl = 3): number {
  const { hi, lo } = parseLinearAddress(va);
  machine.run(hi, lo, kind, cpl);
  return machine.lastReferences;
}
