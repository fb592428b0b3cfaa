import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { buildMemoryImage } from '../../../src/engine/scenario/builder';
import { ScenarioError } from '../../../src/engine/scenario/errors';

/** The built memory as { "0xaddr": "0xvalue" } for exact comparisons. */
function wordsOf(input: unknown): Record<string, string> {
  const image = buildMemoryImage(parseScenario(input));
  return Object.fromEntries(
    image.words.map((w) => [
      '0x' + w.addr.toString(16),
      '0x' + ((BigInt(w.hi) << 32n) | BigInt(w.lo)).toString(16),
    ]),
  );
}

function buildError(input: unknown): string {
  try {
    buildMemoryImage(parseScenario(input));
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  throw new Error('the scenario built without error');
}

const VA = '0x7fff_f000_0000'; // PML4 index 255, PDPT 511, PD 384, PT 0

describe('builder layout', () => {
  it('lays out native guest tables in consecutive frames from CR3, root first', () => {
    expect(
      wordsOf({ cpu: { cr3: '0x1000' }, guestMappings: [{ va: VA, pa: '0x40_0000', flags: 'rw user' }] }),
    ).toEqual({
      '0x17f8': '0x2007', // PML4[255] → PDPT at 0x2000, P|RW|US
      '0x2ff8': '0x3007', // PDPT[511] → PD at 0x3000
      '0x3c00': '0x4007', // PD[384] → PT at 0x4000
      '0x4000': '0x400007', // PT[0] → the page, P|RW|US
    });
  });

  it('shares tables between mappings and allocates new ones in the order the mappings need them', () => {
    const words = wordsOf({
      cpu: { cr3: '0x1000' },
      guestMappings: [
        { va: VA, pa: '0x40_0000' },
        { va: '0x7fff_f000_1000', pa: '0x41_0000', flags: 'rw' },
        { va: '0x0040_0000', pa: '0x20_0000', size: '2M', flags: 'user nx global' },
      ],
    });
    expect(words['0x4008']).toBe('0x410003'); // same PT, next index; P|RW, supervisor
    expect(words['0x1000']).toBe('0x5007'); // PML4[0] → fifth frame
    expect(words['0x5000']).toBe('0x6007');
    // PD[2] = 2 MiB leaf: P | US | PS | G, XD in bit 63
    expect(words['0x6010']).toBe('0x' + (2n ** 63n + 0x20_0000n + 0x185n).toString(16));
  });

  it('writes leaves with not-present, PWT, PCD and 1 GiB page bits', () => {
    const words = wordsOf({
      cpu: { cr3: '0x1000' },
      guestMappings: [
        { va: '0x4000_0000', pa: '0x8000_0000', size: '1G', flags: 'rw pwt pcd' },
        { va: '0x1000', pa: '0x9000', flags: 'np rw user' },
      ],
    });
    expect(words['0x2008']).toBe('0x8000009b'); // PDPT[1]: P|RW|PWT|PCD|PS
    expect(words['0x4008']).toBe('0x9006'); // PT[1]: RW|US, P = 0
  });

  it('lays out EPT tables from the EPTP address and places guest tables at the host frames they map to', () => {
    const words = wordsOf({
      cpu: { cr3: '0x1000' },
      ept: { eptp: '0x5000_005e' },
      guestMappings: [{ va: '0x0', pa: '0x0', size: '1G' }],
      eptMappings: [
        { gpa: '0x1000', hpa: '0x1_0000_1000', perms: 'rwx' },
        { gpa: '0x2000', hpa: '0x1_0000_2000', perms: 'r uc' },
        { gpa: '0x20_0000', hpa: '0x2_0000_0000', size: '2M', perms: 'rw ipat' },
      ],
    });
    expect(words).toEqual({
      '0x50000000': '0x50001007', // EPT PML4[0] → EPT PDPT, RWX
      '0x50001000': '0x50002007', // EPT PDPT[0] → EPT PD
      '0x50002000': '0x50003007', // EPT PD[0] → EPT PT
      '0x50003008': '0x100001037', // EPT PT[1]: RWX, WB (6 << 3)
      '0x50003010': '0x100002001', // EPT PT[2]: R, UC
      '0x50002008': '0x2000000f3', // EPT PD[1]: RW, WB (0x30), ignore PAT (0x40), large page (0x80)
      '0x100001000': '0x2007', // guest PML4[0] (gpa 0x1000) → PDPT at gpa 0x2000
      '0x100002000': '0x81', // guest PDPT[0] (gpa 0x2000): 1 GiB page, P|PS, read-only supervisor
    });
  });

  it('builds an AMD nested table from nCR3 in the ordinary entry format', () => {
    const words = wordsOf({
      cpu: { cr3: '0x1000' },
      npt: { ncr3: '0x5000_0000', nxe: true },
      eptMappings: [
        { gpa: '0x1000', hpa: '0x1_0000_1000', perms: 'rw' },
        { gpa: '0x2000', hpa: '0x1_0000_2000', perms: 'rwx' },
        { gpa: '0x20_0000', hpa: '0x1_0020_0000', size: '2M', perms: '' },
      ],
    });
    expect(words['0x50000000']).toBe('0x50001007');
    expect(words['0x50003008']).toBe('0x' + (2n ** 63n + 0x1_0000_1007n).toString(16)); // P|RW|US + NX
    expect(words['0x50003010']).toBe('0x100002007'); // executable: no NX
    expect(words['0x50002008']).toBe('0x' + (2n ** 63n + 0x1_0020_0084n).toString(16)); // not present, US|PS
  });

  it('follows the EPTP walk length and LA57 for 5-level tables', () => {
    const words = wordsOf({
      cpu: { cr3: '0x1000', cr4: { la57: true } },
      ept: { eptp: '0x5000_0066' },
      eptMappings: [{ gpa: '0x1000', hpa: '0x1_0000_1000' }],
      guestMappings: [{ va: '0x00ff_ffff_f000_0000', pa: '0x40_0000' }],
    });
    expect(Object.keys(words).filter((a) => a.startsWith('0x5000'))).toHaveLength(5);
    expect(words['0x1000017f8']).toBe('0x2007'); // PML5[255] — only the root frame is mapped
    expect(Object.keys(words).filter((a) => a.startsWith('0x1000'))).toHaveLength(1);
  });
});

describe('builder notes and errors', () => {
  it('leaves guest-table frames the nested mappings do not cover unwritten, and says so', () => {
    const image = buildMemoryImage(
      parseScenario({
        cpu: { cr3: '0x1000' },
        ept: { eptp: '0x5000_005e' },
        guestMappings: [{ va: VA, pa: '0x40_0000' }],
        eptMappings: [
          { gpa: '0x1000', hpa: '0x1_0000_1000' },
          { gpa: '0x2000', hpa: '0x1_0000_2000' },
        ],
      }),
    );
    const hostFrames = new Set(image.words.map((w) => w.addr - (w.addr % 4096)));
    expect(hostFrames.has(0x1_0000_1000) && hostFrames.has(0x1_0000_2000)).toBe(true);
    expect(image.notes).toEqual([
      expect.stringMatching(/^the PD at gpa 0x3000 \(needed by guestMappings\[0\]\) is not covered/),
      expect.stringMatching(/^the PT at gpa 0x4000/),
    ]);
  });

  it('reports a builder word that contradicts a given memory word, naming both', () => {
    expect(
      buildError({
        cpu: { cr3: '0x1000' },
        memory: [{ addr: '0x17f8', value: '0x9007' }],
        guestMappings: [{ va: VA, pa: '0x40_0000' }],
      }),
    ).toBe(
      'Invalid scenario: guestMappings[0]: guestMappings[0] (PML4 entry 255) writes 0x2007 at 0x17f8, ' +
        'where memory[0] already put 0x9007',
    );
  });

  it('accepts a given memory word equal to what the builder writes', () => {
    expect(
      wordsOf({
        cpu: { cr3: '0x1000' },
        memory: [{ addr: '0x17f8', value: '0x2007' }],
        guestMappings: [{ va: VA, pa: '0x40_0000' }],
      })['0x17f8'],
    ).toBe('0x2007');
  });

  it('reports a large page where another mapping needs a table, and two different leaves in one slot', () => {
    expect(
      buildError({
        cpu: { cr3: '0x1000' },
        guestMappings: [
          { va: '0x20_0000', pa: '0x20_0000', size: '2M' },
          { va: '0x20_1000', pa: '0x1000' },
        ],
      }),
    ).toMatch(
      /guestMappings\[1\] needs a PT table under PD entry 1, where guestMappings\[0\] maps a 2M page/,
    );
    expect(
      buildError({
        cpu: { cr3: '0x1000' },
        guestMappings: [
          { va: '0x1000', pa: '0x1000' },
          { va: '0x20_0000', pa: '0x20_0000', size: '2M' },
          { va: '0x0', pa: '0x0', size: '2M' },
        ],
      }),
    ).toMatch(/guestMappings\[2\] maps a 2M page in PD entry 0, where guestMappings\[0\] needs a PT table/);
    expect(
      buildError({
        cpu: { cr3: '0x1000' },
        ept: { eptp: '0x5e' },
        eptMappings: [
          { gpa: '0x1000', hpa: '0x1000' },
          { gpa: '0x1000', hpa: '0x2000' },
        ],
      }),
    ).toMatch(
      /eptMappings\[1\] maps the same 4K page as eptMappings\[0\] \(EPT PT entry 1\) with a different entry/,
    );
  });

  it('reports guest tables that land on top of the EPT tables', () => {
    expect(
      buildError({
        cpu: { cr3: '0x1000' },
        ept: { eptp: '0x5000_005e' },
        guestMappings: [{ va: '0x0', pa: '0x0', size: '1G' }],
        eptMappings: [{ gpa: '0x0', hpa: '0x5000_0000', size: '2M' }],
      }),
    ).toMatch(
      /guestMappings\[0\] \(PML4 entry 0 at gpa 0x1000\) writes 0x2007 at 0x50001000, where eptMappings\[0\]/,
    );
  });

  it('reports two memory words at one address with different values', () => {
    expect(
      buildError({
        cpu: { cr3: 0 },
        memory: [
          { addr: '0x1000', value: 1 },
          { addr: '0x1000', value: 2 },
        ],
      }),
    ).toMatch(/memory\[1\]: memory\[1\] writes 0x2 at 0x1000, where memory\[0\] already put 0x1/);
  });
});
