/**
 * The WebAssembly bulk engine (docs/wasm-engine.md): decides per pass whether the module supports
 * it, writes its configuration into the module's memory, runs it chunk by chunk and reads the
 * counters back in the shape the TypeScript engine reports them.
 */
import type { CacheConfig, StructureSpec } from '../cache/cache-config';
import type { CacheCounters } from '../cache/snapshot-types';
import type { ProceduralRegion } from '../memory/procedural-memory';
import { levelOfPageSize } from '../paging';
import { ACCESS_FETCH, ACCESS_READ, ACCESS_WRITE, type AccessKind, type PagingMode } from '../vocabulary';
import type { BulkEngine, BulkPassRequest, PassRunner } from '../workload/pass-runner';
import * as L from './bulk-layout';
import type { BulkExports } from './bulk-exports';

const KIND_CODE: Record<AccessKind, number> = { read: ACCESS_READ, write: ACCESS_WRITE, fetch: ACCESS_FETCH };
const STRUCTURE_KIND = { tlb: 0, pwc: 1, 'gpa-tlb': 2, 'nested-pwc': 3 } as const;
const SIDE = { data: 0, instruction: 1, unified: 2 } as const;

/** Why the module cannot run this pass, or null. */
export function wasmUnsupported(request: BulkPassRequest): string | null {
  if (request.verify) return 'verify mode checks each address in TypeScript';
  if (request.workload.type === 'trace') return 'traces run on the TypeScript engine';
  if (request.caches.structures.length > L.MAX_STRUCTURES)
    return 'more cache structures than the module holds';
  if (request.caches.structures.length > 0 && request.caches.replacement !== 'lru')
    return `${request.caches.replacement} replacement runs on the TypeScript engine`;
  if (request.space.memory.overlaySize !== 0) return 'edited tables run on the TypeScript engine';
  return null;
}

export function createWasmBulkEngine(exports: BulkExports): BulkEngine {
  let epoch = 0;
  return {
    name: 'wasm',
    unsupported: wasmUnsupported,
    open(request) {
      configure(exports, request);
      exports.init();
      epoch++;
      return new WasmPass(exports, request, epoch, () => epoch);
    },
  };
}

function configure(exports: BulkExports, request: BulkPassRequest): void {
  const cfg = new Float64Array(exports.memory.buffer, exports.configPtr(), L.CONFIG_SLOTS);
  cfg.fill(0);
  const { space } = request;
  const config = space.config;
  const mode = config.ept !== undefined ? 1 : config.npt !== undefined ? 2 : 0;
  cfg[L.CFG_MODE] = mode;
  cfg[L.CFG_GUEST_LEVELS] = space.spec.guestLevels;
  cfg[L.CFG_NESTED_LEVELS] = space.spec.nested === 'off' ? 0 : space.spec.nested.levels;
  cfg[L.CFG_GUEST_ROOT] = config.cpu.cr3;
  writeTree(cfg, L.CFG_GUEST_TREE, space.memory.guest);
  if (space.memory.nested !== null) {
    writeTree(cfg, L.CFG_NESTED_TREE, space.memory.nested);
    cfg[L.CFG_NESTED_ROOT] = space.memory.nested.tree.spec.tableBase;
  }
  writeStream(cfg, request);
  const structures = request.caches.structures;
  cfg[L.CFG_STRUCTURES] = structures.length;
  structures.forEach((s, i) => writeStructure(cfg, L.CFG_STRUCTURE_BASE + i * L.STRUCTURE_SLOTS, s));
}

function writeTree(cfg: Float64Array, at: number, region: ProceduralRegion): void {
  const t = region.tree.spec;
  cfg[at + L.TREE_LEVELS] = t.levels;
  cfg[at + L.TREE_LEAF] = t.leafLevel;
  cfg[at + L.TREE_MAP_BASE] = t.mapBase;
  cfg[at + L.TREE_MAP_BYTES] = t.mapBytes;
  cfg[at + L.TREE_OUT_BASE] = t.outBase;
  cfg[at + L.TREE_TABLE_BASE] = t.tableBase;
  cfg[at + L.TREE_NON_LEAF_FLAGS] = t.nonLeafFlags;
  cfg[at + L.TREE_LEAF_FLAGS] = t.leafFlags;
  cfg[at + L.TREE_PS_FLAG] = t.psFlag;
  cfg[at + L.TREE_LOAD_BASE] = region.loadBase;
  cfg[at + L.TREE_PRESENT] = 1;
}

