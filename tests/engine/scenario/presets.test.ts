import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenario } from '../../../src/engine/scenario/run';
import { checkExpectations } from '../../../src/engine/scenario/expect';

const dir = join(__dirname, '../../../public/scenarios');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

interface IndexEntry {
  file: string;
  name: string;
  description: string;
}
const index = readJson('index.json') as IndexEntry[];

describe('preset scenarios (public/scenarios/index.json)', () => {
  it('starts with the default 4/4 scenario', () => {
    expect(index[0]!.file).toBe('default.json');
  });

  it('lists each file once', () => {
    expect(new Set(index.map((entry) => entry.file)).size).toBe(index.length);
  });

  it.each(index.map((entry) => [entry.file, entry] as const))(
    '%s parses and does what it says',
    (file, entry) => {
      const scenario = parseScenario(readJson(file));
      expect(scenario.name).toBe(entry.name);
      expect(scenario.description).toBe(entry.description);
      expect(entry.description.length).toBeGreaterThan(40);
      // every access carries an expectation with at least its outcome and reference count
      expect(scenario.expect).toHaveLength(scenario.accesses.length);
      for (const expectation of scenario.expect!) {
        expect(expectation.outcome).toBeDefined();
        expect(expectation.references).toBeDefined();
      }
      expect(checkExpectations(scenario, runScenario(scenario))).toEqual([]);
    },
  );

  it('covers the walks the course needs, with the reference counts the formula gives', () => {
    const first = (file: string) => {
      const scenario = parseScenario(readJson(file));
      const result = runScenario(scenario).results[0]!;
      return [result.outcome, result.references.length, result.pageSize];
    };
    expect(first('default.json')).toEqual(['ok', 24, '4K']);
    expect(first('guest-4k-on-ept-2m.json')).toEqual(['ok', 19, '4K']);
    expect(first('guest-2m-on-ept-4k.json')).toEqual(['ok', 19, '4K']);
    expect(first('guest-1g-on-ept-1g.json')).toEqual(['ok', 8, '1G']);
    expect(first('five-level.json')).toEqual(['ok', 35, '4K']);
    expect(first('native.json')).toEqual(['ok', 4, '4K']);
    expect(first('npt.json')).toEqual(['ok', 24, '4K']);
    expect(first('gp-non-canonical.json')).toEqual(['general-protection', 0, undefined]);
  });
});
