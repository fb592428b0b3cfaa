import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseHvScript,
  runHvScript,
  formatHvError,
  type HvReport,
  type HvMode,
} from '../../../src/engine/hv';

const vm = {
  id: 'vm1',
  ram: { hva: '0x7f00_0000_0000', size: '0x40_0000' },
  processes: [
    {
      name: 'a',
      cr3: '0x10_0000',
      mappings: [
        { va: '0x40_0000', gpa: '0x20_0000' },
        { va: '0x40_1000', gpa: '0x20_1000' },
      ],
    },
    { name: 'b', cr3: '0x18_0000', mappings: [{ va: '0x40_0000', gpa: '0x30_0000' }] },
  ],
};

function run(events: unknown[], mode: HvMode, extra: Record<string, unknown> = {}): HvReport {
  const parsed = parseHvScript({ vms: [vm], events, ...extra });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatHvError).join('\n'));
  const result = runHvScript(parsed.script, mode);
  if (!result.ok) throw new Error(result.errors.map(formatHvError).join('\n'));
  return result.report;
}

describe('hypervisor rules (docs/hypervisor-model.md)', () => {
  it('shadow rule 6: a guest demand fault costs three exits in shadow mode and none (warm) in EPT mode', () => {
    const events = [
      { kind: 'access', va: '0x40_1000' }, // shadows the walk: the PT frame becomes write-protected
      { kind: 'access', va: '0x40_2000' },
      { kind: 'map', va: '0x40_2000', gpa: '0x20_2000' },
      { kind: 'access', va: '0x40_2000' },
    ];
    const shadow = run(events, 'shadow');
    expect(shadow.events.slice(1).flatMap((e) => e.exits)).toEqual([
      'pf-reinjected',
      'wp-table-write',
      'pf-intercepted',
    ]);
    const warm = parseHvScript({ vms: [{ ...vm, warm: true }], events });
    if (!warm.ok) throw new Error('bad script');
    const ept = runHvScript(warm.script, 'ept');
    if (!ept.ok) throw new Error('run failed');
    expect(ept.report.totals.exitCount).toBe(0);
  });

  it('EPT rule 2 / counting: a cold first access takes one EPT violation per untouched page, tables top-down then data', () => {
    const report = run([{ kind: 'access', va: '0x40_0000' }], 'ept');
    const exits = report.events[0]!.steps.filter((s) => s.type === 'exit');
    expect(exits.map((s) => (s.type === 'exit' ? (s.gpa ?? 0) - ((s.gpa ?? 0) % 0x1000) : 0))).toEqual([
      0x10_0000, 0x10_1000, 0x10_2000, 0x10_3000, 0x20_0000,
    ]);
    // the completed attempt of a 4-level guest on 4-level EPT with no caches reads 24 entries
    const walks = report.events[0]!.steps.filter((s) => s.type === 'walk');
    expect(walks.at(-1)!.type === 'walk' && walks.at(-1)!.references.length).toBe(24);
  });

  it('shadow rule 1 and EPT rule 1: MOV to CR3 exits only in shadow mode', () => {
    const events = [
      { kind: 'switch', process: 'b' },
      { kind: 'switch', process: 'a' },
    ];
    expect(run(events, 'shadow').totals.exits['cr3-write']).toBe(2);
    expect(run(events, 'ept').totals.exitCount).toBe(0);
  });

  it('shadow rule 5: the first write to a clean page is one dirty-tracking exit; a write miss sets D in its one exit', () => {
    const r = run(
      [
        { kind: 'access', va: '0x40_0000' },
        { kind: 'access', va: '0x40_0000', op: 'write' },
        { kind: 'access', va: '0x40_1000', op: 'write' },
      ],
      'shadow',
    );
    expect(r.events.map((e) => e.exits)).toEqual([
      ['pf-intercepted'],
      ['dirty-tracking'],
      ['pf-intercepted'],
    ]);
  });

  it('shadow rule 4: INVLPG exits in shadow mode only', () => {
    const events = [{ kind: 'invlpg', va: '0x40_0000' }];
    expect(run(events, 'shadow').totals.exits.invlpg).toBe(1);
    expect(run(events, 'ept').totals.exitCount).toBe(0);
  });

  it('swap-out: the EPT leaf is zapped and the next access exits and swaps the page in to a new frame', () => {
    const r = run(
      [
        { kind: 'access', va: '0x40_0000' },
        { kind: 'swap-out', gpa: '0x20_0000' },
        { kind: 'access', va: '0x40_0000' },
      ],
      'ept',
    );
    expect(
      r.events[1]!.steps.some((s) => s.type === 'change' && s.structure === 'ept' && s.action === 'zapped'),
    ).toBe(true);
    expect(r.events[2]!.exits).toEqual(['ept-violation']);
    expect(r.totals.hostFaults.swapIn).toBe(1);
  });

  it('bad input: unknown process, unknown VM and maps outside guest RAM name the event', () => {
    const bad = parseHvScript({
      vms: [vm],
      events: [
        { kind: 'switch', process: 'zz' },
        { kind: 'access', vm: 'vm9', va: '0x1000' },
        { kind: 'map', va: '0x1000', gpa: '0x9000_0000' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const lines = bad.errors.map(formatHvError);
    expect(lines[0]).toMatch(/^event 0 \(switch\).*unknown process "zz"/);
    expect(lines[1]).toMatch(/^event 1 \(access\).*VM "vm9", which does not exist/);
    expect(lines[2]).toMatch(/^event 2 \(map\).*outside guest RAM/);
  });

  it('bad input: KSM merging pages of different contents is rejected with no report', () => {
    const parsed = parseHvScript({
      vms: [vm],
      events: [
        { kind: 'access', va: '0x40_0000', op: 'write', value: 'x' },
        { kind: 'access', va: '0x40_1000' },
        { kind: 'ksm-merge', pages: [{ gpa: '0x20_0000' }, { gpa: '0x20_1000' }] },
      ],
    });
    if (!parsed.ok) throw new Error('parse');
    const result = runHvScript(parsed.script, 'ept');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatHvError(result.errors[0]!)).toMatch(/^event 2 \(ksm-merge\).*different contents/);
  });

  it('property: what each access reads or faults is the same in shadow and EPT mode; caches only remove references', () => {
    const va = fc.constantFrom('0x40_0000', '0x40_1000', '0x40_2000');
    const event = fc.oneof(
      fc.record({ kind: fc.constant('access'), va, op: fc.constantFrom('read', 'write') }),
      fc.record({ kind: fc.constant('switch'), process: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('invlpg'), va }),
      fc.record({ kind: fc.constant('map'), va, gpa: fc.constantFrom('0x20_2000', '0x20_3000') }),
      fc.record({ kind: fc.constant('swap-out'), gpa: fc.constantFrom('0x20_0000', '0x10_3000') }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        const shadow = run(events, 'shadow');
        const ept = run(events, 'ept');
        expect(shadow.events.map((e) => e.guest)).toEqual(ept.events.map((e) => e.guest));
        const cached = run(events, 'ept', { caches: 'skylake' });
        expect(cached.events.map((e) => e.exits)).toEqual(ept.events.map((e) => e.exits));
        expect(cached.totals.hardwareRefs).toBeLessThanOrEqual(ept.totals.hardwareRefs);
      }),
      { numRuns: 40 },
    );
  });
});
