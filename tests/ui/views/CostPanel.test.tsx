import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { CostPanel } from '../../../src/ui/views';
import { buildWalk } from './fixtures';

describe('CostPanel', () => {
  it.each([
    [4, 4, '4·4 + 4 + 4 = 24'],
    [5, 5, '5·5 + 5 + 5 = 35'],
    [4, 3, '4·3 + 4 + 3 = 19'],
    [4, 2, '4·2 + 4 + 2 = 14'],
    [1, 1, '1·1 + 1 + 1 = 3'],
  ])('shows n·m + n + m with live numbers for n = %i, m = %i', (n, m, text) => {
    render(<CostPanel n={n} m={m} />);
    expect(screen.getByTestId('cost-formula')).toHaveTextContent(text);
  });

  it('compares with the native and shadow-paging cost n', () => {
    render(<CostPanel n={4} m={4} />);
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    const defs = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(terms).toEqual(['2D walk (EPT / NPT)', 'native walk', 'shadow paging']);
    expect(defs[0]).toBe('24');
    expect(defs[1]).toBe('4');
    expect(defs[2]).toMatch(/^4 /);
    expect(screen.getByText(/a native one/)).toHaveTextContent('A nested TLB miss costs 6× a native one.');
  });

  it('marks the current (n, m) on the chart and draws the walk shape', () => {
    render(<CostPanel n={3} m={2} />);
    expect(screen.getByRole('img', { name: /11 at n = 3, m = 2/ })).toBeInTheDocument();
    expect(document.querySelector('.nw-chart-line.is-current')).toHaveTextContent('m=2');
    const shape = screen.getByRole('img', { name: /Walk shape/ });
    expect(shape.querySelectorAll('.nw-mini-guest')).toHaveLength(3);
    expect(shape.querySelectorAll('.nw-mini-nested')).toHaveLength(8);
  });

  it('clamps n and m to 1…5', () => {
    render(<CostPanel n={9} m={0} />);
    expect(screen.getByTestId('cost-formula')).toHaveTextContent('5·1 + 5 + 1 = 11');
  });

  it('reports the progress of a given walk', () => {
    render(<CostPanel n={4} m={4} events={buildWalk({ guestNotPresentAt: 1 })} cursor={7} />);
    expect(screen.getByTestId('cost-progress')).toHaveTextContent(
      'This walk: 7 of 20 references (ended by a fault)',
    );
  });
});
