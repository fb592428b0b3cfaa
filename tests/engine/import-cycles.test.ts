import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../src/cli/import-cycles';

describe('import graph of src/', () => {
  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(importGraph('src'))).toEqual([]);
  });

  it('sees type-only imports (the machine API imports the result type only as a type)', () => {
    const graph = importGraph('src');
    const api = [...graph.keys()].find((file) => file.endsWith('src/engine/machine-api.ts'))!;
    expect(graph.get(api)!.some((target) => target.endsWith('src/engine/result.ts'))).toBe(true);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
