import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, MAX_INFLATED_BYTES, plainScenario } from '../../src/state/url-codec';
import { readPreset } from '../worker/scenarios';

const toBase64Url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const packedText = (text: string) => toBase64Url(deflateSync(strToU8(text)));

describe('links', () => {
  it('carry a compressed scenario, the access and the cursor through the hash', () => {
    const scenario = readPreset('default.json');
    const hash = encodeLink({ scenario, accessIndex: 2, step: 7 });
    expect(hash).toMatch(/^#z=[A-Za-z0-9_-]+&a=2&step=7$/);
    expect(decodeLink(hash)).toEqual({ scenario, accessIndex: 2, step: 7 });
    // Compression pays: the link is well under half the plain form's length.
    expect(hash.length).toBeLessThan(plainScenario(scenario).length / 2);
  });

  it('still open in the older uncompressed #s= form', () => {
    const scenario = readPreset('npt.json');
    expect(decodeLink(`#s=${plainScenario(scenario)}&a=1&step=3`)).toEqual({
      scenario,
      accessIndex: 1,
      step: 3,
    });
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
    expect(() => decodeLink('#s=not*base64')).toThrow(/damaged: it is not base64url/);
    expect(() => decodeLink('#z=not*base64')).toThrow(/damaged: it is not base64url/);
  });

  it('read the scenario strictly: a repeated key or a syntax error is named with its line and column', () => {
    const repeated = '{"name":"a",\n "name":"b","cpu":{"cr3":0}}';
    expect(() => decodeLink(`#z=${packedText(repeated)}`)).toThrow(
      /damaged: name: line 2, column 2: the field "name" appears twice/,
    );
    expect(() => decodeLink(`#s=${toBase64Url(strToU8(repeated))}`)).toThrow(/appears twice/);
    expect(() => decodeLink(`#z=${packedText('{"cpu":\n  {"cr3": 0,}}')}`)).toThrow(
      /damaged: not valid JSON: line 2, column \d+/,
    );
    expect(() => decodeLink(`#z=${packedText('{"n": 1e999}')}`)).toThrow(/too large/);
  });

  it('refuse compressed data that is cut short or corrupt', () => {
    const hash = encodeLink({ scenario: readPreset('default.json'), accessIndex: 0, step: 0 });
    const packed = hash.slice(3, hash.indexOf('&'));
    expect(() => decodeLink(`#z=${packed.slice(0, packed.length >> 1)}`)).toThrow(
      /damaged: its compressed data/,
    );
    expect(() => decodeLink(`#z=${'A'.repeat(40)}`)).toThrow(/damaged/);
    expect(() => decodeLink(`#z=${toBase64Url(deflateSync(Uint8Array.of(0xff, 0xfe, 0x80)))}`)).toThrow(
      /not UTF-8/,
    );
  });

  it('refuse a small link that would unpack to more than 8 MiB (a zip bomb)', () => {
    const bomb = new Uint8Array(MAX_INFLATED_BYTES + 1024).fill(0x20);
    const packed = toBase64Url(deflateSync(bomb, { level: 9 }));
    expect(packed.length).toBeLessThan(20_000);
    expect(() => decodeLink(`#z=${packed}`)).toThrow(/would unpack to more than 8 MiB/);
    // A small one opens (here the JSON is a string).
    const fits = strToU8(`"${' '.repeat(1000)}"`);
    expect(decodeLink(`#z=${toBase64Url(deflateSync(fits))}`)).toMatchObject({ scenario: ' '.repeat(1000) });
  });
});
