import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WhatToNotice } from '../../../src/ui/views';
import { buildAbstractWalk } from '../../../src/state/abstract-walk';
import { scenarioEvents } from './engine-fixtures';

const scenarios = join(import.meta.dirname, '..', '..', '..', 'public', 'scenarios');
const preset = (file: string) => JSON.parse(readFileSync(join(scenarios, file), 'utf8')) as unknown;
const events = (file: string) => scenarioEvents(preset(file)) ?? [];
const index = preset('index.json') as { file: string; name: string; description: string }[];
const info = (file: string) => {
  const p = index.find((e) => e.file === file);
  if (!p) throw new Error(`${file} not in the index`);
  return { name: p.name, point: p.description };
};
const region = () => screen.getByRole('region', { name: /What to notice/ });

describe('WhatToNotice', () => {
  it("shows a preset's teaching point on screen, unmarked and with no revert", () => {
    render(
      <WhatToNotice
        events={events('default.json')}
        preset={info('default.json')}
        modified={false}
        symbolic={false}
      />,
    );
    expect(region()).toHaveTextContent(info('default.json').point);
    expect(screen.queryByText('modified')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Revert to preset' })).toBeNull();
  });

  it('after an edit: marks the preset modified, states the walk on screen, and reverts on request', () => {
    const onRevert = vi.fn();
    render(
      <WhatToNotice
        events={events('guest-4k-on-ept-2m.json')}
        preset={info('default.json')}
        modified
        symbolic={false}
        onRevert={onRevert}
      />,
    );
    expect(region()).toHaveTextContent(/What to notice\s*modified/);
    // The edited walk's own count, not the preset's 24.
    expect(region()).toHaveTextContent(
      "4 guest reads + 5 EPT walks × 3 = 19 memory references: the gPA of each of the 4 guest entries is translated by a 3-step EPT walk, and so is the final gPA. Large pages shortened it from the structures' 24.",
    );
    expect(region()).not.toHaveTextContent(info('default.json').point);
    expect(region()).toHaveTextContent('You changed “Default: 4-level guest on 4-level EPT”');
    fireEvent.click(screen.getByRole('button', { name: 'Revert to preset' }));
    expect(onRevert).toHaveBeenCalledOnce();
  });

  it('a built walk (no preset) gets a generated point; a native one compares with EPT', () => {
    render(<WhatToNotice events={events('native.json')} preset={null} modified={false} symbolic={false} />);
    expect(region()).toHaveTextContent(
      'A native walk reads one entry per level: 4 table reads (one per level) = 4 memory references. Under EPT the same 4 levels on 4 nested levels would make 24.',
    );
    expect(screen.queryByRole('button', { name: 'Revert to preset' })).toBeNull();
  });

  it('a faulting walk says where it stopped', () => {
    render(
      <WhatToNotice events={events('pf-not-present.json')} preset={null} modified={false} symbolic={false} />,
    );
    expect(region()).toHaveTextContent(
      /^What to notice\s*This walk stops at a fault: .* before the fault\.$/,
    );
  });

  it('a symbolic 1 × 1 walk is called a thought experiment, with the linear table it would take', () => {
    const walk = buildAbstractWalk(1, 1).events[0] ?? [];
    render(<WhatToNotice events={walk} preset={null} modified={false} symbolic />);
    expect(region()).toHaveTextContent(
      'A thought experiment: no real CPU has a 1-level guest table and a 1-level EPT, so this walk is symbolic',
    );
    expect(region()).toHaveTextContent(
      'a single-level (linear) table for 48-bit addresses with 4 KiB pages has 2^36 entries × 8 bytes = 512 GiB',
    );
    expect(region()).toHaveTextContent('1 guest read + 2 EPT walks × 1 = 3 memory references');
  });
});
