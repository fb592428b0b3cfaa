import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseSweepCsv, splitCsv, sweepCsv } from '../../src/state/sweep-csv';
import { findConfiguration } from '../../src/state/sweep-configurations';
import { LECTURE_SETTINGS, MiB, GiB } from '../../src/state/sweep-settings';
import type { PlannedPoint, SweepResult } from '../../src/state/sweep-store';
import { measurement } from './sweep-fixtures';

const point = (configId: PlannedPoint['configId'], heapBytes: number): PlannedPoint => ({
  id: `${configId}@${heapBytes}`,
  configId,
  heapBytes,
});

const plan = [
  point('native-4K', 2 * MiB),
  point('ept-4K-2M', 2 * MiB),
  point('native-4K', 32 * GiB),
  point('ept-4K-2M', 32 * GiB),
];
const results: SweepResult[] = [
  { ...plan[0]!, measurement: measurement(0.0123456789012345, 60.1) },
  { ...plan[1]!, measurement: measurement(1 / 3, 61.7) },
  { ...plan[2]!, measurement: measurement(3.999, 87.25) },
  { ...plan[3]!, measurement: { ...measurement(2 / 7, 101.5), caches: null } },
];

describe('sweep CSV', () => {
  it('parses back to the same configurations, heap sizes and numbers', () => {
    const text = sweepCsv(LECTURE_SETTINGS, plan, results);
    const rows = parseSweepCsv(text);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const source = results.find(
        (r) => r.configId === row.configuration && r.heapBytes === row.numbers.heap_bytes,
      )!.measurement;
      expect(row.numbers.references_per_access).toBe(source.referencesPerAccess);
      expect(row.numbers.ns_per_access).toBe(source.nsPerAccess);
      expect(row.numbers.cycles_per_access).toBe(source.cyclesPerAccess);
      expect(row.numbers.tlb_hit_rate).toBe(source.caches?.tlbHitRate ?? null);
      expect(row.numbers.pwc_hit_rate).toBe(source.caches?.pwcHitRate ?? null);
      expect(row.numbers.gpa_mapping_hit_rate).toBe(source.caches?.gpaHitRate ?? null);
      // No lookup of a kind: an empty field, read back as null.
      expect(row.numbers.nested_pwc_hit_rate).toBeNull();
      // Labels hold commas: they come back whole.
      expect(row.label).toBe(findConfiguration(row.configuration)!.label);
      expect(row.cachePreset).toBe('sandy-bridge');
      expect(row.latencyModel).toBe('footprint');
      expect(row.numbers.levels).toBe(4);
    }
    const ept32 = rows.find((r) => r.configuration === 'ept-4K-2M' && r.numbers.heap_bytes === 32 * GiB)!;
    expect(ept32.numbers.slowdown_vs_native).toBeCloseTo(101.5 / 87.25);
    expect(ept32.eptPage).toBe('2M');
    expect(rows.find((r) => r.configuration === 'native-4K')!.numbers.slowdown_vs_native).toBeNull();
  });

  it('writes a header row and one row of every column per measured point', () => {
    const lines = splitCsv(sweepCsv(LECTURE_SETTINGS, plan, results.slice(0, 3)));
    expect(lines[0]).toEqual([...CSV_COLUMNS]);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toHaveLength(CSV_COLUMNS.length);
  });

  it('splits quoted fields with commas, doubled quotes and line breaks', () => {
    expect(splitCsv('a,"b, ""c""",d\r\n"e\nf",g\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['e\nf', 'g'],
    ]);
  });

  it('refuses a file that is not a sweep CSV', () => {
    expect(() => parseSweepCsv('x,y\n1,2\n')).toThrow(/header/);
  });
});
