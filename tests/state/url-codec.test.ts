import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../src/state/url-codec';
import { readPreset } from '../worker/scenarios';

describe('links', () => {
  it('carry a scenario, the access and the cursor through the hash', () => {
    const scenario = readPreset('default.json');
    const hash = encodeLink({ scenario, accessIndex: 2, step: 7 });
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+&a=2&step=7$/);
    expect(decodeLink(hash)).toEqual({ scenario, accessIndex: 2, step: 7 });
  });

  it('round-trip any JSON, including text outside ASCII', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(100), (scenario, step) => {
        const back = decodeLink(encodeLink({ scenario, accessIndex: 0, step }));
        expect(back).toEqual({ scenario: JSON.parse(JSON.stringify(scenario)), accessIndex: 0, step });
      }),
    );
  });

  it('carry the levels of a symbolic walk', () => {
    expect(encodeLink({ levels: { n: 1, m: 3 }, step: 2 })).toBe('#n=1&m=3&step=2');
    expect(decodeLink('#n=1&m=3&step=2')).toEqual({ levels: { n: 1, m: 3 }, step: 2 });
  });

  it('are absent from an empty hash, and a damaged one says so', () => {
    expect(decodeLink('')).toBeNull();
    expect(decodeLink('#step=3')).toBeNull();
    expect(() => decodeLink('#s=not*base64')).toThrow(/damaged/);
  });
});
