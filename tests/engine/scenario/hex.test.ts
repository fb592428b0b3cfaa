import { describe, expect, it } from 'vitest';
import { hexOf, hexOfWord, readHex64 } from '../../../src/engine/scenario/hex';
import { parseScenario } from '../../../src/engine/scenario/parse';

const value = (input: unknown) => {
  const reading = readHex64(input);
  return reading.ok ? reading.value : reading.message;
};

describe('64-bit quantities in scenario JSON', () => {
  it('reads hex strings in any case, with or without underscores', () => {
    expect(value('0x7fff_f000_0123')).toBe(0x7ffff0000123n);
    expect(value('0X7FFFF0000123')).toBe(0x7ffff0000123n);
    expect(value('0xDead_Beef')).toBe(0xdeadbeefn);
    expect(value('0xffff_ffff_ffff_ffff')).toBe(0xffffffffffffffffn);
  });

  it('reads plain JSON numbers below 2^53', () => {
    expect(value(4096)).toBe(4096n);
    expect(value(2 ** 53 - 1)).toBe(2n ** 53n - 1n);
  });

  it('rejects other forms with the expected form and the value given', () => {
    expect(value('zz')).toBe(
      'expected a hex string like "0x7fff_f000_0123" or a number below 2^53, got "zz"',
    );
    expect(value('1000')).toMatch(/got "1000"/); // no 0x: not taken for hex or decimal
    expect(value('0x')).toMatch(/expected a hex string/);
    expect(value(2 ** 53)).toMatch(/number below 2\^53, got 9007199254740992/);
    expect(value(-1)).toMatch(/got -1/);
    expect(value(1.5)).toMatch(/got 1.5/);
    expect(value('0x1_0000_0000_0000_0000')).toMatch(/fits in 64 bits/);
  });

  it('writes lowercase compact hex', () => {
    expect(hexOf(0x1_0040_0123)).toBe('0x100400123');
    expect(hexOfWord(0x2007, 0)).toBe('0x2007');
    expect(hexOfWord(0x37, 0x8000_0001)).toBe('0x8000000100000037');
  });

  it('turns scenario fields into numbers, linear halves and entry words', () => {
    const scenario = parseScenario({
      cpu: { cr3: 0x1000 },
      memory: [{ addr: '0x1_0000_1008', value: '0x8000_0000_0000_2007' }],
      accesses: [{ va: '0xFFFF_8000_0000_1000', kind: 'read' }],
    });
    expect(scenario.cpu.cr3).toBe(0x1000);
    expect(scenario.memory[0]).toEqual({ addr: 0x1_0000_1008, lo: 0x2007, hi: 0x8000_0000 });
    expect(scenario.accesses[0]).toMatchObject({ va: { hi: 0xffff_8000, lo: 0x1000 } });
  });

  it('rejects physical addresses wider than 52 bits and unaligned memory words', () => {
    expect(() => parseScenario({ cpu: { cr3: '0x10_0000_0000_0000' } })).toThrow(
      /cpu\.cr3: expected a value below 2\^52/,
    );
    expect(() => parseScenario({ cpu: { cr3: 0 }, memory: [{ addr: '0x1004', value: 0 }] })).toThrow(
      /memory\[0\]\.addr: expected an address aligned to 8 bytes, got "0x1004"/,
    );
  });
});
