import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { Narration } from '../../../src/ui/views';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioEvents } from './engine-fixtures';
import { buildWalk } from './fixtures';

const publicDir = join(import.meta.dirname, '..', '..', '..', 'public');

describe('Narration', () => {
  it('says what is about to happen at cursor 0, in a polite live region', () => {
    render(<Narration events={buildWalk()} cursor={0} />);
    const live = screen.getByTestId('narration');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent(/^About to translate gVA 0x7ffff0000123 \(a user-mode read\)/);
    expect(screen.getByRole('list', { name: 'Steps so far' })).toHaveTextContent('No memory reference yet.');
  });

  it('narrates the current step and lists the steps so far with the current one marked', () => {
    const { rerender } = render(<Narration events={buildWalk()} cursor={5} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      'Step 5 — read guest PML4 entry 255 at hPA 0x1000017f8 (gPA 0x17f8): present, writable, user, accessed; next table at gPA 0x2000.',
    );
    const list = screen.getByRole('list', { name: 'Steps so far' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[4]).toHaveAttribute('aria-current', 'step');
    expect(items[4]).toHaveTextContent('guest PML4[255] → 0x2000');
    rerender(<Narration events={buildWalk()} cursor={6} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      /^Step 6 — EPT PML4 entry 0 at hPA 0x100000 translating gPA 0x2ff8 \(the guest PDPT entry\)/,
    );
  });

  it('narrates step 24, then gives the result and its breakdown in the summary', () => {
    render(<Narration events={buildWalk()} cursor={24} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(/^Step 24 — EPT PT entry 0/);
    expect(screen.getByTestId('summary-breakdown')).toHaveTextContent(
      'Count: 4 guest reads + 5 EPT walks × 4 = 24 memory references.',
    );
    expect(screen.getByRole('list', { name: 'Counts that are wrong, and why' })).toHaveTextContent(
      /Not 8: .*leaves out the 16 EPT cells of the guest PML4…PT rows.*Not 20: .*leaves out the 4 EPT cells of the final gPA row.*Not 25: .*counts the data access itself/,
    );
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      'Translation complete: gVA 0x7ffff0000123 → gPA 0x400123 → hPA 0x100400123, 4 KiB page, 24 memory references.',
    );
    expect(screen.getAllByRole('listitem').at(-1)).toHaveTextContent('done: hPA 0x100400123, 4 KiB page');
  });

  it('decodes an EPT violation exit qualification in words', () => {
    const events = buildWalk({ nestedNotPresentAt: { guestLevel: 0, nestedLevel: 2 } });
    render(<Narration events={events} cursor={99} />);
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      /EPT violation \(VM exit\) after 23 memory references, at the EPT PD entry translating gPA 0x400123 \(the data address\): exit qualification 0x181 = data read, the gPA allowed no access \(not readable, writable or executable\), guest linear address valid, access to the final translated address\..*Handled by: the hypervisor — a VM exit/,
    );
  });

  it('decodes an AMD nested page fault EXITINFO1', () => {
    const events = buildWalk({ mode: 'npt', nestedNotPresentAt: { guestLevel: 3, nestedLevel: 4 } });
    render(<Narration events={events} cursor={99} />);
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      /Nested page fault \(#VMEXIT\(NPF\)\) after 6 memory references, at the nested PML4 entry translating gPA 0x2ff8 \(the guest PDPT entry\): EXITINFO1 0x200000006 = page not present, write, user mode, during a guest page-table access\./,
    );
  });

  it('narrates a native walk without guest-physical words', () => {
    render(<Narration events={buildWalk({ mode: 'native' })} cursor={1} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      'Step 1 — read PML4 entry 255 at 0x17f8: present, writable, user, accessed; next table at 0x2000.',
    );
  });

  it('says a TLB hit made no memory reference at all', () => {
    const repeat = scenarioEvents(
      readFileSync(join(publicDir, 'scenarios', 'caches-skylake.json'), 'utf8'),
      1,
    )!;
    render(<Narration events={repeat} cursor={0} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      '4·4 + 4 + 4 = 24 cells, 24 of them spared by cached translations, so 0 memory references',
    );
    expect(screen.getByTestId('narration')).toHaveTextContent(
      /Before any reference, the caches act: The TLB l1-dtlb-4k supplies its entry for the whole translation \(set \d+, way \d+, 4K page\), sparing the guest PML4, PDPT, PD, PT reads, .* 24 cells\./,
    );
    expect(screen.getByRole('list', { name: 'Steps so far' })).toHaveTextContent(
      'No memory reference: a cached translation supplied every step.',
    );
  });
});
