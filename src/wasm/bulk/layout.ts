// Slots of the configuration block and the counters block the host reads and writes
// (docs/wasm-engine.md). The host mirrors these numbers in src/engine/wasm-host/bulk-layout.ts.

export const CFG_MODE: i32 = 0; // 0 native, 1 EPT, 2 NPT
export const CFG_GUEST_LEVELS: i32 = 1;
export const CFG_NESTED_LEVELS: i32 = 2;
export const CFG_GUEST_ROOT: i32 = 3; // CR3: guest-physical address of the top guest table
export const CFG_NESTED_ROOT: i32 = 4; // EPTP / nCR3 table address
export const CFG_GUEST_TREE: i32 = 8; // TREE_SLOTS slots each
export const CFG_NESTED_TREE: i32 = 20;
export const TREE_LEVELS: i32 = 0;
export const TREE_LEAF: i32 = 1;
export const TREE_MAP_BASE: i32 = 2;
export const TREE_MAP_BYTES: i32 = 3;
export const TREE_OUT_BASE: i32 = 4;
export const TREE_TABLE_BASE: i32 = 5;
export const TREE_NON_LEAF_FLAGS: i32 = 6;
export const TREE_LEAF_FLAGS: i32 = 7;
export const TREE_PS_FLAG: i32 = 8;
export const TREE_LOAD_BASE: i32 = 9;
export const TREE_PRESENT: i32 = 10; // 0: no such tree
export const CFG_STREAM: i32 = 32; // 0 pointer chase, 1 stride, 2 uniform
export const CFG_HEAP_BASE: i32 = 33;
export const CFG_HEAP_BYTES: i32 = 34;
export const CFG_STREAM_PARAM: i32 = 35; // object bytes, stride bytes or alignment
export const CFG_SEED: i32 = 36;
export const CFG_KIND: i32 = 37;
export const CFG_STRUCTURES: i32 = 38;
export const CFG_STRUCTURE_BASE: i32 = 40; // STRUCTURE_SLOTS slots each
export const STRUCTURE_SLOTS: i32 = 8;
export const ST_ENTRIES: i32 = 0;
export const ST_WAYS: i32 = 1;
export const ST_KIND: i32 = 2; // 0 tlb, 1 pwc, 2 gpa-tlb, 3 nested-pwc
export const ST_TIER: i32 = 3;
export const ST_SIDE: i32 = 4; // 0 data, 1 instruction, 2 unified
export const ST_HELD: i32 = 5; // bit L set: page level (TLBs) or entry level (PWCs) L held
export const ST_SPLINTER: i32 = 6;
export const MAX_STRUCTURES: i32 = 32;
export const CONFIG_SLOTS: i32 = 40 + 8 * 32;

export const C_ACCESSES: i32 = 0;
export const C_FAULTS: i32 = 1;
export const C_REFERENCES: i32 = 2;
export const C_GUEST_REFERENCES: i32 = 3;
export const C_WALKS: i32 = 4;
export const C_TLB_HITS: i32 = 5;
export const C_TIER2_HITS: i32 = 6;
export const C_GUEST_READS: i32 = 8; // 6 slots, by level
export const C_NESTED_READS: i32 = 14; // 6 slots, by level
export const COUNTER_SLOTS: i32 = 20;

// Per structure: hits, misses, fills, evictions, drops, invalidated (the TypeScript STAT_* order).
export const STAT_HITS: i32 = 0;
export const STAT_MISSES: i32 = 1;
export const STAT_FILLS: i32 = 2;
export const STAT_EVICTIONS: i32 = 3;
export const STAT_SLOTS: i32 = 6;
