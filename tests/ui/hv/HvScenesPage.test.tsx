// The scenes page in jsdom: the start and nested-paging choices run the scene again with the
// engine's counts, and a reader's own script runs — or is refused with its events named while
// the scene on screen stays.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { compareHvModes, hvSceneById, parseHvScript, withStart, type HvStart } from '../../../src/engine';
import { HvScenesPage } from '../../../src/ui/hv/HvScenesPage';

function totals(id: string, start: HvStart, tdpMode: 'ept' | 'npt' = 'ept') {
  const parsed = parseHvScript(hvSceneById(id)!.script);
  if (!parsed.ok) throw new Error('scene does not parse');
  const both = compareHvModes(withStart(parsed.script, start), {}, tdpMode);
  if (!both.ok) throw new Error('scene does not run');
  return { shadow: both.shadow.totals.exitCount, tdp: both.tdp.totals.exitCount };
}

const allExits = () =>
  within(screen.getByRole('table', { name: /Exits and costs/ })).getByRole('row', { name: /all exits/ })
    .textContent;

describe('scenes page: start and nested paging', () => {
  it('the pointer chase opens warm; cold start re-runs it with the engine’s cold counts; NPT renames the column', () => {
    render(<HvScenesPage link={{ sceneId: 'pointer-chase', step: 0 }} />);
    fireEvent.keyDown(window, { key: 'End' });
    const warm = totals('pointer-chase', 'warm');
    expect(allExits()).toContain(`${warm.shadow} / ${warm.shadow}`);
    expect(allExits()).toContain(`${warm.tdp} / ${warm.tdp}`);
    fireEvent.change(screen.getByRole('combobox', { name: 'Start' }), { target: { value: 'cold' } });
    const cold = totals('pointer-chase', 'cold');
    expect(cold.tdp).toBeGreaterThan(warm.tdp);
    expect(allExits()).toContain(`${cold.tdp} / ${cold.tdp}`);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nested paging' }), { target: { value: 'npt' } });
    expect(screen.getByRole('columnheader', { name: 'NPT' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /#VMEXIT\(NPF\)/ })).toBeTruthy();
    expect(allExits()).toContain(`${totals('pointer-chase', 'cold', 'npt').tdp}`);
  });

  it('the KSM scene under NPT shows each VM’s nCR3', () => {
    render(<HvScenesPage link={{ sceneId: 'ksm', step: 0, tdpMode: 'npt' }} />);
    expect(screen.getAllByText(/nCR3 0x[0-9a-f]+/)).toHaveLength(2);
  });
});

describe('scenes page: your own script', () => {
  const vm = {
    id: 'vm1',
    ram: { hva: '0x7f00_0000_0000', size: '0x40_0000' },
    processes: [{ name: 'a', cr3: '0x10_0000', mappings: [{ va: '0x40_0000', gpa: '0x20_0000' }] }],
  };
  const type = (script: unknown) =>
    fireEvent.change(screen.getByLabelText('Script'), {
      target: { value: typeof script === 'string' ? script : JSON.stringify(script) },
    });
  const runIt = () => fireEvent.click(screen.getByRole('button', { name: 'Run in both modes' }));

  it('a bad script names every failing event, keeps the text and leaves the scene on screen', () => {
    render(<HvScenesPage link={{ sceneId: 'context-switch', step: 0 }} />);
    const bad = JSON.stringify({
      vms: [vm],
      events: [
        { kind: 'switch', process: 'zz' },
        { kind: 'access', vm: 'vm9', va: '0x1000' },
        { kind: 'map', va: '0x1000', gpa: '0x9000_0000' },
      ],
    });
    type(bad);
    runIt();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/event 0 \(switch\).*unknown process "zz"/);
    expect(alert.textContent).toMatch(/event 1 \(access\).*"vm9", which does not exist/);
    expect(alert.textContent).toMatch(/event 2 \(map\).*outside guest RAM/);
    expect((screen.getByLabelText('Script') as HTMLTextAreaElement).value).toBe(bad);
    expect(screen.getByRole('heading', { name: hvSceneById('context-switch')!.title })).toBeTruthy();
  });

  it('merging pages of different contents is refused at its event; text that is not JSON says so', () => {
    render(<HvScenesPage link={{ sceneId: 'ksm', step: 0 }} />);
    type({
      vms: [
        {
          ...vm,
          processes: [
            {
              ...vm.processes[0]!,
              mappings: [...vm.processes[0]!.mappings, { va: '0x40_1000', gpa: '0x20_1000' }],
            },
          ],
        },
      ],
      events: [
        { kind: 'access', va: '0x40_0000', op: 'write', value: 'x' },
        { kind: 'ksm-merge', pages: [{ gpa: '0x20_0000' }, { gpa: '0x20_1000' }] },
      ],
    });
    runIt();
    expect(screen.getByRole('alert').textContent).toMatch(/event 1 \(ksm-merge\).*different contents/);
    type('{ not json');
    runIt();
    expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON: line 1, column 3/);
  });

  it('a good script replaces the scene with its own run in both modes', () => {
    render(<HvScenesPage link={{ sceneId: 'context-switch', step: 0 }} />);
    type({
      name: 'two reads',
      vms: [vm],
      events: [
        { kind: 'access', va: '0x40_0000' },
        { kind: 'access', va: '0x40_0000' },
      ],
    });
    runIt();
    expect(screen.getByRole('heading', { name: 'Your script: two reads' })).toBeTruthy();
    expect(screen.getByLabelText('Scene position').textContent).toBe('event 0 / 2');
    fireEvent.keyDown(window, { key: 'End' });
    expect(allExits()).toMatch(/\d+ \/ \d+/);
  });
});
