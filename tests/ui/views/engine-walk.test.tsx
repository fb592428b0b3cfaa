/** The views over real engine walks of the shipped scenarios (public/scenarios). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { WalkEvent } from '../../../src/engine/events';
import { AddressBits, Narration, TableTrees, WalkGrid } from '../../../src/ui/views';
import { cachedWalkEvents, scenarioEvents } from './engine-fixtures';

const scenarioText = (file: string) =>
  readFileSync(join(__dirname, '../../../public/scenarios', file), 'utf8');
const walkOf = (file: string, access = 0): WalkEvent[] => scenarioEvents(scenarioText(file), access)!;

describe('views over a real engine walk', () => {
  const events = walkOf('default.json');

  it('grid: 24 cells numbered in walk order, cell 5 the guest PML4 read', () => {
    render(<WalkGrid events={events} cursor={5} />);
    const numbered = [...document.querySelectorAll('[role="gridcell"][data-step]')];
    expect(numbered).toHaveLength(24);
    expect(screen.getByRole('gridcell', { current: 'step' })).toHaveAccessibleName(
      'Step 5: guest PML4 entry read (current step)',
    );
    expect(screen.getByTestId('grid-formula')).toHaveTextContent('4·4 + 4 + 4 = 24');
  });

  it('narration: step 1 is the EPT PML4 read, the end is the translation', () => {
    const { rerender } = render(<Narration events={events} cursor={1} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      /^Step 1 — EPT PML4 entry 0 at hPA 0x50000000 translating gPA 0x17f8 \(the guest PML4 entry\): readable, writable, executable/,
    );
    rerender(<Narration events={events} cursor={24} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(/^Step 24 — EPT PT entry 0 /);
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      'Translation complete: gVA 0x7ffff0000123 → gPA 0x400123 → hPA 0x100400123, 4 KiB page, 24 memory references.',
    );
  });

  it('address and tables agree with the engine result', () => {
    render(
      <>
        <AddressBits events={events} />
        <TableTrees events={events} cursor={24} />
      </>,
    );
    expect(screen.getByText('0x100400123')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'data page' })).toHaveTextContent('↦ byte at hPA 0x100400123');
  });

  it('a 4 KiB guest page on 2 MiB EPT pages: 19 references, the EPT PT column not performed', () => {
    const large = walkOf('guest-4k-on-ept-2m.json');
    render(<WalkGrid events={large} cursor={19} />);
    expect(document.querySelectorAll('[role="gridcell"][data-step]')).toHaveLength(19);
    expect(document.querySelectorAll('[data-state="not-performed"]')).toHaveLength(5);
    expect(screen.getByTestId('grid-formula')).toHaveTextContent('this walk: 4·3 + 4 + 3 = 19');
  });

  it('an EPT violation on a guest-table access: decoded exit qualification', () => {
    const fault = walkOf('ept-violation-guest-table.json');
    render(<Narration events={fault} cursor={99} />);
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      /^EPT violation \(VM exit\) after 19 memory references, at the EPT PT entry translating gPA 0x4000 \(the guest PT entry\): exit qualification 0x81 = data read, .*access to a guest paging-structure entry\..* Handled by: the hypervisor — a VM exit leaves the guest/,
    );
  });

  it('a page fault: decoded error code', () => {
    render(<Narration events={walkOf('pf-not-present.json')} cursor={99} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      /^Step 20 — read guest PT entry 0 .*not present; the walk stops here\./,
    );
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      /^Page fault \(#PF\) after 20 memory references, at the guest PT entry: error code 0x4 = page not present, read, user mode; CR2 = 0x7ffff0000123\..* Handled by: the guest OS — the #PF \(vector 14\) is delivered through the guest's IDT with no VM exit/,
    );
  });

  it('a walk with caches: the guest-physical TLB spares the EPT cells, drawn as skipped once the walk reaches them', () => {
    const cached = cachedWalkEvents(scenarioText('default.json'));
    const { rerender } = render(<WalkGrid events={cached} cursor={4} />);
    expect(document.querySelectorAll('[data-state="skipped"]')).toHaveLength(20);
    rerender(<WalkGrid events={cached} cursor={2} />);
    expect(document.querySelectorAll('[role="gridcell"][data-step]')).toHaveLength(4);
    // hits before steps 1, 2 and after step 2 (rows PML4, PDPT, PD): the PT and data rows not yet
    const skipped = document.querySelectorAll('[data-state="skipped"]');
    expect(skipped).toHaveLength(12);
    expect(screen.getByTestId('grid-spared')).toHaveTextContent('20 spared by caches: 4 references');
    expect(screen.getByRole('gridcell', { current: 'step' })).toHaveAccessibleName(
      'Step 2: guest PDPT entry read (current step)',
    );
    expect(skipped[0]).toHaveAccessibleName(
      'EPT PML4 entry read, translating the guest PML4 entry — skipped: TLB hit (gpa-tlb-4k)',
    );
  });

  it('a walk with caches: the narration counts the references the caches spared', () => {
    const cached = cachedWalkEvents(scenarioText('default.json'));
    const { rerender } = render(<Narration events={cached} cursor={0} />);
    expect(screen.getByTestId('narration')).toHaveTextContent(
      '4·4 + 4 + 4 = 24 cells, 20 of them spared by cached translations, so 4 memory references.',
    );
    expect(screen.getByTestId('narration')).toHaveTextContent(
      'Before any reference, the caches act: The guest-physical TLB gpa-tlb-4k supplies its entry for the gPA → hPA mapping of the guest PML4 entry (set 1, way 0, 4K page), sparing the EPT walk of the guest PML4 entry (4 reads): 4 cells.',
    );
    rerender(<Narration events={cached} cursor={4} />);
    expect(screen.getByTestId('summary-breakdown')).toHaveTextContent(
      '4 guest reads + 5 EPT walks × 4 = 24 cells: caches spared 20, so 4 memory references were made.',
    );
    expect(screen.getByTestId('walk-summary')).toHaveTextContent(
      'Translation complete: gVA 0x7ffff0000123 → gPA 0x400123 → hPA 0x100400123, 4 KiB page, 4 memory references (20 spared by cached translations).',
    );
  });

  it('a walk with caches: the tables say which EPT steps a cache supplied', () => {
    render(<TableTrees events={cachedWalkEvents(scenarioText('default.json'))} cursor={1} />);
    expect(document.querySelector('[data-card="n4:4"]')).toHaveTextContent(
      'Not read: a TLB hit (gpa-tlb-4k) supplied this step.',
    );
  });
});
