import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CachesPanel } from '../../../src/ui/caches';
import { VA } from '../../engine/cache/cache-fixture';
import { stepsOf } from './caches-fixture';

describe('CachesPanel', () => {
  it('shows each structure, and lights the hit of the current step', () => {
    const [, second] = stepsOf([VA.A, VA.A]);
    render(<CachesPanel snapshot={second!.snapshot} events={second!.events} cursor={0} />);
    expect(screen.getByRole('heading', { name: 'Intel Skylake (client)' })).toBeInTheDocument();
    const dtlb = screen.getByRole('grid', { name: /L1 DTLB 4K/ });
    const lit = within(dtlb)
      .getAllByRole('gridcell')
      .filter((c) => c.dataset.state === 'hit');
    expect(lit).toHaveLength(1);
    expect(lit[0]).toHaveTextContent('H');
    expect(lit[0]!.getAttribute('title')).toMatch(/va 0x7ffff0000000 → hPA 0x100400000/);
    expect(screen.getByTestId('caches-spared')).toHaveTextContent('l1-dtlb-4k 24');
    expect(screen.getByText(/approximate/)).toBeInTheDocument();
  });

  it('moves with the cursor: fills light up as the walk passes them', () => {
    const [cold] = stepsOf([VA.A]);
    const { rerender, container } = render(
      <CachesPanel snapshot={cold!.snapshot} events={cold!.events} cursor={0} />,
    );
    expect(container.querySelectorAll('[data-state="fill"]')).toHaveLength(0);
    rerender(<CachesPanel snapshot={cold!.snapshot} events={cold!.events} cursor={cold!.references} />);
    expect(container.querySelectorAll('[data-state="fill"]').length).toBeGreaterThan(0);
    expect(screen.getByTestId('counts-l1-dtlb-4k')).toHaveTextContent('0 hits · 1 miss · 1 fill');
  });

  it('says so when the machine has no caches', () => {
    render(<CachesPanel snapshot={null} events={[]} cursor={0} />);
    expect(screen.getByText(/No translation caches/)).toBeInTheDocument();
  });
});
