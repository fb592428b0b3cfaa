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

  it('gives the result at the end', () => {
    render(<Narration events={buildWalk()} cursor={24} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      'Translation complete: gVA 0x7ffff0000123 → gPA 0x400123 → hPA 0x100400123, 4 KiB page, 24 memory references.',
    );
    expect(screen.getAllByRole('listitem').at(-1)).toHaveTextContent('done: hPA 0x100400123, 4 KiB page');
  });

  it('decodes an EPT violation exit qualification in words', () => {
    const events = buildWalk({ nestedNotPresentAt: { guestLevel: 0, nestedLevel: 2 } });
    render(<Narration events={events} cursor={99} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      /EPT violation \(VM exit\) after 23 memory references, at the EPT PD entry translating gPA 0x400123 \(the data address\): exit qualification 0x181 = data read, the gPA allowed no access \(not readable, writable or executable\), guest linear address valid, access to the final translated address\./,
    );
  });

  it('decodes an AMD nested page fault EXITINFO1', () => {
    const events = buildWalk({ mode: 'npt', nestedNotPresentAt: { guestLevel: 3, nestedLevel: 4 } });
    render(<Narration events={events} cursor={99} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
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
      '0 memory references (24 spared by cached translations)',
    );
    expect(screen.getByRole('list', { name: 'Steps so far' })).toHaveTextContent(
      'No memory reference: a cached translation supplied every step.',
    );
  });
});
