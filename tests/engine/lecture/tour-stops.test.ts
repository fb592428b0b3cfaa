import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TOUR_STOPS,
  bytesLabel,
  linearVsTree,
  missReferences,
  nestedWalkReferences,
  tlbReachBytes,
  tourSceneProblem,
  tourStop,
} from '../../../src/engine';

const presetFiles = (
  JSON.parse(readFileSync(new URL('../../../public/scenarios/index.json', import.meta.url), 'utf8')) as {
    file: string;
  }[]
).map((p) => p.file);

describe('the lecture tour stops', () => {
  it('every stop has a scene the app can show', () => {
    for (const stop of TOUR_STOPS) expect(tourSceneProblem(stop.scene, presetFiles), stop.id).toBeNull();
  });

  it('every stop has a title, two or three sentences and a try-this; ids are unique', () => {
    expect(new Set(TOUR_STOPS.map((s) => s.id)).size).toBe(TOUR_STOPS.length);
    for (const stop of TOUR_STOPS) {
      expect(stop.title.length, stop.id).toBeGreaterThan(0);
      expect(stop.sentences.length, stop.id).toBeGreaterThanOrEqual(2);
      expect(stop.sentences.length, stop.id).toBeLessThanOrEqual(3);
      expect(stop.tryThis.length, stop.id).toBeGreaterThan(0);
    }
  });

  it('follows the lecture: two-dimensional memory first, the closing question last', () => {
    expect(tourStop(1)?.id).toBe('two-dimensional');
    expect(tourStop(TOUR_STOPS.length)?.id).toBe('tlb-reach-vs-ram');
    expect(tourStop(0)).toBeUndefined();
    expect(tourStop(TOUR_STOPS.length + 1)).toBeUndefined();
  });

  it('quotes the engine’s counts: 24 and 35 references', () => {
    const nonRoot = TOUR_STOPS.find((s) => s.id === 'non-root');
    expect(nonRoot?.title).toContain(String(nestedWalkReferences(4, 4)));
    expect(nonRoot?.sentences.join(' ')).toContain(String(nestedWalkReferences(5, 5)));
  });

  it('refuses scenes the app does not have', () => {
    expect(
      tourSceneProblem({ view: 'walk', preset: 'nope.json', step: 0, focus: 'walk' }, presetFiles),
    ).toMatch(/nope\.json/);
    expect(tourSceneProblem({ view: 'hv', sceneId: 'nope', step: 0 }, presetFiles)).toMatch(/nope/);
    expect(tourSceneProblem({ view: 'levels', n: 6, m: 4, step: 0, focus: 'cost' }, presetFiles)).toMatch(
      /n = 6/,
    );
    expect(tourSceneProblem({ view: 'levels', n: 4, m: 4, step: -1, focus: 'cost' }, presetFiles)).toMatch(
      /step/,
    );
  });
});

describe('the tour’s figures', () => {
  it('a linear table costs 2^39 bytes for 48 bits and 2^48 for 57; the tree reads one 4 KiB table per level', () => {
    expect(linearVsTree()).toEqual([
      { width: 48, levels: 4, linearBytes: 2 ** 39, treeTouchedBytes: 4 * 4096 },
      { width: 57, levels: 5, linearBytes: 2 ** 48, treeTouchedBytes: 5 * 4096 },
    ]);
  });

  it('a TLB miss costs n = 4 / 3 / 2 natively and 24 / 15 / 8 nested', () => {
    expect(['4K', '2M', '1G'].map((s) => missReferences(4, s as '4K').native)).toEqual([4, 3, 2]);
    expect(['4K', '2M', '1G'].map((s) => missReferences(4, s as '4K').nested)).toEqual([24, 15, 8]);
    expect(missReferences(5, '4K').nested).toBe(35);
  });

  it('TLB reach sums the data-side TLBs that hold the size', () => {
    expect(tlbReachBytes('skylake', '4K')).toBe((64 + 1536) * 4096);
    expect(tlbReachBytes('none', '4K')).toBe(0);
  });

  it('labels bytes in binary units', () => {
    expect(bytesLabel(2 ** 39)).toBe('512 GiB');
    expect(bytesLabel(6.25 * 2 ** 20)).toBe('6.25 MiB');
    expect(bytesLabel(512)).toBe('512 bytes');
  });
});
