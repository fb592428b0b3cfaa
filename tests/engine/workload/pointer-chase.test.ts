import { describe, expect, it } from 'vitest';
import { FeistelPermutation } from '../../../src/engine/workload/feistel-permutation';
import { PointerChaseStream } from '../../../src/engine/workload/pointer-chase';

const BASE = 0x7f00_0000_0000;

/** The objects visited by `steps` calls of next(). */
function chase(objects: number, seed: number, steps: number, objectBytes = 64): number[] {
  const stream = new PointerChaseStream(BASE, objects * objectBytes, objectBytes, seed);
  const visited: number[] = [];
  for (let i = 0; i < steps; i++) {
    stream.next();
    visited.push(stream.object);
  }
  return visited;
}

describe('FeistelPermutation', () => {
  it.each([1, 2, 3, 4, 5, 100, 1000, 1024, 4097])('is a bijection of [0, %i)', (size) => {
    const permutation = new FeistelPermutation(size, 42);
    const images = new Set<number>();
    for (let x = 0; x < size; x++) {
      const y = permutation.apply(x);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(size);
      images.add(y);
    }
    expect(images.size).toBe(size);
  });

  // A seed names one list: experiments stay reproducible across versions. Sizes up to 2^31 run on
  // int32 rounds, larger ones on float rounds; both give these images.
  it.each([
    [2 ** 29, 1, [248065033, 51050745, 363365916, 468653108]],
    [2 ** 31 - 1, 9, [1780472026, 1862970971, 1611745214, 1214611608]],
    [2 ** 31 + 5, 3, [377693240, 2090720332, 1737056544, 316431579]],
  ])('maps 0…3 of [0, %i) with seed %i to the same objects as ever', (size, seed, images) => {
    const permutation = new FeistelPermutation(size, seed);
    expect([0, 1, 2, 3].map((x) => permutation.apply(x))).toEqual(images);
  });

  it('stays in range and exact for sizes above 2^32', () => {
    const size = 2 ** 33 + 12_345;
    const permutation = new FeistelPermutation(size, 7);
    for (const x of [0, 1, 2 ** 32, size - 1, 123_456_789_012]) {
      const y = permutation.apply(x);
      expect(Number.isInteger(y)).toBe(true);
      expect(y).toBeLessThan(size);
    }
  });
});

describe('PointerChaseStream', () => {
  it.each([1000, 1024, 777, 1])(
    'visits every one of %i objects exactly once per cycle, then repeats',
    (objects) => {
      const visited = chase(objects, 3, 2 * objects);
      const first = visited.slice(0, objects);
      expect(new Set(first).size).toBe(objects);
      expect(visited.slice(objects)).toEqual(first);
    },
  );

  it('is the same list for the same seed and a different one for another seed', () => {
    expect(chase(5000, 11, 200)).toEqual(chase(5000, 11, 200));
    expect(chase(5000, 12, 200)).not.toEqual(chase(5000, 11, 200));
  });

  it('has no locality: consecutive objects are rarely neighbours', () => {
    const visited = chase(1 << 16, 5, 10_000);
    let near = 0;
    for (let i = 1; i < visited.length; i++) if (Math.abs(visited[i]! - visited[i - 1]!) < 64) near++;
    expect(near).toBeLessThan(50); // ~10 expected by chance (127 / 65 536 per step)
  });

  it('emits object addresses in the heap, aligned to the object size', () => {
    const stream = new PointerChaseStream(BASE, 32 * 2 ** 30, 64, 9);
    for (let i = 0; i < 1000; i++) {
      stream.next();
      const va = stream.vaHi * 2 ** 32 + stream.vaLo;
      expect(va - BASE).toBe(stream.object * 64);
      expect(va - BASE).toBeLessThan(32 * 2 ** 30);
    }
  });

  it('restarts the cycle on reset', () => {
    const stream = new PointerChaseStream(BASE, 64 * 500, 64, 1);
    const first: number[] = [];
    for (let i = 0; i < 10; i++) {
      stream.next();
      first.push(stream.object);
    }
    stream.reset();
    for (let i = 0; i < 10; i++) {
      stream.next();
      expect(stream.object).toBe(first[i]);
    }
  });

  it('rejects a heap smaller than one object', () => {
    expect(() => new PointerChaseStream(BASE, 32, 64, 1)).toThrow(/smaller than one object/);
  });
});
