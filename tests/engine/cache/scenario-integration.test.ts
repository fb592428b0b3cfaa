/** Caches in scenarios (cpu.tlb, operation steps), in the trace, and in the walk CLI (--tlb). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { ScenarioError } from '../../../src/engine/scenario/errors';
import { runScenario, runScenarioWithEvents } from '../../../src/engine/scenario/run';
import { checkExpectations } from '../../../src/engine/scenario/expect';
import { walkCommand, type CliIo } from '../../../src/cli/walk-command';

const path = (name: string) => new URL(`./scenarios/${name}`, import.meta.url).pathname;
const load = (name: string) => readFileSync(path(name), 'utf8');

const base = { cpu: { cr3: '0x1000' } };

describe('cache operations as scenario steps', () => {
  it('parses each operation, with defaults', () => {
    const scenario = parseScenario({
      ...base,
      accesses: [
        { op: 'invlpg', va: '0x7fff_f000_0000' },
        { op: 'mov-cr3', cr3: '0x2000' },
        { op: 'invpcid', type: 'single-context', pcid: 3 },
        { op: 'invvpid', type: 'individual-address', va: '0x1000' },
        { op: 'invept' },
        { op: 'vm-exit' },
        { op: 'vm-entry' },
        { op: 'write-entry', addr: '0x4000', value: '0x8000_0000_0040_1027' },
        { va: '0x1000', kind: 'read' },
      ],
    });
    expect(scenario.accesses).toEqual([
      { op: 'invlpg', va: { hi: 0x7fff, lo: 0xf000_0000 } },
      { op: 'mov-cr3', cr3: 0x2000, noFlush: false },
      { op: 'invpcid', type: 'single-context', pcid: 3 },
      { op: 'invvpid', type: 'individual-address', va: { hi: 0, lo: 0x1000 } },
      { op: 'invept', type: 'single-context' },
      { op: 'vm-exit' },
      { op: 'vm-entry' },
      { op: 'write-entry', addr: 0x4000, lo: 0x40_1027, hi: 0x8000_0000 },
      { kind: 'read', va: { hi: 0, lo: 0x1000 }, cpl: 0 },
    ]);
  });

  it('names the path of a bad operation', () => {
    const problems = (accesses: unknown[]) => {
      try {
        parseScenario({ ...base, accesses });
        return [];
      } catch (error) {
        return (error as ScenarioError).issues.map((i) => i.path.join('.'));
      }
    };
    expect(problems([{ op: 'invlpg' }])).toEqual(['accesses.0.va']);
    expect(problems([{ kind: 'read', va: '0x0' }, { op: 'flush-everything' }])).toEqual(['accesses.1.op']);
    expect(problems([{ op: 'invvpid', type: 'individual-address' }])).toEqual(['accesses.0.va']);
    expect(problems([{ op: 'write-entry', addr: '0x4004', value: 1 }])).toEqual(['accesses.0.addr']);
  });

  it('cpu.tlb picks a preset; an unknown one is an error at cpu.tlb', () => {
    expect(parseScenario({ cpu: { cr3: '0x1000', tlb: 'zen3' } }).caches).toBe('zen3');
    expect(parseScenario({ cpu: { cr3: '0x1000', tlb: 'none' } }).caches).toBeUndefined();
    expect(() => parseScenario({ cpu: { cr3: '0x1000', tlb: 'pentium' } })).toThrow(/cpu\.tlb/);
  });
});

describe('scenarios with caches', () => {
  it('the tour meets its expectations: 13, 0, 2, 4 after INVLPG, 13 after INVEPT', () => {
    const scenario = parseScenario(load('caches-tour.json'));
    const trace = runScenario(scenario);
    expect(checkExpectations(scenario, trace)).toEqual([]);
    expect(trace.operations!.map((o) => [o.op, o.step, o.before])).toEqual([
      ['invlpg', 3, 3],
      ['invept', 5, 4],
    ]);
    expect(trace.results[1]!.skipped).toHaveLength(24);
    expect(trace.results[1]!.skipped![0]).toEqual({
      by: 'l1-dtlb-4k',
      kind: 'nested',
      guestLevel: 4,
      nestedLevel: 4,
    });
  });

  it('the stale TLB: the trace says stale and by which structure', () => {
    const scenario = parseScenario(load('stale-tlb.json'));
    const trace = runScenario(scenario);
    expect(checkExpectations(scenario, trace)).toEqual([]);
    expect(trace.results.map((r) => [r.pa, r.stale ?? false])).toEqual([
      ['0x100400123', false],
      ['0x100400123', true],
      ['0x100401123', false],
    ]);
    expect(trace.results[1]!.staleBy).toEqual(['l1-dtlb-4k']);
  });

  it('events: one list per access, an operation opening the next; a cache snapshot before each', () => {
    const { trace, events, cacheSnapshots } = runScenarioWithEvents(parseScenario(load('caches-tour.json')));
    expect(events).toHaveLength(trace.results.length);
    expect(cacheSnapshots).toHaveLength(trace.results.length);
    expect(events[3]![0]).toMatchObject({ type: 'invalidate', op: 'invlpg' });
    expect(cacheSnapshots[0]!.structures.every((s) => s.entries.length === 0)).toBe(true);
    expect(cacheSnapshots[3]!.structures.find((s) => s.name === 'l1-dtlb-4k')!.entries).toHaveLength(2);
  });

  it('a scenario without cpu.tlb is walked uncached, with no cache fields in the trace', () => {
    const trace = runScenario(
      parseScenario(load('caches-tour.json').replace('"tlb": "skylake"', '"tlb": "none"')),
    );
    expect(trace.results.map((r) => r.references.length)).toEqual([24, 24, 24, 24, 24]);
    expect(trace.results.every((r) => r.skipped === undefined && r.stale === undefined)).toBe(true);
  });
});

describe('walk CLI', () => {
  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const io: CliIo = {
      readFile: async (file) => readFileSync(file, 'utf8'),
      readStdin: async () => '',
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
    };
    const code = await walkCommand(argv, io);
    return { code, out, err };
  };

  it('--tlb overrides the cpu.tlb of the scenario', async () => {
    const { code, out } = await run(['--tlb', 'zen3', path('stale-tlb.json')]);
    expect(code).toBe(0);
    expect(out).toMatch(/caches: AMD Zen 3/);
    expect(out).toMatch(/STALE: used entries of l1-dtlb that/);
    expect(out).toMatch(/Operation write-entry: wrote 0x0000000000401027 at 0x100004000/);
  });

  it('--tlb none takes the caches away; --json carries skipped / stale / operations', async () => {
    const plain = await run(['--tlb', 'none', '--json', path('stale-tlb.json')]);
    const trace = JSON.parse(plain.out);
    expect(trace.results.map((r: { references: unknown[] }) => r.references.length)).toEqual([24, 24, 24]);
    const cached = JSON.parse((await run(['--json', path('stale-tlb.json')])).out);
    expect(cached.results[1].stale).toBe(true);
    expect(cached.operations).toHaveLength(2);
  });

  it('rejects an unknown preset with exit code 2', async () => {
    const { code, err } = await run(['--tlb', 'pentium']);
    expect(code).toBe(2);
    expect(err).toMatch(/expected one of none, sandy-bridge, skylake, zen3, ideal/);
  });
});
