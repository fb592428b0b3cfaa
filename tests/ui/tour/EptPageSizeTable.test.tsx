// The 2 MiB EPT stop's figure: every number in it is the engine's.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import {
  PAGE_SIZE_BYTES,
  TOUR_STOPS,
  TRADE_OFF_REGIONS,
  bytesLabel,
  expectedTailWaste,
  missReferences,
  nestedWalkReferences,
  tlbReachBytes,
} from '../../../src/engine';
import { EptPageSizeTable } from '../../../src/ui/tour/EptPageSizeTable';

/** The table's cells, row by row, without the row headers. */
function cellsByRow(): string[][] {
  const figure = screen.getByTestId('figure-ept-page-size');
  return within(figure)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );
}

describe('EptPageSizeTable', () => {
  afterEach(cleanup);

  it('shows the references per miss, the TLB reach and the tail waste the engine computes', () => {
    render(<EptPageSizeTable />);
    const [references, reach, waste] = cellsByRow();
    expect(references).toEqual([String(missReferences(4, '4K').nested), String(nestedWalkReferences(4, 3))]);
    expect(references).toEqual(['24', '19']);
    expect(reach).toEqual([
      bytesLabel(tlbReachBytes('skylake', '4K')),
      bytesLabel(tlbReachBytes('skylake', '2M')),
    ]);
    expect(waste).toEqual([
      bytesLabel(expectedTailWaste(PAGE_SIZE_BYTES['4K'], TRADE_OFF_REGIONS)),
      bytesLabel(expectedTailWaste(PAGE_SIZE_BYTES['2M'], TRADE_OFF_REGIONS)),
    ]);
    expect(screen.getByRole('columnheader', { name: '4 KiB EPT pages' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '2 MiB EPT pages' })).toBeTruthy();
  });

  it('is the figure of the 2 MiB EPT stop, whose sentences quote the same numbers', () => {
    const stop = TOUR_STOPS.find((s) => s.id === 'ept-2m')!;
    expect(stop.scene.view === 'walk' && stop.scene.figure).toBe('ept-page-size');
    const text = stop.sentences.join(' ');
    expect(text).toContain(`${TRADE_OFF_REGIONS} regions`);
    render(<EptPageSizeTable />);
    const [references, , waste] = cellsByRow();
    for (const cell of [...references!, ...waste!]) expect(text).toContain(cell);
  });
});
