/**
 * The solutions the engine produced, against independent arithmetic: the 2D count formula, the
 * bit split of the address, the mapping offsets, the error-code bits of the cause.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswers, generateProblem, linearTableLog2 } from '../../../src/engine/exercises';

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 1);

describe('exercise answers', () => {
  it('walk-count: (n + 1)(m + 1) − 1 with n, m the levels the configuration walks', () => {
    for (const seed of SEEDS) {
      const p = generateProblem('walk-count', seed);
      const text = p.given[0]?.value ?? '';
      const guestLevels = text.includes('5-level (LA57)') ? 5 : 4;
      const guestPage = /mapping a (\S+ \S+) page/.exec(text)?.[1];
      const n = guestLevels - ({ '4 KiB': 0, '2 MiB': 1, '1 GiB': 2 }[guestPage ?? ''] ?? NaN);
      const expected = text.startsWith('Native')
        ? n
        : (() => {
            const nestedLevels = Number(/a (\d)-level nested table/.exec(text)?.[1]);
            const nestedPage = /with (\S+ \S+) pages/.exec(text)?.[1] ?? '';
            const m = nestedLevels - ({ '4 KiB': 0, '2 MiB': 1, '1 GiB': 2 }[nestedPage] ?? NaN);
            return (n + 1) * (m + 1) - 1;
          })();
      expect(Number(p.solution.references), text).toBe(expected);
    }
  });

  it('index-split: the 9-bit fields of the address', () => {
    for (const seed of SEEDS) {
      const p = generateProblem('index-split', seed);
      const va = BigInt(p.given[0]?.value ?? '0');
      expect(p.solution.offset).toBe('0x' + (va & 0xfffn).toString(16));
      expect(p.solution.index1).toBe(String((va >> 12n) & 0x1ffn));
      expect(p.solution.index4).toBe(String((va >> 39n) & 0x1ffn));
    }
  });

  it('translate: gPA = guest page + offset, hPA = EPT page + offset within it', () => {
    for (const seed of SEEDS) {
      const p = generateProblem('translate', seed);
      const access = BigInt((p.given.find((g) => g.label === 'Access')?.value ?? '').replace('read ', ''));
      const guest = p.given
        .filter((g) => g.label.startsWith('Guest page'))
        .map((g) => {
          const [va, gpa] = g.value.split(' → gPA ').map((x) => BigInt(x));
          const bytes =
            { '4 KiB': 1n << 12n, '2 MiB': 1n << 21n, '1 GiB': 1n << 30n }[
              /\((.*)\)/.exec(g.label)?.[1] ?? ''
            ] ?? 0n;
          return { va: va ?? 0n, gpa: gpa ?? 0n, bytes };
        })
        .find((m) => access >= m.va && access < m.va + m.bytes);
      expect(guest).toBeDefined();
      const gpa = (guest?.gpa ?? 0n) + access - (guest?.va ?? 0n);
      expect(BigInt(p.solution.gpa ?? '')).toBe(gpa);
      const ept = p.given.find((g) => g.label.startsWith('EPT page'))?.value ?? '';
      const [eptGpa, hpa] = ept
        .replace('gPA ', '')
        .split(' → hPA ')
        .map((x) => BigInt(x));
      expect(BigInt(p.solution.hpa ?? '')).toBe((hpa ?? 0n) + gpa - (eptGpa ?? 0n));
    }
  });

  it('error-code: W/R set exactly for writes, U/S for CPL 3, I/D for fetches, P unless not present', () => {
    for (const seed of SEEDS) {
      const p = generateProblem('error-code', seed);
      const code = Number(p.solution.errorCode);
      const access = p.given.find((g) => g.label === 'Access')?.value ?? '';
      const setup = p.given.find((g) => g.label === 'Setup')?.value ?? '';
      expect(code & 1, setup).toBe(setup.includes('P = 0') ? 0 : 1);
      expect((code >> 1) & 1).toBe(access.startsWith('write') ? 1 : 0);
      expect((code >> 2) & 1).toBe(access.endsWith('CPL 3') ? 1 : 0);
      expect((code >> 4) & 1).toBe(access.startsWith('fetch') ? 1 : 0);
    }
  });

  it('exit-qualification: bits 0–2 name the access, bit 7 is set', () => {
    for (const seed of SEEDS) {
      const p = generateProblem('exit-qualification', seed);
      const q = Number(p.solution.exitQualification);
      const access = p.given.find((g) => g.label === 'Access')?.value ?? '';
      expect(q & 0x80).toBe(0x80);
      const kindBits = access.startsWith('fetch') ? 4 : access.startsWith('write') ? 2 : 1;
      // A guest-table access is a data read whatever the access (EPT A/D off).
      if ((q & 0x100) !== 0) expect(q & 7).toBe(kindBits);
      else expect(q & 7).toBe(1);
    }
  });

  it('linear-table: 48-bit with 4 KiB pages is 2^39 bytes (512 GiB)', () => {
    expect(linearTableLog2(48, 12)).toBe(39);
    expect(linearTableLog2(57, 12)).toBe(48);
  });

  it('the first access of a TLB sequence is a full cold walk minus what the walk itself cached', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const p = generateProblem('tlb-sequence', seed);
      const first = Number(p.solution.refs1);
      expect(first).toBeGreaterThan(4);
      expect(first).toBeLessThanOrEqual(24);
      if (p.fields[1]?.label.includes('the same address again')) expect(p.solution.refs2).toBe('0');
    }
  });
});

describe('checking answers', () => {
  const p = generateProblem('translate', 5);
  it('accepts hex with or without 0x, in any case, with _ separators', () => {
    const gpa = (p.solution.gpa ?? '').slice(2);
    const hpa = (p.solution.hpa ?? '').toUpperCase().replace('0X', '0x');
    const verdict = checkAnswers(p, { gpa, hpa: hpa.slice(0, 4) + '_' + hpa.slice(4) });
    expect(verdict.score).toBe(2);
  });
  it('says why an answer cannot be read, and marks a wrong one wrong', () => {
    const verdict = checkAnswers(p, { gpa: 'zz', hpa: '0x1' });
    expect(verdict.fields[0]?.problem).toMatch(/not a hex number/);
    expect(verdict.fields[1]?.correct).toBe(false);
    expect(checkAnswers(p, {}).fields[0]?.problem).toBe('no answer');
  });
  it('reads decimal or 0x numbers for counts', () => {
    const w = generateProblem('walk-count', 3);
    const n = Number(w.solution.references);
    expect(checkAnswers(w, { references: '0x' + n.toString(16) }).score).toBe(1);
    expect(checkAnswers(w, { references: String(n + 1) }).score).toBe(0);
  });
});
