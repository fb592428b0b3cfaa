/**
 * createMachine: a vCPU's paging state plus physical memory, ready to translate linear addresses
 * natively, through Intel EPT or through AMD nested paging.
 */
import type { EventSink, WalkEvent } from './events';
import type { PhysicalMemory } from './memory/physical-memory';
import { pageSizeOfLevel, smallerPage } from './paging';
import {
  ACCESS_FETCH,
  ACCESS_READ,
  ACCESS_WRITE,
  OUTCOME_EPT_MISCONFIG,
  OUTCOME_EPT_VIOLATION,
  OUTCOME_NPF,
  OUTCOME_OK,
  OUTCOME_PAGE_FAULT,
  asGpa,
  asGva,
  asHpa,
  type Access,
  type Cpl,
  type PagingMode,
} from './vocabulary';
import { type TranslationResult } from './result';
import { type Machine, type MachineConfig } from './machine-api';
import { EptWalker } from './walk/ept-walker';
import { GuestWalker } from './walk/guest-walker';
import type { NestedWalker } from './walk/nested-walker';
import { NptWalker } from './walk/npt-walker';
import { WalkContext } from './walk/walk-context';
import { CACHES_OFF, CACHES_ON, CACHES_READ } from './walk/cache-hooks';
import type { CacheConfig } from './cache/cache-config';
import type { CacheOp, CacheOpResult } from './cache/cache-ops';
import type { CacheCounters, CacheSnapshot } from './cache/snapshot-types';
import { countersOf, emptySnapshot, writeDescription } from './cache/machine-reports';
import { MachineCaches, type StatsBefore } from './cache/machine-caches';
import { resolveCacheConfig, type CachePresetName } from './cache/presets';

const KIND_CODES = { read: ACCESS_READ, write: ACCESS_WRITE, fetch: ACCESS_FETCH } as const;

export interface MachineOptions {
  /** Translation caches: a preset name or a configuration; overrides `config.caches`. */
  readonly caches?: CachePresetName | CacheConfig;
}

export function createMachine(
  config: MachineConfig,
  memory: PhysicalMemory,
  options: MachineOptions = {},
): Machine {
  if (config.ept !== undefined && config.npt !== undefined) {
    throw new Error('a machine uses either Intel EPT or AMD nested paging, not both');
  }
  return new EngineMachine(config, memory, resolveCacheConfig(options.caches ?? config.caches ?? 'none'));
}

/**
 * A class, not an object literal: a literal with this many accessors is kept in dictionary mode,
 * and every `run` / `lastReferences` of the bulk loop would be a hash lookup.
 */
class EngineMachine implements Machine {
  readonly mode: PagingMode;
  readonly guestLevels: number;
  readonly nestedLevels: number;
  readonly caches: CacheConfig | null;
  private readonly ctx: WalkContext;
  private readonly guest: GuestWalker;
  private readonly machineCaches: MachineCaches | null;
  /** The mode of `run`: with caches, look up and fill. */
  private readonly bulkMode: number;
  private readonly nestedRoot: number | null;
  private currentCr3: number;
  /** Cumulative counters: accesses, references, guest references. */
  private readonly totals = new Float64Array(3);

  constructor(
    readonly config: MachineConfig,
    private readonly memory: PhysicalMemory,
    private readonly cacheConfig: CacheConfig,
  ) {
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
    const guest = new GuestWalker(ctx, config.cpu, nested);
    this.ctx = ctx;
    this.guest = guest;
    this.mode = mode;
    this.guestLevels = guest.levels;
    this.nestedLevels = nested === null ? 0 : nested.levels;
    this.machineCaches =
      cacheConfig.structures.length === 0
        ? null
        : new MachineCaches(cacheConfig, ctx, guest, nested, mode === 'npt', config.cpu);
    this.caches = this.machineCaches === null ? null : cacheConfig;
    this.bulkMode = this.machineCaches === null ? CACHES_OFF : CACHES_ON;
    ctx.begin(null, false, true, this.bulkMode);
    this.nestedRoot = config.ept?.eptp ?? config.npt?.ncr3 ?? null;
    this.currentCr3 = config.cpu.cr3;
  }

  translate(access: Access, sink?: EventSink): TranslationResult {
    return this.walkWithEvents(access, sink, true);
  }

  probe(access: Access, sink?: EventSink): TranslationResult {
    return this.walkWithEvents(access, sink, false);
  }

  run(vaHi: number, vaLo: number, kindCode: number, cpl: Cpl): number {
    const ctx = this.ctx;
    ctx.count = 0;
    ctx.guestCount = 0;
    // Signed halves: an int32 stays a small integer across calls, an unsigned one above 2^31 would be boxed.
    const code = this.guest.walk(vaHi | 0, vaLo | 0, kindCode, cpl);
    this.count();
    return code;
  }

  get lastPa(): number {
    return this.guest.record.pa;
  }

  get lastReferences(): number {
    return this.ctx.count;
  }

  get lastGuestReferences(): number {
    return this.ctx.guestCount;
  }

  get cr3(): number {
    return this.currentCr3;
  }