function writeStream(cfg: Float64Array, request: BulkPassRequest): void {
  const w = request.workload;
  cfg[L.CFG_HEAP_BASE] = request.heapBase;
  cfg[L.CFG_HEAP_BYTES] = request.heapBytes;
  cfg[L.CFG_SEED] = request.seed;
  switch (w.type) {
    case 'pointer-chase':
      cfg[L.CFG_STREAM] = L.STREAM_CHASE;
      cfg[L.CFG_STREAM_PARAM] = w.objectBytes ?? 64;
      cfg[L.CFG_KIND] = ACCESS_READ;
      return;
    case 'sequential':
    case 'stride':
      cfg[L.CFG_STREAM] = L.STREAM_STRIDE;
      cfg[L.CFG_STREAM_PARAM] = w.type === 'stride' ? w.strideBytes : (w.elementBytes ?? 64);
      cfg[L.CFG_KIND] = KIND_CODE[w.kind ?? 'read'];
      return;
    case 'uniform':
      cfg[L.CFG_STREAM] = L.STREAM_UNIFORM;
      cfg[L.CFG_STREAM_PARAM] = w.alignBytes ?? 64;
      cfg[L.CFG_KIND] = KIND_CODE[w.kind ?? 'read'];
      return;
    case 'trace':
      throw new Error('traces run on the TypeScript engine');
  }
}

function writeStructure(cfg: Float64Array, at: number, s: StructureSpec): void {
  cfg[at + L.ST_ENTRIES] = s.entries;
  cfg[at + L.ST_WAYS] = s.ways;
  cfg[at + L.ST_KIND] = STRUCTURE_KIND[s.kind];
  const levels = s.kind === 'tlb' || s.kind === 'gpa-tlb' ? s.sizes.map(levelOfPageSize) : s.levels;
  cfg[at + L.ST_HELD] = levels.reduce((mask, level) => mask | (1 << level), 0);
  if (s.kind === 'tlb') {
    cfg[at + L.ST_TIER] = s.tier;
    cfg[at + L.ST_SIDE] = SIDE[s.side];
  }
  if ((s.kind === 'tlb' || s.kind === 'gpa-tlb') && s.splinter === true) cfg[at + L.ST_SPLINTER] = 1;
}

/** One pass on the module; its counters are readable until the engine opens the next pass. */
class WasmPass implements PassRunner {
  readonly engine = 'wasm';
  readonly mode: PagingMode;
  readonly caches: CacheConfig | null;

  constructor(
    private readonly exports: BulkExports,
    private readonly request: BulkPassRequest,
    private readonly epoch: number,
    private readonly current: () => number,
  ) {
    const config = request.space.config;
    this.mode = config.ept !== undefined ? 'ept' : config.npt !== undefined ? 'npt' : 'native';
    this.caches = request.caches.structures.length === 0 ? null : request.caches;
  }

  private counters(): Float64Array {
    if (this.current() !== this.epoch) throw new Error('this pass was replaced by a later one');
    return new Float64Array(this.exports.memory.buffer, this.exports.countersPtr(), L.COUNTER_SLOTS);
  }
  private counter(slot: number): number {
    return this.counters()[slot]!;
  }

  get accesses(): number {
    return this.counter(L.C_ACCESSES);
  }
  get faults(): number {
    return this.counter(L.C_FAULTS);
  }
  get mismatches(): number {
    return 0;
  }
  get walks(): number {
    return this.counter(L.C_WALKS);
  }
  get references(): number {
    return this.counter(L.C_REFERENCES);
  }
  get guestReads(): ArrayLike<number> {
    return this.counters().slice(L.C_GUEST_READS, L.C_GUEST_READS + 6);
  }
  get nestedReads(): ArrayLike<number> {
    return this.counters().slice(L.C_NESTED_READS, L.C_NESTED_READS + 6);
  }

  run(count: number): void {
    this.counters();
    this.exports.run(count);
  }

  resetCounters(): void {
    this.counters();
    this.exports.resetCounters();
  }

  cacheCounters(): CacheCounters {
    const c = this.counters();
    const stats = new Float64Array(
      this.exports.memory.buffer,
      this.exports.statsPtr(),
      L.MAX_STRUCTURES * L.STAT_SLOTS,
    );
    const structures: Record<string, CacheCounters['structures'][string]> = {};
    this.request.caches.structures.forEach((s, i) => {
      const at = i * L.STAT_SLOTS;
      const [hits, misses, fills, evictions, drops, invalidated] = stats.slice(at, at + L.STAT_SLOTS);
      structures[s.name] = {
        lookups: hits! + misses! + drops!,
        hits: hits!,
        misses: misses!,
        fills: fills!,
        evictions: evictions!,
        drops: drops!,
        invalidated: invalidated!,
      };
    });
    const references = c[L.C_REFERENCES]!;
    const guestReferences = c[L.C_GUEST_REFERENCES]!;
    return {
      accesses: c[L.C_ACCESSES]!,
      tlbHits: c[L.C_TLB_HITS]!,
      tier2Hits: c[L.C_TIER2_HITS]!,
      references,
      guestReferences,
      nestedReferences: references - guestReferences,
      structures,
    };
  }
}
