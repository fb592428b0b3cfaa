// The access streams of the bulk workloads, step for step the TypeScript ones
// (docs/wasm-engine.md): the pointer chase over a seeded Feistel permutation with cycle-walking,
// fixed-stride scans, and uniform random offsets from sfc32 seeded through splitmix32.

const STREAM_CHASE: i32 = 0;
const STREAM_STRIDE: i32 = 1;

let type: i32 = 0;
let heapBase: i64 = 0;
let heapBytes: i64 = 0;
let param: i64 = 64;
export let streamKind: i32 = 0;

// Pointer chase.
let objects: i64 = 1;
let step: i64 = 0;
let bitsA: i32 = 0;
let bitsB: i32 = 0;
let k0: i32 = 0;
let k1: i32 = 0;
let k2: i32 = 0;
let k3: i32 = 0;
// Stride.
let offset: i64 = 0;
// Uniform.
let slots: i64 = 1;
let a: u32 = 0;
let b: u32 = 0;
let c: u32 = 0;
let d: u32 = 0;

function mix32(x: u32): u32 {
  let z = x + 0x9e3779b9;
  z = (z ^ (z >> 16)) * 0x85ebca6b;
  z = (z ^ (z >> 13)) * 0xc2b2ae35;
  return z ^ (z >> 16);
}

export function initStream(t: i32, base: i64, bytes: i64, p: i64, seed: f64, kind: i32): void {
  type = t;
  heapBase = base;
  heapBytes = bytes;
  param = p;
  streamKind = kind;
  if (t == STREAM_CHASE) {
    objects = bytes / p;
    step = 0;
    let bits = 2;
    while ((<i64>1) << bits < objects) bits++;
    bitsA = bits >> 1;
    bitsB = bits - bitsA;
    const s = <u32>(<i64>seed);
    k0 = <i32>mix32(s);
    k1 = <i32>mix32(<u32>(k0 + 1));
    k2 = <i32>mix32(<u32>(k1 + 2));
    k3 = <i32>mix32(<u32>(k2 + 3));
  } else if (t == STREAM_STRIDE) {
    offset = -p;
  } else {
    slots = bytes / p;
    // reseed: the seed's low word XOR its high word, as the TypeScript Prng.
    const low = <u32>(<i64>seed);
    const high = <u32>(<i64>Math.floor(seed / 4294967296.0));
    a = mix32(low ^ high);
    b = mix32(a);
    c = mix32(b);
    d = 1;
    for (let i = 0; i < 12; i++) nextU32();
  }
}

function nextU32(): u32 {
  const t = a + b + d;
  d = d + 1;
  a = b ^ (b >> 9);
  b = c + (c << 3);
  c = (c << 21) | (c >> 11);
  c = c + t;
  return t;
}

function hash(low: i64, key: i32): i32 {
  let h = ((<i32>low) ^ key) * <i32>0x9e3779b1;
  h ^= <i32>((<u32>h) >> 15);
  h = h * <i32>0x85ebca6b;
  h ^= <i32>((<u32>h) >> 13);
  return h;
}

function round(x: i64, lowBits: i32, highBits: i32, key: i32): i64 {
  const high = x >> lowBits;
  const low = x & (((<i64>1) << lowBits) - 1);
  const h = (<i64>(<u32>hash(low, key))) & (((<i64>1) << highBits) - 1);
  return (low << highBits) | (high ^ h);
}

function network(x: i64): i64 {
  x = round(x, bitsA, bitsB, k0);
  x = round(x, bitsB, bitsA, k1);
  x = round(x, bitsA, bitsB, k2);
  return round(x, bitsB, bitsA, k3);
}

function permute(x: i64): i64 {
  let y = network(x);
  while (y >= objects) y = network(y);
  return y;
}

/** The next linear address of the stream. */
export function nextAddress(): i64 {
  if (type == STREAM_CHASE) {
    const object = permute(step);
    step = step + 1 == objects ? 0 : step + 1;
    return heapBase + object * param;
  }
  if (type == STREAM_STRIDE) {
    offset += param;
    if (offset >= heapBytes) offset %= heapBytes;
    return heapBase + offset;
  }
  const high = nextU32() >> 11;
  const r = <f64>high * 4294967296.0 + <f64>nextU32();
  const below = Math.floor((r / 9007199254740992.0) * <f64>slots);
  return heapBase + <i64>below * param;
}
