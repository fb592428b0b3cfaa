// The bulk experiment loop in WebAssembly: an address stream, the procedural tables, the 2D walk
// (native, Intel EPT, AMD NPT) and the translation caches, giving the same counters as the
// TypeScript engine's machine.run loop (docs/wasm-engine.md). The host writes the configuration
// block, calls init(), then run(n) per chunk and reads the counters from memory.
import {
  CFG_GUEST_LEVELS,
  CFG_GUEST_ROOT,
  CFG_GUEST_TREE,
  CFG_HEAP_BASE,
  CFG_HEAP_BYTES,
  CFG_KIND,
  CFG_MODE,
  CFG_NESTED_LEVELS,
  CFG_NESTED_ROOT,
  CFG_NESTED_TREE,
  CFG_SEED,
  CFG_STREAM,
  CFG_STREAM_PARAM,
  CFG_STRUCTURES,
  CFG_STRUCTURE_BASE,
  CONFIG_SLOTS,
  COUNTER_SLOTS,
  C_ACCESSES,
  C_FAULTS,
  C_GUEST_READS,
  C_GUEST_REFERENCES,
  C_NESTED_READS,
  C_REFERENCES,
  C_TIER2_HITS,
  C_TLB_HITS,
  C_WALKS,
} from './layout';
import { initTree, treeBytes, treeLoadBase } from './tree';
import { STATS, initCaches, resetStats, structureCount } from './caches';
import {
  OUTCOME_OK,
  mode,
  nestedMode,
  guestLevels,
  nestedLevels,
  guestRoot,
  nestedRoot,
  caches,
  nestedBase,
  nestedBytes,
  guestBase,
  guestBytes,
  accesses,
  faults,
  references,
  guestReferences,
  walks,
  tlbHits,
  tier2Hits,
  READS,
  refs,
  guestRefs,
  pa,
} from './walk-state';
import { translate } from './guest';
import { initStream, nextAddress, streamKind } from './stream';

const CONFIG = memory.data(CONFIG_SLOTS * 8);
const COUNTERS = memory.data(COUNTER_SLOTS * 8);

export function configPtr(): usize {
  return CONFIG;
}
export function countersPtr(): usize {
  return COUNTERS;
}
export function statsPtr(): usize {
  return STATS;
}

function cfg(i: i32): f64 {
  return load<f64>(CONFIG + ((<usize>i) << 3));
}

export function init(): void {
  mode = <i32>cfg(CFG_MODE);
  nestedMode = mode != 0;
  guestLevels = <i32>cfg(CFG_GUEST_LEVELS);
  nestedLevels = <i32>cfg(CFG_NESTED_LEVELS);
  guestRoot = <i64>cfg(CFG_GUEST_ROOT);
  nestedRoot = <i64>cfg(CFG_NESTED_ROOT);
  initTree(0, CONFIG + ((<usize>CFG_GUEST_TREE) << 3));
  initTree(1, CONFIG + ((<usize>CFG_NESTED_TREE) << 3));
  guestBase = treeLoadBase(0);
  guestBytes = treeBytes(0);
  nestedBase = treeLoadBase(1);
  nestedBytes = treeBytes(1);
  const count = <i32>cfg(CFG_STRUCTURES);
  caches = count > 0;
  initCaches(CONFIG + ((<usize>CFG_STRUCTURE_BASE) << 3), count, nestedMode);
  initStream(
    <i32>cfg(CFG_STREAM),
    <i64>cfg(CFG_HEAP_BASE),
    <i64>cfg(CFG_HEAP_BYTES),
    <i64>cfg(CFG_STREAM_PARAM),
    cfg(CFG_SEED),
    <i32>cfg(CFG_KIND),
  );
  resetCounters();
}

/** Clears every counter (after a warm-up); the caches and the stream go on as they are. */
export function resetCounters(): void {
  accesses = 0;
  faults = 0;
  references = 0;
  guestReferences = 0;
  walks = 0;
  tlbHits = 0;
  tier2Hits = 0;
  memory.fill(READS, 0, 12 * 8);
  resetStats();
  flush();
}

/** Runs `n` accesses of the stream and leaves the counters in memory. */
export function run(n: i32): void {
  for (let k = 0; k < n; k++) {
    const va = nextAddress();
    refs = 0;
    guestRefs = 0;
    const outcome = translate(va, streamKind);
    if (outcome != OUTCOME_OK) faults++;
    references += refs;
    guestReferences += guestRefs;
    if (refs != 0) walks++;
  }
  accesses += n;
  flush();
}

/** The physical address of the last successful translation. */
export function lastPa(): f64 {
  return <f64>pa;
}

function flush(): void {
  store<f64>(COUNTERS + ((<usize>C_ACCESSES) << 3), <f64>accesses);
  store<f64>(COUNTERS + ((<usize>C_FAULTS) << 3), <f64>faults);
  store<f64>(COUNTERS + ((<usize>C_REFERENCES) << 3), <f64>references);
  store<f64>(COUNTERS + ((<usize>C_GUEST_REFERENCES) << 3), <f64>guestReferences);
  store<f64>(COUNTERS + ((<usize>C_WALKS) << 3), <f64>walks);
  store<f64>(COUNTERS + ((<usize>C_TLB_HITS) << 3), <f64>tlbHits);
  store<f64>(COUNTERS + ((<usize>C_TIER2_HITS) << 3), <f64>tier2Hits);
  for (let level = 0; level < 6; level++) {
    store<f64>(
      COUNTERS + ((<usize>(C_GUEST_READS + level)) << 3),
      <f64>load<i64>(READS + ((<usize>level) << 3)),
    );
    store<f64>(
      COUNTERS + ((<usize>(C_NESTED_READS + level)) << 3),
      <f64>load<i64>(READS + ((<usize>(6 + level)) << 3)),
    );
  }
}

export function structures(): i32 {
  return structureCount;
}
