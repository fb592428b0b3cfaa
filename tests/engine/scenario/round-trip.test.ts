/**
 * Builder round trip: whatever non-overlapping guest mappings are asked for, every mapped address
 * translates to the mapped one — natively, and through an EPT that maps guest memory at an offset.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenario } from '../../../src/engine/scenario/run';

const SIZES = { '4K': 1n << 12n, '2M': 1n << 21n, '1G': 1n << 30n } as const;
type Size = keyof typeof SIZES;
const hex = (value: bigint) => '0x' + value.toString(16);
const HOST_OFFSET = 0x10_0000_0000n; // guest memory [0, 4 GiB) lives at host 64 GiB

const mappingArb = fc.record({
  size: fc.constantFrom<Size>('4K', '2M', '1G'),
  vaSlot: fc.bigInt({ min: 0n, max: (1n << 47n) - 1n }),
  paSlot: fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }),
  offset: fc.bigInt({ min: 0n, max: (1n << 30n) - 1n }),
  kind: fc.constantFrom('read', 'write', 'fetch'),
});

type RawMapping = typeof mappingArb extends fc.Arbitrary<infer T> ? T : never;

/** Aligned pages; any page overlapping an earlier one is dropped. */
function nonOverlapping(raw: RawMapping[]) {
  const kept: { va: bigint; pa: bigint; size: Size; at: bigint; kind: string }[] = [];
  for (const m of raw) {
    const bytes = SIZES[m.size];
    const va = (m.vaSlot / bytes) * bytes;
    if (kept.some((k) => va < k.va + SIZES[k.size] && k.va < va + bytes)) continue;
    // data pages may overlap the guest tables' frames: only table entries are written, never data
    const pa = (m.paSlot / bytes) * bytes;
    kept.push({ va, pa, size: m.size, at: m.offset % bytes, kind: m.kind });
  }
  return kept;
}

describe('builder round trip', () => {
  it.each(['native', 'ept'] as const)('every mapped address translates to the mapped one (%s)', (mode) => {
    fc.assert(
      fc.property(fc.array(mappingArb, { minLength: 1, maxLength: 8 }), (raw) => {
        const mappings = nonOverlapping(raw);
        const scenario = parseScenario({
          cpu: { cr3: '0x1000', cpl: 3 },
          ...(mode === 'ept' && {
            ept: { eptp: '0x5000_005e' },
            eptMappings: [0n, 1n, 2n, 3n].map((g) => ({
              gpa: hex(g << 30n),
              hpa: hex((g << 30n) + HOST_OFFSET),
              size: '1G',
              perms: 'rwx',
            })),
          }),
          guestMappings: mappings.map((m) => ({
            va: hex(m.va),
            pa: hex(m.pa),
            size: m.size,
            flags: 'rw user',
          })),
          accesses: mappings.map((m) => ({ va: hex(m.va + m.at), kind: m.kind })),
        });
        const { results } = runScenario(scenario);
        results.forEach((result, i) => {
          const m = mappings[i]!;
          const gpa = m.pa + m.at;
          expect(result.outcome).toBe('ok');
          expect(result.pageSize).toBe(m.size);
          expect(result.pa).toBe(hex(mode === 'ept' ? gpa + HOST_OFFSET : gpa));
          if (mode === 'ept') expect(result.gpa).toBe(hex(gpa));
          const n = { '4K': 4, '2M': 3, '1G': 2 }[m.size];
          expect(result.references).toHaveLength(mode === 'ept' ? n * 2 + n + 2 : n);
        });
      }),
      { numRuns: 150 },
    );
  });
});
