// A script of the reader's own in the scenes page's link: compressed, exactly the text typed,
// refused with a clear message when damaged, and not written when over the link cap.
import { describe, expect, it } from 'vitest';
import { MAX_LINK_CHARS } from '../../src/state/link-size';
import { scriptFromHash, scriptHash, scriptTooLong } from '../../src/state/hv-script-link';
import { ownScriptFromLink } from '../../src/ui/hv/own-script-link';

const text = JSON.stringify(
  {
    name: 'one read',
    vms: [
      {
        id: 'vm1',
        ram: { hva: '0x7f00_0000_0000', size: '0x40_0000' },
        processes: [{ name: 'a', cr3: '0x10_0000', mappings: [{ va: '0x40_0000', gpa: '0x20_0000' }] }],
      },
    ],
    events: [{ kind: 'access', va: '0x40_0000' }],
  },
  null,
  2,
);

/** Text deflate cannot shrink much: `n` pseudo-random letters from a fixed seed. */
function noise(n: number): string {
  let x = 12345;
  let out = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode(97 + ((x >>> 0) % 26));
  }
  return out;
}

describe('own script links', () => {
  it('round-trips the text exactly, compressed', () => {
    const packed = scriptHash(text);
    if (!packed.fits) throw new Error('a small script fits');
    expect(packed.hash).toMatch(/^#script=[A-Za-z0-9_-]+$/);
    expect(packed.hash.length).toBeLessThan(text.length);
    expect(scriptFromHash(packed.hash)).toEqual({ ok: true, text });
  });

  it('a hash without a script is null; a damaged one says so, naming the script', () => {
    expect(scriptFromHash('')).toBeNull();
    expect(scriptFromHash('#z=abc')).toBeNull();
    const bad = scriptFromHash('#script=%%%');
    expect(bad).toEqual({
      ok: false,
      message: 'The script in this link is damaged: it is not base64url text.',
    });
    const cut = scriptHash(text);
    if (!cut.fits) throw new Error('fits');
    expect(scriptFromHash(cut.hash.slice(0, 30))).toMatchObject({
      ok: false,
      message: /script in this link is damaged/,
    });
  });

  it('a script whose link would pass the cap is not packed into a hash; the message gives both sizes', () => {
    const big = JSON.stringify({ ...JSON.parse(text), description: noise(60_000) });
    const packed = scriptHash(big);
    expect(packed.fits).toBe(false);
    if (packed.fits) return;
    expect(packed.chars).toBeGreaterThan(MAX_LINK_CHARS);
    expect(scriptTooLong(packed.chars).message).toMatch(
      /takes \d+ KiB, and links longer than 32 KiB may not open/,
    );
  });

  it('opening a link: a good script runs at its step; a broken one opens the first scene with its text kept', () => {
    const packed = scriptHash(text);
    if (!packed.fits) throw new Error('fits');
    const opened = ownScriptFromLink({ sceneId: 'own-script', step: 1 }, packed.hash);
    expect(opened.problem).toBeNull();
    expect(opened.own).toMatchObject({ text, step: 1, scene: { title: 'Your script: one read' } });

    const broken = JSON.stringify({
      ...JSON.parse(text),
      events: [{ kind: 'access', va: '0x40_0000', vm: 'vm9' }],
    });
    const brokenHash = scriptHash(broken);
    if (!brokenHash.fits) throw new Error('fits');
    const refused = ownScriptFromLink({ sceneId: 'own-script', step: 0 }, brokenHash.hash);
    expect(refused.own).toBeNull();
    expect(refused.text).toBe(broken);
    expect(refused.problem?.message).toMatch(/cannot run: .*"vm9", which does not exist/);

    expect(ownScriptFromLink({ sceneId: 'own-script', step: 0 }, '').problem?.message).toMatch(
      /holds no script/,
    );
    expect(ownScriptFromLink({ sceneId: 'ksm', step: 0 }, '').own).toBeNull();
  });
});
