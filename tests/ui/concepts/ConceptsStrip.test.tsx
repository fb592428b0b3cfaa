import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bytesWords } from '../../../src/engine';
import { conceptNumbers } from '../../../src/ui/concepts/concept-numbers';
import { ConceptsStrip } from '../../../src/ui/concepts/ConceptsStrip';

describe('concept numbers', () => {
  it('come from the cost model and the Skylake preset (docs/hardware-rules.md §3, §6, §8)', () => {
    const n = conceptNumbers();
    expect(n.four).toEqual({ levels: 4, native: 4, shadow: 4, nested: 24 });
    expect(n.five).toEqual({ levels: 5, native: 5, shadow: 5, nested: 35 });
    expect([n.ept2m, n.ept1g]).toEqual([19, 14]);
    expect(n.reach4k).toEqual({ entries: 64, bytes: 64 * 4096 });
    expect(n.reach2m).toEqual({ entries: 32, bytes: 32 * 2 * 1024 * 1024 });
    expect([bytesWords(n.reach4k.bytes), bytesWords(n.reach2m.bytes), bytesWords(1536)]).toEqual([
      '256 KiB',
      '64 MiB',
      '1536 bytes',
    ]);
  });
});

describe('ConceptsStrip', () => {
  it('shows three closed cards whose summaries carry the headline numbers', () => {
    render(<ConceptsStrip />);
    const cards = [
      screen.getByTestId('concept-paging'),
      screen.getByTestId('concept-roles'),
      screen.getByTestId('concept-huge-pages'),
    ];
    for (const card of cards) expect(card).not.toHaveAttribute('open');
    expect(cards[0]!.querySelector('summary')).toHaveTextContent('TLB miss: 4 · 4 · 24 references');
    expect(cards[2]!.querySelector('summary')).toHaveTextContent('19 references instead of 24');
  });

  it('compares native, shadow paging and EPT: references per miss and what exits', async () => {
    render(<ConceptsStrip />);
    const card = screen.getByTestId('concept-paging');
    await userEvent.setup().click(within(card).getByText('Native, shadow paging, EPT'));
    expect(card).toHaveAttribute('open');
    expect(screen.getByTestId('cost-native')).toHaveTextContent('n = 4');
    expect(screen.getByTestId('cost-shadow')).toHaveTextContent('n = 4');
    expect(screen.getByTestId('cost-ept')).toHaveTextContent('n·m + n + m = 24');
    const shadow = within(card).getByRole('row', { name: /^shadow paging/ });
    expect(shadow).toHaveTextContent(/every guest CR3 write.*every guest PTE update/);
    expect(within(card).getByRole('row', { name: /^EPT \/ NPT/ })).toHaveTextContent('about 80 %');
  });

  it('names who does what, and the 2 MiB trade-off with computed figures', () => {
    render(<ConceptsStrip />);
    const roles = screen.getByTestId('concept-roles');
    for (const actor of ['QEMU', 'KVM memslots', 'KVM builds EPT entries', 'MMU notifiers', 'KSM'])
      expect(within(roles).getByText(actor)).toBeInTheDocument();
    expect(screen.getByTestId('cost-ept-2m')).toHaveTextContent('19');
    expect(screen.getByTestId('cost-ept-1g')).toHaveTextContent('14');
    expect(screen.getByTestId('reach-2m')).toHaveTextContent('64 MiB');
    expect(screen.getByTestId('reach-4k')).toHaveTextContent('256 KiB');
    expect(screen.getByTestId('concept-huge-pages')).toHaveTextContent(/splintered/);
  });
});
