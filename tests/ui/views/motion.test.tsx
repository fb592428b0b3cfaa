import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { WalkGrid } from '../../../src/ui/views';
import { buildWalk } from './fixtures';

const ring = () => document.querySelector('.nw-ring')!.parentElement!;
const events = buildWalk();

function preferReducedMotion(reduce: boolean) {
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: reduce && query.includes('reduce'),
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList,
  );
}

describe('current-step ring motion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('jumps to the new cell at once under prefers-reduced-motion', () => {
    preferReducedMotion(true);
    const { rerender } = render(<WalkGrid events={events} cursor={5} />);
    const at5 = ring().getAttribute('transform');
    rerender(<WalkGrid events={events} cursor={6} />);
    expect(ring().getAttribute('transform')).not.toBe(at5);
    expect(ring().getAttribute('transform')).toMatch(/^translate\(/);
  });

  it('glides (a d3 transition of at most 300 ms) otherwise', async () => {
    preferReducedMotion(false);
    const { rerender } = render(<WalkGrid events={events} cursor={5} />);
    const at5 = ring().getAttribute('transform');
    rerender(<WalkGrid events={events} cursor={6} />);
    expect(ring().getAttribute('transform')).toBe(at5); // not moved yet: the transition is running
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(ring().getAttribute('transform')).not.toBe(at5);
  });
});
