/**
 * A parsed scenario: every default filled in, every address a number (or 32-bit halves for linear
 * addresses), ready for the builder and the machine. Plain data, structured-clone safe.
 */
import type { CpuConfig, EptConfig, LinearAddress, NptConfig, PageSize } from '../vocabulary';
import type { GuestFlags, NestedPerms } from './flags';
import type { ScenarioStep } from './access-schema';
import type { Expectation } from './schema';
import type { CachePresetName } from '../cache/presets';

export interface MemoryWord {
  readonly addr: number;
  readonly lo: number;
  readonly hi: number;
}

export interface GuestMapping {
  readonly va: LinearAddress;
  /** Guest-physical (native: physical) address of the page. */
  readonly pa: number;
  readonly size: PageSize;
  readonly flags: GuestFlags;
}

/** An `eptMappings` entry; with AMD NPT on, the same list builds the nested page table. */
export interface NestedMapping {
  readonly gpa: number;
  readonly hpa: number;
  readonly size: PageSize;
  readonly perms: NestedPerms;
}

export interface Scenario {
  readonly name?: string;
  readonly description?: string;
  /** CPU state with defaults applied; `cr3` includes the PCID when `cpu.pcid` was given. */
  readonly cpu: CpuConfig;
  readonly ept?: EptConfig;
  readonly npt?: NptConfig;
  readonly memory: readonly MemoryWord[];
  readonly guestMappings: readonly GuestMapping[];
  readonly eptMappings: readonly NestedMapping[];
  readonly accesses: readonly ScenarioStep[];
  readonly expect?: readonly Expectation[];
  /** Translation caches from `cpu.tlb` (absent: none). */
  readonly caches?: CachePresetName;
}

export type { Expectation };
