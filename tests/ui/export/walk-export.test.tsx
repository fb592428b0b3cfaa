import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { exportWalkView } from '../../../src/ui/export/ExportViewButtons';
import { exportFileName } from '../../../src/ui/export/walk-export';
import { AddressBits, Narration, TableTrees, WalkGrid } from '../../../src/ui/views';
import { buildWalk } from '../views/fixtures';

function renderWalk(cursor: number) {
  const events = buildWalk();
  const { container } = render(
    <div>
      <WalkGrid events={events} cursor={cursor} />
      <Narration events={events} cursor={cursor} />
      <TableTrees events={events} cursor={cursor} onEditEntry={() => {}} />
    </div>,
  );
  return container;
}

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('walk view export', () => {
  it('is one standalone SVG document holding the grid cells, the narration and the tables', () => {
    const picture = exportWalkView(renderWalk(7), 'Default · step 7 of 24');
    expect(picture).not.toBeNull();
    const doc = parse(picture!.text);
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.querySelector('title')?.textContent).toBe('Default · step 7 of 24');
    // The 24 reference cells, numbered in walk order, with the current one marked.
    const steps = [...root.querySelectorAll('[role="gridcell"][data-step]')].map((c) =>
      c.getAttribute('data-step'),
    );
    expect(steps).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1)));
    expect(root.querySelector('[data-step="7"]')?.getAttribute('data-state')).toBe('current');
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(texts).toContain('Step 7');
    expect(texts).toContain('guest PML4');
    // No form controls, and nothing that needs the page's stylesheet.
    expect(picture!.text).not.toMatch(/<(button|input|select|form)\b/);
    expect(picture!.text).not.toContain('var(--');
  });

  it('keeps the hatch pattern the table cards use although it is defined outside them', () => {
    const picture = exportWalkView(renderWalk(7), 'x')!;
    const doc = parse(picture.text);
    const used = [...picture.text.matchAll(/url\(#([^)"]+)\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const id of new Set(used)) expect(doc.getElementById(id), id).not.toBeNull();
  });

  it('adds the address bits and the caches panel, and leaves out an empty caches section', () => {
    const events = buildWalk();
    const caches = (empty: boolean) => (
      <section className={`panel caches-section${empty ? ' is-empty' : ''}`}>
        <section className="nw-caches" aria-label="Translation caches">
          <p>{empty ? 'No translation caches' : 'L1 DTLB 4K 64 entries'}</p>
        </section>
      </section>
    );
    const scene = (empty: boolean) =>
      render(
        <div>
          <WalkGrid events={events} cursor={3} />
          <AddressBits events={events} />
          <Narration events={events} cursor={3} />
          {caches(empty)}
        </div>,
      ).container;
    const textsOf = (container: HTMLElement) =>
      [...parse(exportWalkView(container, 'x')!.text).querySelectorAll('text')]
        .map((t) => t.textContent)
        .join(' ');
    const withCaches = textsOf(scene(false));
    expect(withCaches).toContain('offset 11:0');
    expect(withCaches).toContain('L1 DTLB 4K 64 entries');
    expect(textsOf(scene(true))).not.toContain('No translation caches');
  });

  it('has nothing to export without a grid, and names files after the step', () => {
    expect(exportWalkView(document.createElement('div'), 'x')).toBeNull();
    expect(exportFileName(7, 24, 'svg')).toBe('nestwalk-step-7-of-24.svg');
    expect(exportFileName(0, 13, 'png')).toBe('nestwalk-step-0-of-13.png');
  });
});
