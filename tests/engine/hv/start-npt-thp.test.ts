// Cold start against warm guest, Intel EPT against AMD NPT, and transparent huge pages switched
// by a host event (docs/hypervisor-model.md): counts by hand for small scripts and the pointer
// chase where EPT loses to shadow paging.
import { describe, expect, it } from 'vitest';
import {
  formatHvError,
  hvSceneById,
  parseHvScript,
  runHvScript,
  scriptStart,
  withStart,
  type HvMode,
  type HvReport,
  type HvScript,
  type HvStart,
} from '../../../src/engine/hv';

function parse(input: unknown): HvScript {
  const parsed = parseHvScript(input);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatHvError).join('\n'));
  return parsed.script;
}

function run(script: HvScript, mode: HvMode): HvReport {
  const result = runHvScript(script, mode);
  if (!result.ok) throw new Error(result.errors.map(formatHvError).join('\n'));
  return result.report;
}

const chase = (start: HvStart) => withStart(parse(hvSceneById('pointer-chase')!.script), start);

describe('the pointer chase: a TLB-miss-heavy workload', () => {
  it('warm: shadow paging exits once per page (8), EPT never, yet EPT costs more cycles', () => {
    const shadow = run(chase('warm'), 'shadow');
    const ept = run(chase('warm'), 'ept');
    expect(shadow.totals.exits['pf-intercepted']).toBe(8);
    expect(shadow.totals.exitCount).toBe(8);
    expect(ept.totals.exitCount).toBe(0);
    // 48 accesses, every one a full 2D walk: 24 references each.
    expect(ept.totals.hardwareRefs).toBe(48 * 24);
    expect(ept.totals.cycles).toBeGreaterThan(shadow.totals.cycles);
  });

  it('cold: EPT takes one violation per guest frame touched (4 table pages + 8 data pages); shadow still 8', () => {
    const shadow = run(chase('cold'), 'shadow');
    const ept = run(chase('cold'), 'ept');
    expect(ept.totals.exits['ept-violation']).toBe(12);
    expect(ept.totals.exitCount).toBe(12);
    expect(shadow.totals.exitCount).toBe(8);
    expect(shadow.totals.hostFaults.minor).toBe(12);
    expect(ept.totals.hostFaults.minor).toBe(12);
  });

  it('the start changes no guest-visible result', () => {
    const outcomes = (r: HvReport) => r.events.map((e) => e.guest);
    expect(outcomes(run(chase('cold'), 'ept'))).toEqual(outcomes(run(chase('warm'), 'ept')));
  });

  it('withStart leaves a script that already starts so untouched, and scriptStart reads it back', () => {
    const warm = chase('warm');
    expect(withStart(warm, 'warm')).toBe(warm);
    expect(scriptStart(warm)).toBe('warm');
    expect(scriptStart(withStart(warm, 'cold'))).toBe('cold');
  });
});

describe('AMD NPT: the same counts under other names', () => {
  for (const id of ['pointer-chase', 'guest-memory', 'ksm', 'swap-out', 'demand-paging']) {
    it(`${id}: NPT counts exactly what EPT counts, and words every step without "EPT"`, () => {
      const script = parse(hvSceneById(id)!.script);
      const ept = run(script, 'ept');
      const npt = run(script, 'npt');
      expect(npt.totals).toEqual(ept.totals);
      expect(npt.events.map((e) => e.guest)).toEqual(ept.events.map((e) => e.guest));
      const texts = npt.events.flatMap((e) => e.steps.flatMap((s) => ('text' in s ? [s.text] : [])));
      for (const text of texts) expect(text).not.toMatch(/\bEPTP?\b|INVEPT/);
      if (ept.totals.exits['ept-violation'] > 0)
        expect(texts.some((t) => t.startsWith('#VMEXIT(NPF)'))).toBe(true);
    });
  }
});

describe('transparent huge pages, switched by a host event', () => {
  const vm = {
    id: 'vm1',
    ram: { hva: '0x7f00_0000_0000', size: '0x60_0000' },
    processes: [
      {
        name: 'a',
        cr3: '0x10_0000',
        mappings: [
          { va: '0x40_0000', gpa: '0x20_0000' },
          { va: '0x60_0000', gpa: '0x40_0000' },
        ],
      },
    ],
  };
  const leafSizes = (r: HvReport, event: number) =>
    r.events[event]!.steps.flatMap((s) =>
      s.type === 'change' && s.structure === 'ept' && s.action === 'installed' ? [s.size] : [],
    );

  it('with THP on, the data page is backed by a 2 MiB host page and mapped by a 2 MiB EPT leaf; after THP off, 4 KiB', () => {
    const script = parse({
      vms: [vm],
      events: [
        { kind: 'thp', on: true },
        { kind: 'access', va: '0x40_0000' },
        { kind: 'thp', on: false },
        { kind: 'access', va: '0x60_0000' },
      ],
    });
    const ept = run(script, 'ept');
    expect(ept.events[0]!.exits).toEqual([]);
    // Tables live in the first 2 MiB, the first data page in the second: two huge host pages.
    expect(leafSizes(ept, 1)).toContain('2M');
    const hostSizes = ept.events[1]!.steps.flatMap((s) => (s.type === 'host-fault' ? [s.size] : []));
    expect(hostSizes.every((size) => size === '2M')).toBe(true);
    expect(leafSizes(ept, 3)).toEqual(['4K']);
  });
});
