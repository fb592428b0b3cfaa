import { describe, expect, it } from 'vitest';
import type { AddressStream } from '../../../src/engine/workload/address-stream';
import { createStream } from '../../../src/engine/workload/workload-spec';
import { ACCESS_READ, ACCESS_WRITE } from '../../../src/engine/vocabulary';

const BASE = 0x7f00_0000_0000;
const MB = 2 ** 20;

function offsets(stream: AddressStream, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    stream.next();
    out.push(stream.vaHi * 2 ** 32 + stream.vaLo - BASE);
  }
  return out;
}

describe('sequential and stride scans', () => {
  it('walks consecutive elements and wraps at the end of the heap', () => {
    const stream = createStream({ type: 'sequential', elementBytes: 64 }, BASE, 256, 1);
    expect(offsets(stream, 6)).toEqual([0, 64, 128, 192, 0, 64]);
  });

  it('uses a fixed stride, drifting when it does not divide the heap', () => {
    const stream = createStream({ type: 'stride', strideBytes: 4096 * 3 }, BASE, 4096 * 8, 1);
    expect(offsets(stream, 5)).toEqual([0, 12288, 24576, 4096, 16384]);
  });

  it('carries the access kind', () => {
    const stream = createStream({ type: 'stride', strideBytes: 8, kind: 'write' }, BASE, MB, 1);
    stream.next();
    expect(stream.kind).toBe(ACCESS_WRITE);
  });
});

describe('uniform random', () => {
  it('is deterministic for a seed and restarts on reset', () => {
    const a = offsets(createStream({ type: 'uniform' }, BASE, 64 * MB, 99), 100);
    expect(offsets(createStream({ type: 'uniform' }, BASE, 64 * MB, 99), 100)).toEqual(a);
    expect(offsets(createStream({ type: 'uniform' }, BASE, 64 * MB, 98), 100)).not.toEqual(a);
    const stream = createStream({ type: 'uniform' }, BASE, 64 * MB, 99);
    offsets(stream, 50);
    stream.reset();
    expect(offsets(stream, 100)).toEqual(a);
  });

  it('stays aligned inside the heap and covers it', () => {
    const heap = 64 * 2 ** 30;
    const stream = createStream({ type: 'uniform', alignBytes: 4096 }, BASE, heap, 1);
    const seen = offsets(stream, 20_000);
    let top = 0;
    for (const offset of seen) {
      expect(offset % 4096).toBe(0);
      expect(offset).toBeLessThan(heap);
      top = Math.max(top, offset);
    }
    expect(top).toBeGreaterThan(heap * 0.99);
    expect(stream.kind).toBe(ACCESS_READ);
  });
});
