// The memory view's picture of a VM: a page inside a 2 MiB leaf is shown mapped by that leaf, at
// the large frame plus its offset, not as "not present".
import { describe, expect, it } from 'vitest';
import { hvSceneById, parseHvScript, runHvScript } from '../../../src/engine/hv';
import { memoryPicture } from '../../../src/engine/hv/view';

describe('memory picture', () => {
  it('huge pages: the page the last read touches lies in the 2 MiB host page and EPT leaf', () => {
    const parsed = parseHvScript(hvSceneById('huge-pages')!.script);
    if (!parsed.ok) throw new Error('does not parse');
    const run = runHvScript(parsed.script, 'ept');
    if (!run.ok) throw new Error('does not run');
    const last = run.report.events.length - 1;
    const end = { event: last, step: run.report.events[last]!.steps.length - 1, stepCount: 0 };
    const [vm] = memoryPicture(parsed.script, run.report, end);
    const page = (gpa: number) => vm!.pages.find((p) => p.gpa === gpa)!;
    const base = page(0x40_0000);
    expect(base.eptLeaf?.size).toBe('2M');
    expect(base.hostPte?.size).toBe('2M');
    const inside = page(0x40_1000);
    expect(inside.eptLeaf).toEqual({ ...base.eptLeaf, hpa: base.eptLeaf!.hpa! + 0x1000 });
    expect(inside.hostPte).toEqual({ ...base.hostPte, hpa: base.hostPte!.hpa! + 0x1000 });
    // Before the host turns THP on, that page is not mapped at all.
    const [before] = memoryPicture(parsed.script, run.report, { event: 0, step: 0, stepCount: 0 });
    expect(before!.pages.find((p) => p.gpa === 0x40_1000)!.eptLeaf).toBeNull();
  });
});
