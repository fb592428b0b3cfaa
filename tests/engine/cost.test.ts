import { describe, expect, it } from 'vitest';
import {
  nativeWalkReferences,
  nestedWalkReferences,
  shadowWalkReferences,
  walkReferences,
} from '../../src/engine/cost';

describe('nestedWalkReferences', () => {
  it.each([
    [4, 4, 24],
    [5, 5, 35],
    [4, 3, 19],
    [4, 2, 14],
    [1, 1, 3],
  ])('%i guest levels on %i nested levels → %i references', (n, m, total) => {
    expect(nestedWalkReferences(n, m)).toBe(total);
  });

  it('equals (n + 1)(m + 1) − 1 for every n, m in 1…5', () => {
    for (let n = 1; n <= 5; n++)
      for (let m = 1; m <= 5; m++) expect(nestedWalkReferences(n, m)).toBe((n + 1) * (m + 1) - 1);
  });

  it('costs n natively and under shadow paging', () => {
    expect(nativeWalkReferences(4)).toBe(4);
    expect(shadowWalkReferences(5)).toBe(5);
    expect(walkReferences('native', 4, 0)).toBe(4);
    expect(walkReferences('ept', 4, 4)).toBe(24);
  });
});
