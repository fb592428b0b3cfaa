// The procedural page tables: a radix tree whose entries are computed from the address read,
// the same rule as the TypeScript ProceduralTree (docs/wasm-engine.md). Two trees: guest, nested.
import {
  TREE_LEAF,
  TREE_LEAF_FLAGS,
  TREE_LEVELS,
  TREE_LOAD_BASE,
  TREE_MAP_BASE,
  TREE_MAP_BYTES,
  TREE_NON_LEAF_FLAGS,
  TREE_OUT_BASE,
  TREE_PRESENT,
  TREE_PS_FLAG,
  TREE_TABLE_BASE,
} from './layout';

// Per tree (0 guest, 1 nested): scalars, then per-level arrays of 6 i64.
const SCALARS: i32 = 10;
const TREE_BYTES: i32 = (SCALARS + 4 * 6) * 8;
const TREES = memory.data(2 * TREE_BYTES);
const S_LEVELS: i32 = 0;
const S_LEAF: i32 = 1;
const S_MAP_BASE: i32 = 2;
const S_MAP_END: i32 = 3;
const S_OUT_BASE: i32 = 4;
const S_TABLE_BASE: i32 = 5;
const S_NON_LEAF: i32 = 6;
const S_LEAF_FLAGS: i32 = 7;
const S_LOAD_BASE: i32 = 8;
const S_BYTES: i32 = 9;
const A_SECTION_START: i32 = SCALARS;
const A_SECTION_END: i32 = SCALARS + 6;
const A_FIRST_TABLE: i32 = SCALARS + 12;
const A_COVER: i32 = SCALARS + 18;

function slot(tree: i32, i: i32): usize {
  return TREES + <usize>tree * TREE_BYTES + ((<usize>i) << 3);
}
function get(tree: i32, i: i32): i64 {
  return load<i64>(slot(tree, i));
}
function set(tree: i32, i: i32, v: i64): void {
  store<i64>(slot(tree, i), v);
}

function c(cfg: usize, i: i32): i64 {
  return <i64>load<f64>(cfg + ((<usize>i) << 3));
}

function coverOf(level: i32): i64 {
  return (<i64>1) << (12 + 9 * level);
}

/** Sets tree `tree` up from its configuration slots at `cfg` (f64 values); returns whether present. */
export function initTree(tree: i32, cfg: usize): void {
  const present = load<f64>(cfg + ((<usize>TREE_PRESENT) << 3)) != 0;
  if (!present) {
    set(tree, S_BYTES, 0);
    set(tree, S_LOAD_BASE, -1);
    return;
  }
  const levels = <i32>c(cfg, TREE_LEVELS);
  const leaf = <i32>c(cfg, TREE_LEAF);
  const mapBase = c(cfg, TREE_MAP_BASE);
  const mapEnd = mapBase + c(cfg, TREE_MAP_BYTES);
  set(tree, S_LEVELS, levels);
  set(tree, S_LEAF, leaf);
  set(tree, S_MAP_BASE, mapBase);
  set(tree, S_MAP_END, mapEnd);
  set(tree, S_OUT_BASE, c(cfg, TREE_OUT_BASE));
  set(tree, S_TABLE_BASE, c(cfg, TREE_TABLE_BASE));
  set(tree, S_NON_LEAF, c(cfg, TREE_NON_LEAF_FLAGS));
  set(tree, S_LEAF_FLAGS, c(cfg, TREE_LEAF_FLAGS) | (leaf > 1 ? c(cfg, TREE_PS_FLAG) : 0));
  set(tree, S_LOAD_BASE, c(cfg, TREE_LOAD_BASE));
  let frame: i64 = 0;
  for (let level = 0; level < 6; level++) {
    set(tree, A_SECTION_START + level, 0);
    set(tree, A_SECTION_END + level, 0);
    set(tree, A_FIRST_TABLE + level, 0);
    set(tree, A_COVER + level, coverOf(level));
  }
  for (let level = levels; level >= leaf; level--) {
    const cover = coverOf(level);
    const first = mapBase / cover;
    const last = (mapEnd - 1) / cover;
    set(tree, A_FIRST_TABLE + level, first);
    set(tree, A_SECTION_START + level, frame);
    frame += last - first + 1;
    set(tree, A_SECTION_END + level, frame);
  }
  set(tree, S_BYTES, frame * 4096);
}

export function treeLoadBase(tree: i32): i64 {
  return get(tree, S_LOAD_BASE);
}
export function treeBytes(tree: i32): i64 {
  return get(tree, S_BYTES);
}

/** The level of the entry last computed by `treeEntry`. */
export let entryLevel: i32 = 0;

/** The entry at byte `offset` from the tree's first frame (0 ≤ offset < bytes). */
@inline
export function treeEntry(tree: i32, offset: i64): i64 {
  const frame = offset >> 12;
  const index = (offset & 0xfff) >> 3;
  const leaf = <i32>get(tree, S_LEAF);
  let level = leaf;
  while (frame < get(tree, A_SECTION_START + level)) level++;
  entryLevel = level;
  const cover = get(tree, A_COVER + level);
  const span = cover >> 9;
  const start =
    (get(tree, A_FIRST_TABLE + level) + frame - get(tree, A_SECTION_START + level)) * cover + index * span;
  if (
    start >= get(tree, S_MAP_END) ||
    start + span <= get(tree, S_MAP_BASE) ||
    frame >= get(tree, A_SECTION_END + leaf)
  )
    return 0;
  if (level == leaf) {
    return (get(tree, S_OUT_BASE) + (start - get(tree, S_MAP_BASE))) | get(tree, S_LEAF_FLAGS);
  }
  const below = level - 1;
  const frameBelow =
    get(tree, A_SECTION_START + below) +
    (start >> (12 + 9 * below)) - // covers are powers of two: a shift, not a division
    get(tree, A_FIRST_TABLE + below);
  return (get(tree, S_TABLE_BASE) + frameBelow * 4096) | get(tree, S_NON_LEAF);
}
