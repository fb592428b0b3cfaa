import { describe, expect, it } from 'vitest';
import { readWalk } from '../../../src/ui/views/model/walk-model';
import { buildGrid } from '../../../src/ui/views/model/grid-model';
import { walkCount } from '../../../src/ui/views/model/formula';
import { currentSentence, resultSentence } from '../../../src/ui/views/model/narrate';
import { buildWalk } from './fixtures';

describe('grid model', () => {
  it('numbers a 4/4 walk 1…24 in walk order: nested 4…1 then the guest entry, row by row', () => {
    const grid = buildGrid(readWalk(buildWalk()), 0);
    const steps = (row: number) => grid.cells.filter((c) => c.row === row).map((c) => c.ref?.step);
    expect(steps(4)).toEqual([1, 2, 3, 4, 5]);
    expect(steps(1)).toEqual([16, 17, 18, 19, 20]);
    expect(steps(0)).toEqual([21, 22, 23, 24]);
    expect(grid.cells).toHaveLength(24);
  });

  it('marks cells done before the cursor, current at it, future after', () => {
    const grid = buildGrid(readWalk(buildWalk()), 5);
    const state = (step: number) => grid.cells.find((c) => c.ref?.step === step)?.state;
    expect([state(4), state(5), state(6)]).toEqual(['done', 'current', 'future']);
    expect(grid.cells.find((c) => c.ref?.step === 5)?.label).toBe(
      'Step 5: guest PML4 entry read (current step)',
    );
  });

  it('shows cells a fault cut off as pending, then not performed once the walk is over', () => {
    const model = readWalk(buildWalk({ guestNotPresentAt: 1 }));
    expect(model.total).toBe(20);
    expect(buildGrid(model, 10).cells.filter((c) => c.state === 'pending')).toHaveLength(4);
    const end = buildGrid(model, 20);
    expect(end.cells.filter((c) => c.state === 'not-performed').map((c) => c.key)).toEqual([
      '0:4',
      '0:3',
      '0:2',
      '0:1',
    ]);
    expect(end.cells.find((c) => c.fault)?.ref?.step).toBe(20);
  });

  it("reads the engine's `skipped` cells with the structure that spared them", () => {
    const events = buildWalk().filter((e) => !(e.type === 'guest-read' && e.guestLevel === 4));
    const hit = {
      type: 'pwc-hit',
      step: 0,
      skipped: [{ by: 'pml4e-cache', kind: 'guest', guestLevel: 4, nestedLevel: 0 }],
    };
    const cell = buildGrid(readWalk([...events, hit] as never), 0).cells.find((c) => c.key === '4:0');
    expect(cell?.state).toBe('skipped');
    expect(cell?.label).toMatch(/skipped: PWC hit \(pml4e-cache\)/);
  });

  it('uses a single column natively', () => {
    const grid = buildGrid(readWalk(buildWalk({ mode: 'native' })), 4);
    expect(grid.cols).toEqual([0]);
    expect(grid.rows).toEqual([4, 3, 2, 1]);
  });
});

describe('walk count', () => {
  it('gives the formula with live numbers', () => {
    expect(walkCount(readWalk(buildWalk())).full).toBe('4·4 + 4 + 4 = 24');
    expect(walkCount(readWalk(buildWalk({ n: 5, m: 5 }))).full).toBe('5·5 + 5 + 5 = 35');
  });
  it('gives the effective formula when 2 MiB EPT pages shorten the walk', () => {
    const count = walkCount(readWalk(buildWalk({ nestedPage: '2M' })));
    expect(count.usedFormula).toBe('4·3 + 4 + 3 = 19');
    expect(count.used).toBe(19);
    expect(count.performed).toBe(19);
  });
});

describe('narration sentences', () => {
  it('says what is about to happen at cursor 0', () => {
    expect(currentSentence(readWalk(buildWalk()), 0)).toBe(
      'About to translate gVA 0x7ffff0000123 (a user-mode read): 4-level guest paging on 4-level EPT; this walk uses n = 4 guest levels and m = 4 EPT levels: 4·4 + 4 + 4 = 24 memory references. First the EPT translates the gPA of the guest PML4 entry, 0x17f8.',
    );
  });
  it('reads step 5 as the guest PML4 entry', () => {
    expect(currentSentence(readWalk(buildWalk()), 5)).toBe(
      'Step 5 — read guest PML4 entry 255 at hPA 0x1000017f8 (gPA 0x17f8): present, writable, user, accessed; next table at gPA 0x2000.',
    );
  });
  it('reads step 1 as an EPT entry translating the guest PML4 entry', () => {
    expect(currentSentence(readWalk(buildWalk()), 1)).toMatch(
      /^Step 1 — EPT PML4 entry 0 at hPA 0x100000 translating gPA 0x17f8 \(the guest PML4 entry\): readable, writable, executable, accessed; next EPT table at hPA 0x101000\.$/,
    );
  });
  it('narrates the last step like any other, and the result separately', () => {
    expect(currentSentence(readWalk(buildWalk()), 24)).toMatch(
      /^Step 24 — EPT PT entry 0 at hPA 0x\w+ translating gPA 0x400123 \(the data address\)/,
    );
    expect(resultSentence(readWalk(buildWalk()))).toBe(
      'Translation complete: gVA 0x7ffff0000123 → gPA 0x400123 → hPA 0x100400123, 4 KiB page, 24 memory references.',
    );
  });
  it('decodes a page fault', () => {
    expect(resultSentence(readWalk(buildWalk({ guestNotPresentAt: 1, kind: 'write' })))).toBe(
      "Page fault (#PF) after 20 memory references, at the guest PT entry: error code 0x6 = page not present, write, user mode; CR2 = 0x7ffff0000123. Why: The guest entry is not present. Handled by: the guest OS — the #PF (vector 14) is delivered through the guest's IDT with no VM exit; the hypervisor never sees it.",
    );
  });
  it('decodes an EPT violation', () => {
    const model = readWalk(buildWalk({ nestedNotPresentAt: { guestLevel: 2, nestedLevel: 1 } }));
    expect(resultSentence(model)).toMatch(
      /^EPT violation \(VM exit\) after 14 memory references, at the EPT PT entry translating gPA 0x3c00 \(the guest PD entry\): exit qualification 0x81 = data read, the gPA allowed no access/,
    );
  });
});
