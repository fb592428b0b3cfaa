// The scenario contract read strictly (docs/scenario-format.md, "Reading the JSON"): a file that
// JSON.parse would take with a silent surprise — a repeated key, a number that reads as 0, a
// padded hex value, a reserved EPTP bit — is refused with the path and the reason.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { ScenarioError } from '../../../src/engine/scenario/errors';
import { MAX_JSON_DEPTH, readStrictJson } from '../../../src/engine/scenario/strict-json';
import { problems } from './scenario-problems';

const withEptp = (eptp: string) => ({ cpu: { cr3: '0x1000' }, ept: { eptp } });

describe('reading scenario JSON strictly', () => {
  it('reads what JSON.parse reads, for every preset', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../public/scenarios/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(readStrictJson(text)).toEqual(JSON.parse(text));
    }
  });

  it('refuses a key given twice, naming the key and its path', () => {
    const text = '{ "cpu": { "cr3": "0x1000" }, "ept": { "eptp": "0x1e", "eptp": "0x5e" } }';
    expect(problems(text)).toEqual([
      'ept.eptp: line 1, column 56: the field "eptp" appears twice in this object',
    ]);
  });

  it('refuses nesting deeper than 64 levels, in text and in values, without exhausting the stack', () => {
    const deepText = `{ "cpu": { "cr3": ${'['.repeat(100_000)} } }`;
    expect(problems(deepText)).toEqual([
      expect.stringMatching(
        new RegExp(`^cpu\\.cr3(\\[0\\])+: line 1, column \\d+: nested deeper than ${MAX_JSON_DEPTH} levels$`),
      ),
    ]);
    let deepValue: unknown = 0;
    for (let i = 0; i < 10_000; i++) deepValue = [deepValue];
    expect(problems({ cpu: { cr3: deepValue } })).toEqual([
      expect.stringMatching(/^cpu\.cr3(\[0\])+: nested deeper than 64 levels$/),
    ]);
  });

  it('gives every syntax error a line and a column', () => {
    const cases = [
      '{\n  "cpu": {\n    "cr3": "0x1000",\n  }\n}',
      '[1, 2',
      '{"a" 1}',
      '"\\q"',
      '{} x',
      '{"a": tru}',
    ];
    for (const text of cases) {
      expect(problems(text)).toEqual([
        expect.stringMatching(/^\(root\): not valid JSON: line \d+, column \d+: /),
      ]);
    }
    expect(problems('{\n  "cpu": {\n    "cr3": "0x1000",\n  }\n}')[0]).toMatch(
      /line 4, column 3: expected a field name/,
    );
  });

  it('accepts a UTF-8 byte-order mark in front of the text', () => {
    expect(parseScenario('\uFEFF{ "cpu": { "cr3": "0x2000" } }').cpu.cr3).toBe(0x2000);
  });

  it('refuses numbers that read as 0 or as Infinity', () => {
    expect(problems('{ "cpu": { "cr3": 1e-400 } }')).toEqual([
      'cpu.cr3: line 1, column 19: the number 1e-400 is too small: it reads as 0',
    ]);
    expect(problems('{ "cpu": { "cr3": 0, "maxPhyAddr": 1e999 } }')).toEqual([
      'cpu.maxPhyAddr: line 1, column 36: the number 1e999 is too large',
    ]);
    expect(parseScenario('{ "cpu": { "cr3": 0.0e-400 } }').cpu.cr3).toBe(0);
  });

  it('refuses hex with more digits than 64 bits hold, even when they are zeros', () => {
    expect(problems({ cpu: { cr3: '0x0000_0000_0000_0000_1' } })).toEqual([
      'cpu.cr3: expected a value that fits in 64 bits (at most 16 hex digits), got "0x0000_0000_0000_0000_1"',
    ]);
    expect(parseScenario({ cpu: { cr3: '0x0000_0000_0000_1000' } }).cpu.cr3).toBe(0x1000);
  });

  it('refuses an EPTP with a reserved bit, naming the bit', () => {
    expect(problems(withEptp('0x5000_009e'))).toEqual([
      'ept.eptp: reserved bit 7 is set: bits 11:7 of the EPTP must be 0',
    ]);
    expect(problems(withEptp('0x5000_0a1e'))).toEqual([
      'ept.eptp: reserved bit 9 is set: bits 11:7 of the EPTP must be 0',
      'ept.eptp: reserved bit 11 is set: bits 11:7 of the EPTP must be 0',
    ]);
    expect(parseScenario(withEptp('0x5000_005e')).ept?.eptp).toBe(0x5000_005e);
  });

  it('lists the first 20 problems and counts the rest', () => {
    const memory = Array.from({ length: 25 }, () => ({ addr: '0x1004', value: 0 }));
    let error: unknown;
    try {
      parseScenario({ cpu: { cr3: 0 }, memory });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const { issues, total, message } = error as ScenarioError;
    expect(issues).toHaveLength(20);
    expect(total).toBe(25);
    expect(message).toMatch(/^Invalid scenario \(25 problems\):/);
    expect(message.split('\n').at(-1)).toBe('  - … and 5 more');
  });

  it('keeps a "__proto__" key a plain field', () => {
    const value = readStrictJson('{ "__proto__": { "polluted": true } }') as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});
