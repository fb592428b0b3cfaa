import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { problems } from './scenario-problems';

const minimal = { cpu: { cr3: '0x1000' } };

describe('parseScenario', () => {
  it('fills documented defaults for absent CPU fields', () => {
    const { cpu, accesses, memory, guestMappings, eptMappings, ept, npt } = parseScenario(minimal);
    expect(cpu).toEqual({
      cr3: 0x1000,
      wp: true,
      la57: false,
      smep: false,
      smap: false,
      pcide: false,
      pge: false,
      nxe: true,
      cpl: 0,
      maxPhyAddr: 46,
      vpid: 0,
    });
    expect([accesses, memory, guestMappings, eptMappings]).toEqual([[], [], [], []]);
    expect(ept).toBeUndefined();
    expect(npt).toBeUndefined();
  });

  it('gives each access the CPU privilege unless it names its own', () => {
    const scenario = parseScenario({
      cpu: { cr3: '0x1000', cpl: 3 },
      accesses: [
        { va: '0x1000', kind: 'read' },
        { va: '0x1000', kind: 'write', cpl: 0 },
      ],
    });
    expect(scenario.accesses.map((a) => ('cpl' in a ? a.cpl : undefined))).toEqual([3, 0]);
  });

  it('names every problem with its path, what was expected and what was given', () => {
    const found = problems({
      format: 'nestwalk-scenario/2',
      cpu: { cr3: '0x1000', cr0: { wp: 'yes' }, cpl: 2, maxPhyAddr: 60 },
      accesses: [
        { va: '0x1000', kind: 'read' },
        { va: '0x1000', kind: 'jump' },
        { va: 'zz', kind: 'read' },
      ],
      guestMappings: [{ va: '0x1000', pa: '0x2000', flags: 'rw sticky' }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'format: expected "nestwalk-scenario/1", got "nestwalk-scenario/2"',
        'cpu.cr0.wp: expected true or false, got "yes"',
        'cpu.cpl: expected 0 or 3, got 2',
        'cpu.maxPhyAddr: expected a number ≤ 52, got 60',
        'accesses[1].kind: expected one of "read", "write", "fetch", got "jump"',
        'accesses[2].va: expected a hex string like "0x7fff_f000_0123" or a number below 2^53, got "zz"',
        'guestMappings[0].flags: unknown flag "sticky": expected any of "rw user nx global pwt pcd np"',
      ]),
    );
    expect(found).toHaveLength(7);
  });

  it('reports a missing required field', () => {
    expect(problems({ cpu: {} })).toEqual([
      'cpu.cr3: expected a hex string like "0x7fff_f000_0123" or a number below 2^53, got nothing',
    ]);
    expect(problems({})).toEqual(['cpu: expected an object, got nothing']);
    expect(problems([])).toEqual(['(root): expected an object, got []']);
  });

  it('puts every problem in the error message', () => {
    expect(() => parseScenario({ cpu: { cr3: 'x' }, accesses: [{ kind: 'read' }] })).toThrow(
      /2 problems[\s\S]*cpu\.cr3[\s\S]*accesses\[0\]\.va/,
    );
  });

  it('reports JSON syntax errors with line and column', () => {
    const text = '{\n  "cpu": { "cr3": "0x1000" }\n  "accesses": []\n}';
    expect(problems(text)).toEqual([expect.stringMatching(/^\(root\): not valid JSON: line 3, column 3: /)]);
    expect(problems('{"cpu": ')).toEqual([expect.stringMatching(/line 1, column 9/)]);
  });

  it('parses JSON text as well as values', () => {
    expect(parseScenario('{ "cpu": { "cr3": "0x2000" } }').cpu.cr3).toBe(0x2000);
  });

  it('accepts unknown extra fields anywhere', () => {
    const scenario = parseScenario({
      cpu: { cr3: '0x1000', futureFlag: true, cr4: { pke: false } },
      ept: { eptp: '0x5e', vmcsField: 1 },
      accesses: [{ va: '0x1000', kind: 'read', label: 'first' }],
      somethingNew: [1, 2, 3],
    });
    expect(scenario.accesses).toHaveLength(1);
  });

  it('checks the EPTP and the paging-mode choice', () => {
    expect(problems({ cpu: { cr3: 0 }, ept: { eptp: '0x16' } })).toEqual([
      'ept.eptp: bits 5:3 give a walk of 3 levels: expected 3 (4 levels) or 4 (5 levels)',
    ]);
    expect(problems({ cpu: { cr3: 0 }, ept: { eptp: '0x1d' } })).toEqual([
      'ept.eptp: bits 2:0 give memory type 5: expected 0 (UC) or 6 (WB)',
    ]);
    expect(problems({ cpu: { cr3: 0 }, ept: { eptp: '0x5e' }, npt: { ncr3: 0 } })).toEqual([
      '(root): give either "ept" (Intel) or "npt" (AMD), not both',
    ]);
    expect(problems({ cpu: { cr3: 0 }, eptMappings: [{ gpa: 0, hpa: 0 }] })).toEqual([
      'eptMappings: nested mappings need "ept" or "npt" to be configured',
    ]);
    expect(parseScenario({ cpu: { cr3: 0 }, npt: { ncr3: '0x5000_0000' } }).npt).toEqual({
      ncr3: 0x5000_0000,
      levels: 4,
      nxe: true,
    });
  });

  it('checks CR3 against MAXPHYADDR and folds the PCID into CR3', () => {
    expect(problems({ cpu: { cr3: '0x1000_0000_1000', maxPhyAddr: 40 } })).toEqual([
      'cpu.cr3: 0x100000001000 has address bits above maxPhyAddr (40)',
    ]);
    expect(parseScenario({ cpu: { cr3: '0x1000', pcid: 5, cr4: { pcide: true } } }).cpu.cr3).toBe(0x1005);
    expect(problems({ cpu: { cr3: '0x1000', pcid: 5 } })).toEqual([
      'cpu.pcid: a PCID needs cpu.cr4.pcide: true',
    ]);
  });

  it('checks that mappings are aligned to their page size and canonical', () => {
    expect(
      problems({
        cpu: { cr3: '0x1000' },
        ept: { eptp: '0x5e' },
        guestMappings: [
          { va: '0x7fff_f010_0000', pa: '0x40_0000', size: '2M' },
          { va: '0x8000_0000_0000', pa: '0x1000' },
        ],
        eptMappings: [{ gpa: '0x1000', hpa: '0x20_1000', size: '2M' }],
      }),
    ).toEqual([
      'guestMappings[0].va: not aligned to its 2M page',
      'guestMappings[1].va: not canonical for 4-level paging',
      'eptMappings[0].gpa: gpa 0x1000 is not aligned to its 2M page',
      'eptMappings[0].hpa: hpa 0x201000 is not aligned to its 2M page',
    ]);
  });

  it('reads guest flags and EPT permissions', () => {
    const scenario = parseScenario({
      cpu: { cr3: '0x1000' },
      ept: { eptp: '0x5e' },
      guestMappings: [
        { va: 0, pa: 0, flags: 'rw user nx global pwt pcd np' },
        { va: '0x1000', pa: 0 },
      ],
      eptMappings: [
        { gpa: 0, hpa: 0, perms: 'r-x uc' },
        { gpa: '0x1000', hpa: 0 },
        { gpa: '0x2000', hpa: 0, perms: '' },
      ],
    });
    expect(scenario.guestMappings.map((m) => m.flags)).toEqual([
      { rw: true, user: true, nx: true, global: true, pwt: true, pcd: true, np: true },
      { rw: false, user: false, nx: false, global: false, pwt: false, pcd: false, np: false },
    ]);
    expect(scenario.eptMappings.map((m) => m.perms)).toEqual([
      { r: true, w: false, x: true, memoryType: 0, ignorePat: false },
      { r: true, w: true, x: true, memoryType: 6, ignorePat: false },
      { r: false, w: false, x: false, memoryType: 6, ignorePat: false },
    ]);
    expect(
      problems({
        cpu: { cr3: 0 },
        ept: { eptp: '0x5e' },
        eptMappings: [{ gpa: 0, hpa: 0, perms: 'rwx wb uc' }],
      }),
    ).toEqual(['eptMappings[0].perms: more than one memory type in "rwx wb uc"']);
  });
});
