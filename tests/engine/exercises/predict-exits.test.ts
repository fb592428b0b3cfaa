// Predict mode in the hypervisor scenes: one question per event, answered by the two runs.
import { describe, expect, it } from 'vitest';
import { exitPredictions } from '../../../src/engine/exercises';
import { hvSceneById, parseHvScript, runHvScript } from '../../../src/engine/hv';
import { playbackPositions } from '../../../src/engine/hv/view/playback';

function runs(id: string) {
  const parsed = parseHvScript(hvSceneById(id)!.script);
  if (!parsed.ok) throw new Error('does not parse');
  const shadow = runHvScript(parsed.script, 'shadow');
  const ept = runHvScript(parsed.script, 'ept');
  if (!shadow.ok || !ept.ok) throw new Error('does not run');
  return { shadow: shadow.report, ept: ept.report };
}

describe('exit predictions', () => {
  it('context switches: 14 exits in shadow mode (10 CR3 writes, 4 #PF intercepted), none under EPT', () => {
    const { shadow, ept } = runs('context-switch');
    const predictions = exitPredictions(shadow, ept, playbackPositions(ept, 'event'));
    expect(predictions).toHaveLength(ept.events.length);
    const sum = (id: string) => predictions.reduce((n, p) => n + Number(p.solution[id]), 0);
    expect(sum('shadowExits')).toBe(14);
    expect(sum('tdpExits')).toBe(0);
    const switches = predictions.filter((_, i) => shadow.events[i]!.kind === 'switch');
    expect(switches.length).toBeGreaterThan(0);
    for (const p of switches)
      expect(p.solution).toMatchObject({ shadowFirst: 'cr3-write', tdpFirst: 'none' });
    // With one position per event, event k is asked at cursor k − 1.
    expect(predictions.map((p) => p.at)).toEqual(predictions.map((_, i) => i));
  });

  it('step-by-step scenes ask before each event’s first step; EPT violations are named under EPT', () => {
    const { shadow, ept } = runs('guest-memory');
    const positions = playbackPositions(ept, 'step');
    const predictions = exitPredictions(shadow, ept, positions);
    for (const p of predictions) {
      const event = Number(p.id.replace('event-', '')) - 1;
      expect(positions[p.at]!.event).toBe(event);
      expect(p.at === 0 || positions[p.at - 1]!.event === event - 1).toBe(true);
    }
    expect(predictions[0]!.solution.tdpFirst).toBe('ept-violation');
    expect(predictions[0]!.explanation[1]).toMatch(/Under EPT: 5 exits \(5 × EPT violation\)/);
  });
});
