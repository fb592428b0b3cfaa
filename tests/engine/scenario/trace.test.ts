import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenario, runScenarioWithEvents, scenarioMemoryImage } from '../../../src/engine/scenario/run';
import type { WalkEvent } from '../../../src/engine/events';

const preset = (file: string) =>
  parseScenario(readFileSync(join(__dirname, '../../../public/scenarios', file), 'utf8'));

const HEX = /^0x[0-9a-f]+$/;

describe('trace of a scenario run', () => {
  it('reports the contract example: gpa, pa, page size and 24 references in walk order', () => {
    const trace = runScenario(preset('default.json'));
    const [result] = trace.results;
    expect(result).toMatchObject({
      va: '0x7ffff0000123',
      kind: 'read',
      outcome: 'ok',
      gpa: '0x400123',
      pa: '0x100400123',
      pageSize: '4K',
    });
    const refs = result!.references;
    expect(refs).toHaveLength(24);
    expect(refs[0]).toEqual({
      kind: 'nested',
      guestLevel: 4,
      nestedLevel: 4,
      addr: '0x50000000',
      value: '0x50001007',
    });
    expect(refs[4]).toEqual({ kind: 'guest', guestLevel: 4, addr: '0x1000017f8', value: '0x2007' });
    expect(refs.map((r) => `${r.kind[0]}${r.guestLevel}`).join(' ')).toBe(
      'n4 n4 n4 n4 g4 n3 n3 n3 n3 g3 n2 n2 n2 n2 g2 n1 n1 n1 n1 g1 n0 n0 n0 n0',
    );
    for (const ref of refs) expect([ref.addr, ref.value].every((text) => HEX.test(text))).toBe(true);
  });

  it('lists memory after the run in ascending order, A/D updates included', () => {
    const trace = runScenario(preset('default.json'));
    const addrs = trace.memory.map((w) => Number(w.addr));
    expect(addrs).toEqual([...addrs].sort((a, b) => a - b));
    const pte = trace.memory.find((w) => w.addr === '0x100004000');
    expect(pte?.value).toBe('0x400027'); // the read set A (bit 5)
    expect(scenarioMemoryImage(preset('default.json')).find((w) => w.addr === '0x100004000')?.value).toBe(
      '0x400007',
    );
  });

  it('lets one access see the A/D flags the previous one set', () => {
    const [read, write] = runScenario(preset('accessed-dirty.json')).results;
    const pte = (r: typeof read) =>
      r!.references.find((ref) => ref.kind === 'guest' && ref.guestLevel === 1)!.value;
    expect([pte(read), pte(write)]).toEqual(['0x400007', '0x400027']);
  });

  it('gives each outcome the fields the contract names', () => {
    const only = (file: string) => runScenario(preset(file)).results[0]!;
    expect(only('pf-write-read-only.json')).toMatchObject({ errorCode: 7, faultAddress: '0x7ffff0000123' });
    const violation = only('ept-violation-data.json');
    expect(violation).toMatchObject({
      outcome: 'ept-violation',
      faultAddress: '0x400123',
      guestLinearAddress: '0x7ffff0000123',
      exitQualification: '0x1aa',
    });
    expect(only('ept-violation-guest-table.json')).toMatchObject({
      faultAddress: '0x4000',
      exitQualification: '0x81',
    });
    const misconfig = only('ept-misconfig.json');
    expect(misconfig.faultAddress).toBe('0x400123');
    expect(misconfig.exitQualification).toBeUndefined();
    expect(only('npt-fault.json')).toMatchObject({ exitInfo1: '0x100000004', exitInfo2: '0x400123' });
    const gp = only('gp-non-canonical.json');
    expect(gp.references).toEqual([]);
    expect(Object.keys(gp)).toEqual(['va', 'kind', 'cpl', 'outcome', 'references']);
  });

  it('leaves gpa out of native results', () => {
    const result = runScenario(preset('native.json')).results[0]!;
    expect(result.gpa).toBeUndefined();
    expect(result.pa).toBe('0x400123');
    expect(result.references.every((ref) => ref.kind === 'guest' && ref.nestedLevel === undefined)).toBe(
      true,
    );
  });

  it('returns one event list per access, each from walk-start to walk-end', () => {
    const { trace, events } = runScenarioWithEvents(preset('guest-2m-on-ept-4k.json'));
    expect(events).toHaveLength(2);
    for (const list of events) {
      expect(list[0]!.type).toBe('walk-start');
      expect(list[list.length - 1]!.type).toBe('walk-end');
      const reads = list.filter((e: WalkEvent) => e.type === 'guest-read' || e.type === 'nested-read');
      expect(reads).toHaveLength(19);
    }
    expect(trace.results).toHaveLength(2);
  });

  it('passes events to a sink given to runScenario', () => {
    const seen: string[] = [];
    runScenario(preset('native.json'), { sink: (event) => seen.push(event.type) });
    expect(seen[0]).toBe('walk-start');
    expect(seen.filter((type) => type === 'guest-read')).toHaveLength(4);
  });
});
