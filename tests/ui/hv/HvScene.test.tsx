// The scenes in jsdom: the shadow-vs-ept view counts exits from the engine's reports as it steps,
// and the memory views (fixture scripts) show the pages, the EPTP and the steps of each event.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { compareHvModes, HV_SCENES, parseHvScript, type HvScene as Scene } from '../../../src/engine';
import { HvScene, HvSceneFrame } from '../../../src/ui/hv/HvScene';
import ksm from '../../../src/engine/hv/scenes/ksm.json';
import swapOut from '../../../src/engine/hv/scenes/swap-out.json';
import emulate from '../../../src/engine/hv/scenes/emulate.json';
import guestMemory from '../../../src/engine/hv/scenes/guest-memory.json';

const reports = (script: unknown) => {
  const parsed = parseHvScript(script);
  if (!parsed.ok) throw new Error('fixture does not parse');
  const both = compareHvModes(parsed.script);
  if (!both.ok) throw new Error('fixture does not run');
  return both;
};

const position = () => screen.getByLabelText('Scene position').textContent;

describe('shadow vs EPT', () => {
  const scene = HV_SCENES.find((s) => s.view === 'shadow-vs-ept')!;
  it('steps event by event and counts the exits the reports give', () => {
    const { shadow, tdp } = reports(scene.script);
    render(<HvScene sceneId={scene.id} />);
    expect(position()).toBe(`event 0 / ${shadow.events.length}`);
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(position()).toBe(`event 1 / ${shadow.events.length}`);
    fireEvent.keyDown(window, { key: 'End' });
    const counters = screen.getByRole('table', { name: /Exits and costs/ });
    const all = within(counters).getByRole('row', { name: /all exits/ });
    expect(all.textContent).toContain(`${shadow.totals.exitCount} / ${shadow.totals.exitCount}`);
    expect(all.textContent).toContain(`${tdp.totals.exitCount} / ${tdp.totals.exitCount}`);
    expect(screen.getByText(/EPT avoids 80% vmexit/)).toBeTruthy();
    expect(screen.getByText(/Only memory-virtualization exits are modelled/)).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Home' });
    expect(position()).toBe(`event 0 / ${shadow.events.length}`);
  });

  it('an edited exit cost changes the cycle total', () => {
    const { shadow } = reports(scene.script);
    render(<HvScene sceneId={scene.id} />);
    fireEvent.keyDown(window, { key: 'End' });
    const cr3 = shadow.totals.exits['cr3-write'];
    fireEvent.change(screen.getByLabelText('CR3 write'), { target: { value: '0' } });
    const row = screen.getByRole('row', { name: /estimated cycles/ });
    const expected = shadow.totals.cycles - cr3 * shadow.costModel.exit['cr3-write'];
    expect(row.textContent).toContain(expected.toLocaleString('en-US'));
  });
});

const fixture = (id: string, view: Scene['view'], script: unknown): Scene => ({
  id,
  title: id,
  view,
  whatToNotice: 'notice',
  script,
});

describe('memory views', () => {
  it('ksm: both EPTPs, the leaves with their page size, the memory saved after the merge and why none is left at the end', () => {
    const { tdp } = reports(ksm);
    render(<HvSceneFrame scene={fixture('ksm', 'ksm', ksm)} />);
    for (const vm of tdp.vms)
      expect(screen.getByText(new RegExp(`EPTP 0x${vm.eptp!.toString(16)}`))).toBeTruthy();
    const saving = () => document.querySelector('.hv-saved')!.textContent;
    // Through the merge (the third event): one frame now serves both VMs' pages.
    const throughMerge = tdp.events.slice(0, 3).reduce((n, e) => n + e.steps.length, 0);
    for (let i = 0; i < throughMerge; i++) fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(saving()).toMatch(/at this step: 1 × 4 KiB = 4 KiB/);
    // The last event is a write by vm2: copy-on-write ends the sharing, and the screen says why.
    fireEvent.keyDown(window, { key: 'End' });
    expect(tdp.ksmSavedFrames).toBe(0);
    expect(saving()).toMatch(/at this step: 0 × 4 KiB/);
    expect(saving()).toMatch(
      /At the end of the run: 0 × 4 KiB = 0 KiB — a write to a merged page .*copy-on-write/,
    );
    expect(screen.getAllByText(/^4\sKiB page(, read-only)?$/).length).toBeGreaterThan(0);
  });

  it('swap-out: after the swap-out event the host PTE reads cleared', () => {
    const { tdp } = reports(swapOut);
    render(<HvSceneFrame scene={fixture('swap', 'swap-out', swapOut)} />);
    // Step to the swap-out event's last step: the first event's steps, then the swap-out's.
    const steps = tdp.events[0]!.steps.length + tdp.events[1]!.steps.length;
    for (let i = 0; i < steps; i++) fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(position()).toBe(
      `event 2 / 3 · step ${tdp.events[1]!.steps.length} / ${tdp.events[1]!.steps.length}`,
    );
    expect(screen.getByText('cleared (in swap)')).toBeTruthy();
  });

  it('emulate: one line per software read and the hardware walk beside it', () => {
    render(<HvSceneFrame scene={fixture('emu', 'emulate', emulate)} />);
    const walk = screen.getByRole('region', { name: /Emulating at/ });
    expect(within(walk).getAllByRole('listitem')).toHaveLength(4);
    expect(walk.textContent).toMatch(/Hardware: 24 references/);
  });

  it('guest-memory: memslots and the first access step by step', () => {
    const { tdp } = reports(guestMemory);
    render(<HvSceneFrame scene={fixture('gm', 'guest-memory', guestMemory)} />);
    expect(screen.getByText(/memslot 1:/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    const list = screen.getByRole('region', { name: 'What happens under EPT' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    // The cold first access starts with a hardware walk that ends in an EPT violation.
    expect(tdp.events[0]!.steps[0]!.type).toBe('walk');
    expect(list.textContent).toMatch(/Hardware walk \(attempt 1\): \d+ references?, an EPT violation/);
  });
});
