/** Properties of the 2D walk over random shapes and addresses (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tables, baseCpu, buildGuest, buildNested, walk } from './fixture';
import { createMachine } from '../../../src/engine/machine';
import { formatLinear, linearFromBigInt } from '../../../src/engine/address';
import type { MachineConfig } from '../../../src/engine/machine-api';
import { expectOutcome } from '../result-narrowing';

const BYTES = [0, 0x1000, 0x20_0000, 0x4000_0000];
const HOST = 0x10_0000_0000;

/** A random page in the lower canonical half, aligned for `leaf` and below the 5-level limit when asked. */
const shapeArb = fc.record({
  guestLevels: fc.constantFrom(4, 5),
  nested: fc.constantFrom<'none' | 'ept' | 'npt'>('none', 'ept', 'npt'),
  nestedLevels: fc.constantFrom(4, 5),
  guestLeaf: fc.constantFrom(1, 2, 3),
  nestedLeaf: fc.constantFrom(1, 2, 3),
  vaPage: fc.bigInt({ min: 0n, max: (1n << 35n) - 1n }),
  offset: fc.integer({ min: 0, max: 0xfff }),
  gpaSlot: fc.integer({ min: 8, max: 200 }),
});

type Shape = typeof shapeArb extends fc.Arbitrary<infer T> ? T : never;

function build(shape: Shape) {
  const { guestLevels, nested, guestLeaf, nestedLeaf } = shape;
  const nestedLevels = nested === 'npt' ? 4 : shape.nestedLevels;
  const va = linearFromBigInt((shape.vaPage << 12n) | BigInt(shape.offset));
  const guestBytes = BYTES[guestLeaf]!;
  const nestedBytes = BYTES[nestedLeaf]!;
  const dataGpa = shape.gpaSlot * 0x4000_0000; // 1 GiB aligned: fits every page size
  const vaText = formatLinear(va);
  const t = new Tables(0x8000_0000);
  const place = (gpa: number) => (nested === 'none' ? gpa : gpa + HOST);
  const tables = new Map<string, number>();
  const mapNested = (gpa: number) => {
    const base = gpa - (gpa % nestedBytes);
    const flags = nested === 'ept' ? 0b111 | (6 << 3) : 0b111;
    buildNested(t, 0x7000_0000, nestedLevels, base, base + HOST, nestedLeaf, flags, 0b111, tables);
  };
  let next = 0x2000;
  if (nested !== 'none') {
    for (let gpa = 0x1000; gpa < 0x1000 * (guestLevels + 2); gpa += 0x1000) mapNested(gpa);
    mapNested(dataGpa + (va.lo % guestBytes) - ((va.lo % guestBytes) % 0x1000));
  }
  const pageVa = { hi: va.hi, lo: (va.lo - ((va.lo >>> 0) % guestBytes)) >>> 0 };
  buildGuest(
    t,
    0x1000,
    guestLevels,
    [{ va: formatLinear(pageVa), pa: dataGpa, leafLevel: guestLeaf }],
    () => (next += 0x1000) - 0x1000,
    place,
  );
  const walkLength = (nestedLevels - 1) << 3;
  const config: MachineConfig = {
    cpu: { ...baseCpu, la57: guestLevels === 5 },
    ...(nested === 'ept' ? { ept: { eptp: 0x7000_0000 + 6 + walkLength } } : {}),
    ...(nested === 'npt' ? { npt: { ncr3: 0x7000_0000, levels: 4 as const, nxe: true } } : {}),
  };
  const expectedGpa = dataGpa + ((va.lo >>> 0) % guestBytes);
  return { t, config, vaText, expectedGpa, nestedLevels, guestLevels };
}

describe('2D walk properties', () => {
  it('references = n·m + n + m for every combination of levels and page sizes', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const b = build(shape);
        const { result } = walk(b.config, b.t.memory, b.vaText);
        expectOutcome(result, 'ok');
        const n = b.guestLevels - (shape.guestLeaf - 1);
        const m = shape.nested === 'none' ? 0 : b.nestedLevels - (shape.nestedLeaf - 1);
        expect(result.references).toHaveLength(n * m + n + m);
        const pa = shape.nested === 'none' ? b.expectedGpa : b.expectedGpa + HOST;
        expect(result.pa).toBe(pa);
      }),
      { numRuns: 300 },
    );
  });

  it('probe never changes memory and returns what translate returns', () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.constantFrom<'read' | 'write' | 'fetch'>('read', 'write', 'fetch'),
        (shape, kind) => {
          const b = build(shape);
          const before: string[] = [];
          b.t.memory.forEachWord((a, lo, hi) => before.push(`${a}:${lo}:${hi}`));
          const machine = createMachine(b.config, b.t.memory);
          const va = linearFromBigInt(BigInt(b.vaText));
          const probed = machine.probe({ va, kind, cpl: 3 });
          const after: string[] = [];
          b.t.memory.forEachWord((a, lo, hi) => after.push(`${a}:${lo}:${hi}`));
          expect(after).toEqual(before);
          const translated = machine.translate({ va, kind, cpl: 3 });
          expect({ ...translated, references: [] }).toEqual({ ...probed, references: [] });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a translation repeated after its A/D flags are set gives the same result', () => {
    fc.assert(
      fc.property(shapeArb, fc.constantFrom<'read' | 'write'>('read', 'write'), (shape, kind) => {
        const b = build(shape);
        const first = walk(b.config, b.t.memory, b.vaText, kind).result;
        const second = walk(b.config, b.t.memory, b.vaText, kind).result;
        expect({ ...second, references: [] }).toEqual({ ...first, references: [] });
        expect(second.references.length).toBe(first.references.length);
      }),
      { numRuns: 200 },
    );
  });
});
