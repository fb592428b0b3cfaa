import { describe, expect, it } from 'vitest';
import { addressFields } from '../../../src/ui/views/address/address-fields';
import { bitLayout } from '../../../src/ui/views/address/bit-layout';
import { VA } from './fixtures';

describe('address bit layout', () => {
  const fields = addressFields(VA, 4, '4K');

  it('puts all 64 bits on one row when the container is wide', () => {
    const layout = bitLayout(fields, 1200);
    expect(new Set(layout.placed.map((p) => p.y))).toEqual(new Set([0]));
    expect(layout.width).toBeLessThanOrEqual(1200);
  });

  it('splits into two rows at bit 30 in a narrow container, keeping bits readable', () => {
    const layout = bitLayout(fields, 560);
    const rowOf = (name: string) => layout.placed.find((p) => p.field.name === name)?.y;
    expect([rowOf('sign extension'), rowOf('PML4'), rowOf('PDPT')]).toEqual([0, 0, 0]);
    expect([rowOf('PD'), rowOf('PT'), rowOf('offset')]).toEqual([106, 106, 106]);
    expect(layout.width).toBeLessThanOrEqual(560);
    expect(layout.bitW).toBeGreaterThan(12);
  });

  it('never gives a negative size, even for a container measured at 0 px', () => {
    for (const width of [0, 20, 60]) {
      const layout = bitLayout(fields, width);
      expect(layout.bitW).toBeGreaterThan(0);
      for (const p of layout.placed) expect(p.x1 - p.x0).toBeGreaterThan(0);
    }
  });
});
