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

  it('swap-out: the next access after the host swaps a page out is one EPT violation and one swap-in', () => {
    const ept = exitsOf('swap-out', 'ept');
    expect(ept.exitCount).toBe(1);
    expect(ept.hostFaults.swapIn).toBe(1);
  });
});
