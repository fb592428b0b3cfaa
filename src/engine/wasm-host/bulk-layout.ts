/**
 * Slots of the WebAssembly module's configuration and counter blocks (f64 each), as the module
 * defines them in src/wasm/bulk/layout.ts. A change on one side must be made on the other; the
 * identity test fails otherwise.
 */
export const CFG_MODE = 0;
export const CFG_GUEST_LEVELS = 1;
export const CFG_NESTED_LEVELS = 2;
export const CFG_GUEST_ROOT = 3;
export const CFG_NESTED_ROOT = 4;
export const CFG_GUEST_TREE = 8;
export const CFG_NESTED_TREE = 20;
export const TREE_LEVELS = 0;
export const TREE_LEAF = 1;
export const TREE_MAP_BASE = 2;
export const TREE_MAP_BYTES = 3;
export const TREE_OUT_BASE = 4;
export const TREE_TABLE_BASE = 5;
export const TREE_NON_LEAF_FLAGS = 6;
export const TREE_LEAF_FLAGS = 7;
export const TREE_PS_FLAG = 8;
export const TREE_LOAD_BASE = 9;
export const TREE_PRESENT = 10;
export const CFG_STREAM = 32;
export const CFG_HEAP_BASE = 33;
export const CFG_HEAP_BYTES = 34;
export const CFG_STREAM_PARAM = 35;
export const CFG_SEED = 36;
export const CFG_KIND = 37;
export const CFG_STRUCTURES = 38;
export const CFG_STRUCTURE_BASE = 40;
export const STRUCTURE_SLOTS = 8;
export const ST_ENTRIES = 0;
export const ST_WAYS = 1;
export const ST_KIND = 2;
export const ST_TIER = 3;
export const ST_SIDE = 4;
export const ST_HELD = 5;
export const ST_SPLINTER = 6;
export const MAX_STRUCTURES = 32;
export const CONFIG_SLOTS = 40 + 8 * 32;

export const C_ACCESSES = 0;
export const C_FAULTS = 1;
export const C_REFERENCES = 2;
export const C_GUEST_REFERENCES = 3;
export const C_WALKS = 4;
export const C_TLB_HITS = 5;
export const C_TIER2_HITS = 6;
export const C_GUEST_READS = 8;
export const C_NESTED_READS = 14;
export const COUNTER_SLOTS = 20;
export const STAT_SLOTS = 6;

export const STREAM_CHASE = 0;
export const STREAM_STRIDE = 1;
export const STREAM_UNIFORM = 2;