  perform(op: CacheOp, sink?: EventSink): CacheOpResult {
    if (op.op === 'mov-cr3') {
      this.currentCr3 = op.cr3;
      this.guest.setCr3(op.cr3);
    } else if (op.op === 'write-entry') {
      this.memory.store(op.addr, op.lo >>> 0, op.hi >>> 0);
    }
    const caches = this.machineCaches;
    const removal =
      op.op === 'write-entry'
        ? { description: writeDescription(op.addr, op.lo, op.hi), removed: {}, entries: [] }
        : caches !== null
          ? caches.perform(op, this.nestedRoot)
          : { description: `${op.op}: no translation caches on this machine.`, removed: {}, entries: [] };
    sink?.({ type: 'invalidate', op: op.op, ...removal });
    return { op: op.op, description: removal.description, removed: removal.removed };
  }

  cacheSnapshot(): CacheSnapshot {
    const caches = this.machineCaches;
    return caches === null ? emptySnapshot(this.cacheConfig, this.config.cpu.vpid) : caches.snapshot();
  }

  cacheCounters(): CacheCounters {
    return countersOf(this.machineCaches?.core ?? null, this.totals);
  }

  resetCacheCounters(): void {
    this.totals.fill(0);
    this.machineCaches?.core.resetCounters();
  }

  private walkWithEvents(
    access: Access,
    sink: EventSink | undefined,
    sideEffects: boolean,
  ): TranslationResult {
    const { ctx, guest, mode, guestLevels, nestedLevels } = this;
    const caches = this.machineCaches;
    const { va, kind, cpl } = access;
    const kindCode = KIND_CODES[kind];
    let before: StatsBefore | null = null;
    if (caches !== null) {
      // The same walk uncached first: the steps a hit spares are cells of this one.
      ctx.begin(null, true, false, CACHES_OFF);
      guest.walk(va.hi >>> 0, va.lo >>> 0, kindCode, cpl);
      before = caches.begin(ctx.references!);
    }
    ctx.begin(
      sink ?? null,
      true,
      sideEffects,
      caches === null ? CACHES_OFF : sideEffects ? CACHES_ON : CACHES_READ,
    );
    sink?.({ type: 'walk-start', va: asGva(va), kind, cpl, mode, guestLevels, nestedLevels });
    const code = guest.walk(va.hi >>> 0, va.lo >>> 0, kindCode, cpl);
    if (sideEffects) this.count();
    let result = describeResult(guest, code, access, mode, guestLevels, nestedLevels, ctx);
    if (sink !== undefined && result.outcome !== 'ok') {
      sink({
        type: 'fault',
        outcome: result.outcome,
        guestLevel: guest.fault.guestLevel,
        nestedLevel: guest.fault.nestedLevel,
        reason: guest.describeFault(kindCode, cpl),
      });
    }
    if (caches !== null) result = caches.complete(result, kindCode, before!, sink);
    if (sink !== undefined) {
      const end: WalkEvent = { type: 'walk-end', result };
      sink(end);
    }
    ctx.begin(null, false, true, this.bulkMode);
    return result;
  }

  private count(): void {
    const totals = this.totals;
    totals[0] = totals[0]! + 1;
    totals[1] = totals[1]! + this.ctx.count;
    totals[2] = totals[2]! + this.ctx.guestCount;
  }
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
  const { record, fault } = guest;
  const va = asGva(access.va);
  const base = {
    va,
    kind: access.kind,
    cpl: access.cpl,
    mode,
    guestLevels,
    nestedLevels,
    references: ctx.references ?? [],
  };
  if (code === OUTCOME_OK) {
    const guestPageSize = pageSizeOfLevel(record.guestLeafLevel);
    const nestedPageSize = record.nestedLeafLevel === 0 ? undefined : pageSizeOfLevel(record.nestedLeafLevel);
    return {
      ...base,
      outcome: 'ok',
      gpa: mode === 'native' ? undefined : asGpa(record.gpa),
      pa: asHpa(record.pa),
      guestPageSize,
      nestedPageSize,
      pageSize: smallerPage(guestPageSize, nestedPageSize),
    };
  }
  const at = { ...base, faultGuestLevel: fault.guestLevel, faultNestedLevel: fault.nestedLevel };
  switch (code) {
    case OUTCOME_PAGE_FAULT:
      return { ...at, outcome: 'page-fault', errorCode: fault.errorCode, faultLinear: va };
    case OUTCOME_EPT_VIOLATION:
      return {
        ...at,
        outcome: 'ept-violation',
        faultGpa: asGpa(fault.gpa),
        exitQualification: fault.exitQualification,
        guestLinearAddress: va,
      };
    case OUTCOME_EPT_MISCONFIG:
      return { ...at, outcome: 'ept-misconfig', faultGpa: asGpa(fault.gpa) };
    case OUTCOME_NPF:
      return { ...at, outcome: 'nested-page-fault', faultGpa: asGpa(fault.gpa), exitInfo1: fault.exitInfo1 };
    default:
      return { ...at, outcome: 'general-protection' }; // a non-canonical address: no walk
  }
}
