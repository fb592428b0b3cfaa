// Predict mode's questions come from the walk's own events: a hand-derived default walk, the
// fault presets' codes, and for every preset one question per reference with the engine's answer.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnswers, walkPredictions } from '../../../src/engine/exercises';
import { referencesOf } from '../../../src/engine/event-references';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenarioWithEvents } from '../../../src/engine/scenario/run';

const DIR = join(__dirname, '../../../public/scenarios');
const walkOf = (file: string, access = 0) =>
  runScenarioWithEvents(parseScenario(readFileSync(join(DIR, file), 'utf8'))).events[access]!;

describe('predict mode questions', () => {
  it('default walk: the total first, then step 1 (EPT PML4 of the guest CR3) and step 5 (the guest PML4 entry)', () => {
    const predictions = walkPredictions(walkOf('default.json'));
    expect(predictions.map((p) => p.id).slice(0, 3)).toEqual(['total', 'step-1', 'step-2']);
    expect(predictions[0]).toMatchObject({ at: 0, solution: { total: '24' } });
    expect(predictions[0]!.explanation[0]).toContain('4·4 + 4 + 4 = 24');
    const step1 = predictions.find((p) => p.id === 'step-1')!;
    expect(step1).toMatchObject({ at: 0, solution: { table: 'nested-4', address: '0x50000000' } });
    // gVA 0x7ffff0000123: bits 47:39 = 0xff, so the guest PML4 entry is CR3's table + 8 × 255.
    const step5 = predictions.find((p) => p.id === 'step-5')!;
    expect(step5).toMatchObject({ at: 4, solution: { table: 'guest-4', index: '255', address: '0x17f8' } });
    // The question names both address spaces, so it does not give away which table comes next.
    expect(step5.question).toMatch(/guest entry's address is guest-physical, an EPT entry's host-physical/);
    expect(step5.explanation.join(' ')).toContain('0x1000 comes from CR3');
    expect(predictions.at(-1)).toMatchObject({ id: 'outcome', at: 24, solution: { outcome: 'ok' } });
  });

  it('a right answer scores every field, a wrong one is marked with the engine’s answer', () => {
    const step5 = walkPredictions(walkOf('default.json')).find((p) => p.id === 'step-5')!;
    expect(checkAnswers(step5, { table: 'guest-4', index: '255', address: '17F8' }).score).toBe(3);
    const wrong = checkAnswers(step5, { table: 'nested-4', index: '0xff', address: '0x1000' });
    expect(wrong.fields.map((f) => f.correct)).toEqual([false, true, false]);
    expect(wrong.fields[2]!.expected).toBe('0x17f8');
  });

  it('fault presets ask for the outcome, then the #PF error code or the exit qualification', () => {
    const pf = walkPredictions(walkOf('pf-write-read-only.json'));
    const pfEnd = walkOf('pf-write-read-only.json').find((e) => e.type === 'walk-end')!;
    if (pfEnd.type !== 'walk-end' || pfEnd.result.outcome !== 'page-fault') throw new Error('not a #PF');
    expect(pf.slice(-2).map((p) => p.id)).toEqual(['outcome', 'error-code']);
    expect(pf.at(-1)!.solution.errorCode).toBe('0x' + pfEnd.result.errorCode.toString(16));

    const ev = walkOf('ept-violation-data.json');
    const evEnd = ev.find((e) => e.type === 'walk-end')!;
    if (evEnd.type !== 'walk-end' || evEnd.result.outcome !== 'ept-violation')
      throw new Error('not a violation');
    const predictions = walkPredictions(ev);
    expect(predictions.at(-2)!.solution.outcome).toBe('ept-violation');
    expect(predictions.at(-1)!.solution.exitQualification).toBe(
      '0x' + evEnd.result.exitQualification.toString(16),
    );
    // A walk that faults early says so in the total's explanation.
    expect(predictions[0]!.explanation.join(' ')).toMatch(/stops early|This walk makes/);
  });

  it('every preset: one question per reference, asked just before it, answered by the event itself', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
      const walks = runScenarioWithEvents(parseScenario(readFileSync(join(DIR, file), 'utf8'))).events;
      for (const events of walks) {
        const predictions = walkPredictions(events);
        const refs = referencesOf(events);
        const steps = predictions.filter((p) => p.id.startsWith('step-'));
        expect(steps).toHaveLength(refs.length);
        steps.forEach((p, i) => {
          const ref = refs[i]!;
          expect(p.at).toBe(ref.step - 1);
          expect(p.solution.index).toBe(String(ref.index));
          const level = ref.type === 'guest-read' ? ref.guestLevel : ref.nestedLevel;
          expect(p.solution.table).toBe(`${ref.type === 'guest-read' ? 'guest' : 'nested'}-${level}`);
          expect(p.fields[0]!.choices!.some((c) => c.value === p.solution.table)).toBe(true);
        });
        expect(predictions[0]!.solution.total).toBe(String(refs.length));
      }
    }
  });
});
