/**
 * Where each address field and bit goes. Wide containers get one row of 64 bits; narrow ones two
 * rows (fields from bit 30 up, then the rest) so that digits stay readable at their real size.
 */
import { scaleBand } from 'd3';
import type { AddressField } from './address-fields';

export const GAP = 10;
export const ROW_H = 106;
const MAX_BIT = 17;
/**
 * The smallest bit slot: a container measured before it has its width (0 while the page lays out,
 * or while a screenshot resizes it) gets a layout too wide for it, never negative sizes.
 */
const MIN_BIT = 4;
const MIN_ONE_ROW_BIT = 12.5;

export interface PlacedField {
  readonly field: AddressField;
  readonly x0: number;
  readonly x1: number;
  /** Top of the field's row. */
  readonly y: number;
  readonly bitX: (bit: number) => number;
}

export interface BitLayout {
  readonly placed: readonly PlacedField[];
  readonly bitW: number;
  readonly width: number;
  readonly height: number;
}

const bitCount = (fields: readonly AddressField[]) => fields.reduce((sum, f) => sum + f.high - f.low + 1, 0);

export function bitLayout(fields: readonly AddressField[], containerWidth = 1100): BitLayout {
  const avail = containerWidth - 8;
  const oneRow = (avail - (fields.length - 1) * GAP) / 64;
  const rows =
    oneRow >= MIN_ONE_ROW_BIT
      ? [fields]
      : [fields.filter((f) => f.low >= 30), fields.filter((f) => f.low < 30)];
  const slot = Math.max(
    MIN_BIT,
    Math.min(MAX_BIT, ...rows.map((row) => (avail - (row.length - 1) * GAP) / Math.max(1, bitCount(row)))),
  );
  const placed: PlacedField[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    const high = row[0]?.high ?? 0;
    const low = row[row.length - 1]?.low ?? 0;
    const domain = Array.from({ length: high - low + 1 }, (_, i) => high - i);
    const band = scaleBand<number>()
      .domain(domain)
      .range([0, domain.length * slot])
      .paddingInner(0.12);
    const fieldIndex = (bit: number) => row.findIndex((f) => bit <= f.high && bit >= f.low);
    const bitX = (bit: number) => (band(bit) ?? 0) + fieldIndex(bit) * GAP + 4;
    for (const field of row) {
      placed.push({
        field,
        x0: bitX(field.high),
        x1: bitX(field.low) + band.bandwidth(),
        y: r * ROW_H,
        bitX,
      });
    }
    width = Math.max(width, domain.length * slot + (row.length - 1) * GAP + 8);
  });
  return { placed, bitW: slot * 0.88, width, height: rows.length * ROW_H };
}
