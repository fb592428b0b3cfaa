import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findConfiguration, type ConfigurationId } from '../../../src/state/sweep-configurations';
import type { Series } from '../../../src/state/sweep-selectors';
import { SweepChart } from '../../../src/ui/experiments/SweepChart';

const MiB = 2 ** 20;
const heapSizes = [2 * MiB, 32 * MiB, 512 * MiB];

const series = (id: ConfigurationId, values: number[]): Series => ({
  configuration: findConfiguration(id)!,
  points: values.map((value, i) => ({ heapBytes: heapSizes[i]!, value })),
});

describe('SweepChart', () => {
  it('draws one line per configuration, a legend entry each, and the heap sizes on the x axis', () => {
    const data = [
      series('native-4K', [60, 70, 80]),
      series('ept-4K-4K', [61, 90, 140]),
      series('ept-4K-2M', [60, 80, 120]),
      series('ept-4K-1G', [60]),
    ];
    const { container, getByRole } = render(<SweepChart series={data} heapSizes={heapSizes} metric="time" />);
    const line = (id: string) => container.querySelector(`path.sweep-line[data-configuration="${id}"]`)!;
    const lines = ['native-4K', 'ept-4K-4K', 'ept-4K-2M', 'ept-4K-1G'].map(line);
    expect(container.querySelectorAll('path.sweep-line')).toHaveLength(4);
    // Three points make a path with two segments; a single point is a lone move-to.
    expect(lines[1]!.getAttribute('d')).toMatch(/^M[^L]+L[^L]+L[^L]+$/);
    expect(lines[3]!.getAttribute('d')).toMatch(/^M[\d.,-]+Z?$/);
    const legend = container.querySelector('.chart-legend')!;
    expect(legend.textContent).toContain('EPT 2 MiB, guest 4 KiB');
    expect(legend.querySelectorAll('text')).toHaveLength(4);
    const ticks = [...container.querySelectorAll('.x-axis .tick text')].map((t) => t.textContent);
    expect(ticks).toEqual(['2 MiB', '32 MiB', '512 MiB']);
    expect(getByRole('img').getAttribute('aria-label')).toMatch(/estimated time per access/);
  });

  it('puts a larger value higher up and relabels the y axis for references', () => {
    const data = [series('native-4K', [4, 4, 4]), series('ept-4K-4K', [24, 24, 24])];
    const { container, getByRole } = render(
      <SweepChart series={data} heapSizes={heapSizes} metric="references" />,
    );
    const firstY = (id: string) => {
      const d = container.querySelector(`path.sweep-line[data-configuration="${id}"]`)!.getAttribute('d')!;
      return Number(/^M[\d.]+,([\d.]+)/.exec(d)![1]);
    };
    // SVG y grows downwards.
    expect(firstY('ept-4K-4K')).toBeLessThan(firstY('native-4K'));
    expect(getByRole('img').getAttribute('aria-label')).toMatch(/references per access/);
  });

  it('plots hit rates on a 0–100 % axis whatever the points', () => {
    const data = [series('native-4K', [90, 10, 2])];
    const { container, getByRole } = render(
      <SweepChart series={data} heapSizes={heapSizes} metric="tlb-hits" />,
    );
    const ticks = [...container.querySelectorAll('.y-axis .tick text')].map((t) => t.textContent);
    expect(ticks[0]).toBe('0');
    expect(ticks.at(-1)).toBe('100');
    expect(getByRole('img').getAttribute('aria-label')).toMatch(/accesses translated by a TLB \(%\)/);
  });

  it('says why a hit-rate chart is empty when told', () => {
    const { getByText } = render(
      <SweepChart
        series={[series('native-4K', [])]}
        heapSizes={heapSizes}
        metric="walk-cache-hits"
        emptyText="No caches."
      />,
    );
    expect(getByText('No caches.')).toBeInTheDocument();
  });

  it('says where results will appear before any point has finished', () => {
    const { getByText } = render(
      <SweepChart series={[series('native-4K', [])]} heapSizes={heapSizes} metric="time" />,
    );
    expect(getByText(/Results appear here/)).toBeInTheDocument();
  });
});
