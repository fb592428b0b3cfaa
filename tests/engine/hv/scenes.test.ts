// The scenes the app offers: each script parses and runs in both modes, and the counts its
// "What to notice" sentence relies on are the engine's.
import { describe, expect, it } from 'vitest';
import { HV_SCENES, formatHvError, hvSceneById, parseHvScript, runHvScript } from '../../../src/engine/hv';
import type { HvMode } from '../../../src/engine/hv';

function exitsOf(id: string, mode: HvMode) {
  const scene = hvSceneById(id);
  if (!scene) throw new Error(`no scene ${id}`);
  const parsed = parseHvScript(scene.script);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatHvError).join('\n'));
  const run = runHvScript(parsed.script, mode);
  if (!run.ok) throw new Error(run.errors.map(formatHvError).join('\n'));
  return run.report.totals;
}

describe('hypervisor scenes', () => {
  it('every scene has a unique id, a teaching point, and runs in shadow and EPT mode', () => {
    const ids = HV_SCENES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const scene of HV_SCENES) {
      expect(scene.whatToNotice.length).toBeGreaterThan(40);
      for (const mode of ['shadow', 'ept'] as const)
        expect(exitsOf(scene.id, mode).exitCount).toBeGreaterThanOrEqual(0);
    }
  });

  it('a warm VM never exits under EPT in the context-switch and demand-paging scenes; shadow mode does', () => {
    for (const id of ['context-switch', 'demand-paging']) {
      expect(exitsOf(id, 'ept').exitCount).toBe(0);
      expect(exitsOf(id, 'shadow').exitCount).toBeGreaterThan(0);
    }
  });

  it('guest memory is filled lazily: the first read takes one EPT violation per page it touches', () => {
    const ept = exitsOf('guest-memory', 'ept');
    expect(ept.exits['ept-violation']).toBe(5);
    expect(ept.hostFaults.minor).toBe(5);
  });

  it('huge pages: after the host turns THP on, one host fault backs 2 MiB and the next page in it does not exit', () => {
    const parsed = parseHvScript(hvSceneById('huge-pages')!.script);
    if (!parsed.ok) throw new Error('does not parse');
    const run = runHvScript(parsed.script, 'ept');
    if (!run.ok) throw new Error('does not run');
    const [first, thp, second, third] = run.report.events;
    // Cold: 4 guest table pages and the data page, each a 4 KiB host page.
    expect(first!.exits).toHaveLength(5);
    expect(thp!.exits).toHaveLength(0);
    // A new guest page table (in the first 2 MiB, already split) and the data page's 2 MiB.
    expect(second!.exits).toEqual(['ept-violation', 'ept-violation']);
    const sizes = second!.steps.flatMap((s) => (s.type === 'host-fault' ? [s.size] : []));
    expect(sizes).toEqual(['4K', '2M']);
    expect(third!.exits).toEqual([]);
    expect(third!.hostFaults).toBe(0);
  });

  it('swap-out: the next access after the host swaps a page out is one EPT violation and one swap-in', () => {
    const ept = exitsOf('swap-out', 'ept');
    expect(ept.exitCount).toBe(1);
    expect(ept.hostFaults.swapIn).toBe(1);
  });
});
