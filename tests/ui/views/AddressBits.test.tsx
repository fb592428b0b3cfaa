import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AddressBits } from '../../../src/ui/views';
import type { WalkEvent } from '../../../src/engine/events';
import { asGva } from '../../../src/engine/vocabulary';
import { buildWalk } from './fixtures';

const field = (name: string) => document.querySelector(`[data-field="${name}"]`);

describe('AddressBits', () => {
  it('splits the address into sign extension, four 9-bit indices and a 12-bit offset', () => {
    render(<AddressBits events={buildWalk()} />);
    expect(screen.getByText('0x0000_7fff_f000_0123')).toBeInTheDocument();
    expect(field('PML4')).toHaveTextContent('PML4 47:39');
    expect(field('PML4')).toHaveTextContent('255');
    expect(field('PDPT')).toHaveTextContent('511');
    expect(field('PD')).toHaveTextContent('384');
    expect(field('PT')).toHaveTextContent('0x000');
    expect(field('offset')).toHaveTextContent('0x123');
    expect(field('offset')).toHaveTextContent('12-bit offset');
    expect(field('sign extension')).toHaveTextContent('canonical');
    expect(field('sign extension')).toHaveTextContent('copies of bit 47');
    // 64 bits in all
    expect(document.querySelectorAll('.nw-bit')).toHaveLength(64);
  });

  it('widens the offset to 21 bits for a 2 MiB guest page and drops the PT field', () => {
    render(<AddressBits events={buildWalk({ guestPage: '2M' })} />);
    expect(field('PT')).toBeNull();
    expect(field('offset')).toHaveTextContent('21-bit offset');
  });

  it('shows the resulting gPA and hPA', () => {
    render(<AddressBits events={buildWalk()} />);
    expect(screen.getByText('0x400123')).toBeInTheDocument();
    expect(screen.getByText('0x100400123')).toBeInTheDocument();
  });

  it('shows the fault instead when the walk faulted', () => {
    render(<AddressBits events={buildWalk({ guestNotPresentAt: 3 })} />);
    expect(screen.getByText('page fault (#PF)')).toBeInTheDocument();
  });

  it('marks a non-canonical address', () => {
    const va = asGva({ hi: 0x0000_8000, lo: 0x123 });
    const base = { va, kind: 'read', cpl: 3, mode: 'ept', guestLevels: 4, nestedLevels: 4 } as const;
    const events: WalkEvent[] = [
      { type: 'walk-start', ...base },
      {
        type: 'fault',
        outcome: 'general-protection',
        guestLevel: 0,
        nestedLevel: 0,
        reason: 'not canonical',
      },
      {
        type: 'walk-end',
        result: {
          ...base,
          outcome: 'general-protection',
          faultGuestLevel: 0,
          faultNestedLevel: 0,
          references: [],
        },
      },
    ];
    render(<AddressBits events={events} />);
    expect(field('sign extension')).toHaveTextContent('not canonical');
    expect(screen.getByRole('img')).toHaveAccessibleName(/sign extension \(not canonical\)/);
  });

  it('uses 5 index fields with LA57', () => {
    render(<AddressBits events={buildWalk({ n: 5, m: 5 })} />);
    expect(field('PML5')).toHaveTextContent('PML5 56:48');
    expect(field('sign extension')).toHaveTextContent('copies of bit 56');
  });
});
