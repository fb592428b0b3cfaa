/**
 * createMachine: a vCPU's paging state plus physical memory, ready to translate linear addresses
 * natively, through Intel EPT or through AMD nested paging.
 */
import type { EventSink, WalkEvent } from './events';
import type { PhysicalMemory } from './memory/physical-memory';
import { pageSizeOfLevel } from './bits';
import {
  ACCESS_FETCH,
  ACCESS_READ,
  ACCESS_WRITE,
  OUTCOMES,
  OUTCOME_EPT_MISCONFIG,
  OUTCOME_EPT_VIOLATION,
  OUTCOME_NPF,
  OUTCOME_OK,
  OUTCOME_PAGE_FAULT,
  type Access,
  type Cpl,
  type Machine,
  type MachineConfig,
  type PageSize,
  type PagingMode,
  type TranslationResult,
} from './types';
import { EptWalker } from './walk/ept-walker';
import { GuestWalker } from './walk/guest-walker';
import type { NestedWalker } from './walk/nested-walker';
import { NptWalker } from './walk/npt-walker';
import { WalkContext } from './walk/walk-context';

const KIND_CODES = { read: ACCESS_READ, write: ACCESS_WRITE, fetch: ACCESS_FETCH } as const;

export function createMachine(config: MachineConfig, memory: PhysicalMemory): Machine {
  if (config.ept !== undefined && config.npt !== undefined) {
    throw new Error('a machine uses either Intel EPT or AMD nested paging, not both');
  }
  const ctx = new WalkContext(memory);
  const maxPhy = config.cpu.maxPhyAddr;
  let nested: NestedWalker | null = null;
  let mode: PagingMode = 'native';
  if (config.ept !== undefined) {
    nested = new EptWalker(ctx, config.ept.eptp, maxPhy);
    mode = 'ept';
  } else if (config.npt !== undefined) {
    nested = new NptWalker(ctx, config.npt.ncr3, config.npt.levels, config.npt.nxe, maxPhy);
    mode = 'npt';
  }
  const guest = new GuestWalker(ctx, config.cpu, nested, mode === 'npt');
  const guestLevels = guest.levels;
  const nestedLevels = nested === null ? 0 : nested.levels;

  function walkWithEvents(
    access: Access,
    sink: EventSink | undefined,
    sideEffects: boolean,
  ): TranslationResult {
    ctx.begin(sink ?? null, true, sideEffects);
    const { va, kind, cpl } = access;
    sink?.({ type: 'walk-start', va, kind, cpl, mode, guestLevels, nestedLevels });
    const code = guest.walk(va.hi >>> 0, va.lo >>> 0, KIND_CODES[kind], cpl);
    const result = describeResult(guest, code, access, mode, guestLevels, nestedLevels, ctx);
    if (sink !== undefined) {
      if (code !== OUTCOME_OK) {
        sink({
          type: 'fault',
          outcome: result.outcome as Exclude<typeof result.outcome, 'ok'>,
          guestLevel: guest.faultGuestLevel,
          nestedLevel: guest.faultNestedLevel,
          reason: guest.faultReason,
        });
      }
      const end: WalkEvent = { type: 'walk-end', result };
      sink(end);
    }
    ctx.begin(null, false, true);
    return result;
  }

  return {
    config,
    mode,
    guestLevels,
    nestedLevels,
    translate: (access, sink) => walkWithEvents(access, sink, true),
    probe: (access, sink) => walkWithEvents(access, sink, false),
    run(vaHi: number, vaLo: number, kindCode: number, cpl: Cpl): number {
      ctx.count = 0;
      return guest.walk(vaHi >>> 0, vaLo >>> 0, kindCode, cpl);
    },
    get lastPa() {
      return guest.pa;
    },
    get lastReferences() {
      return ctx.count;
    },
  };
}

function describeResult(
  guest: GuestWalker,
  code: number,
  access: Access,
  mode: PagingMode,
  guestLevels: number,
  nestedLevels: number,
  ctx: WalkContext,
): TranslationResult {
  const base = {
    va: access.va,
    kind: access.kind,
    cpl: access.cpl,
    mode,
    outcome: OUTCOMES[code]!,
    guestLevels,
    nestedLevels,
    references: ctx.references ?? [],
    faultGuestLevel: code === OUTCOME_OK ? undefined : guest.faultGuestLevel,
    faultNestedLevel: code === OUTCOME_OK ? undefined : guest.faultNestedLevel,
  };
  switch (code) {
    case OUTCOME_OK: {
      const guestPageSize = pageSizeOfLevel(guest.guestLeafLevel);
      const nestedPageSize = guest.nestedLeafLevel === 0 ? undefined : pageSizeOfLevel(guest.nestedLeafLevel);
      return {
        ...base,
        gpa: mode === 'native' ? undefined : guest.gpa,
        pa: guest.pa,
        guestPageSize,
        nestedPageSize,
        pageSize: smallerPage(guestPageSize, nestedPageSize),
      };
    }
    case OUTCOME_PAGE_FAULT:
      return { ...base, errorCode: guest.errorCode, faultLinear: access.va };
    case OUTCOME_EPT_VIOLATION:
      return {
        ...base,
        faultGpa: guest.faultGpa,
        exitQualification: guest.exitQualification,
        guestLinearAddress: access.va,
      };
    case OUTCOME_EPT_MISCONFIG:
      return { ...base, faultGpa: guest.faultGpa };
    case OUTCOME_NPF:
      return { ...base, faultGpa: guest.faultGpa, exitInfo1: guest.exitInfo1 };
    default:
      return base; // #GP: no walk
  }
}

const PAGE_ORDER: readonly PageSize[] = ['4K', '2M', '1G'];
/** The translation covers min(guest page, nested page) — a larger guest page is "splintered". */
export const smallerPage = (a: PageSize, b: PageSize | undefined): PageSize =>
  b === undefined || PAGE_ORDER.indexOf(a) <= PAGE_ORDER.indexOf(b) ? a : b;
