// The walk CLI under bad input: every failure is one line on stderr and a non-zero exit, never a
// stack trace; a scenario whose own `expect` is not met exits 3; a large --json trace is written
// in pieces (docs/robustness.md, "The command line").
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkCommand, type CliIo } from '../../src/cli/walk-command';
import { parseScenario } from '../../src/engine/scenario/parse';
import { runScenario } from '../../src/engine/scenario/run';

const root = join(__dirname, '../..');
const defaultText = readFileSync(join(root, 'public/scenarios/default.json'), 'utf8');
const defaultJson = JSON.parse(defaultText) as Record<string, unknown>;

async function walk(args: string[], stdin = '', overrides: Partial<CliIo> = {}) {
  const chunks: string[] = [];
  let stderr = '';
  const code = await walkCommand(args, {
    readFile: async (path) => readFileSync(path, 'utf8'),
    readStdin: async () => stdin,
    stdout: (text) => void chunks.push(text),
    stderr: (text) => void (stderr += text),
    ...overrides,
  });
  return { code, stdout: chunks.join(''), chunks, stderr };
}

/** One line, starting "walk: ", no stack frames. */
const ONE_LINE = /^walk: [^\n]+\n$/;

describe('walk CLI failures', () => {
  it('reports arrays nested 5,000 deep in a typed field as one line', async () => {
    const text = `{ "cpu": { "cr3": ${'['.repeat(5000)}${']'.repeat(5000)} } }`;
    const { code, stderr, stdout } = await walk(['-'], text);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(ONE_LINE);
    expect(stderr).toMatch(
      /^walk: stdin: invalid scenario: cpu\.cr3(\[0\])+: line 1, column \d+: nested deeper than 64 levels/,
    );
  });

  it('puts several problems on one line, the first 20 and how many more', async () => {
    const memory = Array.from({ length: 30 }, (_, i) => ({
      addr: `0x${(i * 8 + 4).toString(16)}`,
      value: 0,
    }));
    const { code, stderr } = await walk(['-'], JSON.stringify({ cpu: { cr3: 0 }, memory }));
    expect(code).toBe(1);
    expect(stderr).toMatch(ONE_LINE);
    expect(stderr).toMatch(
      /^walk: stdin: invalid scenario \(30 problems\): memory\[0\]\.addr: .*; … and 10 more\n$/,
    );
  });

  it('reports bad flags, an unreadable file and a failing reader as one line each', async () => {
    const cases = [
      { args: ['--tlb', 'pentium'], code: 2, text: /--tlb pentium: expected one of/ },
      { args: ['a.json', 'b.json'], code: 2, text: /expected one scenario file, got 2/ },
      { args: ['/nonexistent/x.json'], code: 1, text: /cannot read \/nonexistent\/x\.json: ENOENT/ },
      { args: [root], code: 1, text: /cannot read .*: EISDIR/ },
    ];
    for (const { args, code, text } of cases) {
      const result = await walk(args);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(ONE_LINE);
      expect(result.stderr).toMatch(text);
    }
    const thrown = await walk(['-'], '', {
      readStdin: () =>
        Promise.reject(new RangeError('Maximum call stack size exceeded\n    at f (x.ts:1:1)')),
    });
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toBe('walk: cannot read stdin: Maximum call stack size exceeded at f (x.ts:1:1)\n');
    const brokenOutput = await walk(['-'], defaultText, {
      stdout: () => {
        throw new Error('output closed');
      },
    });
    expect(brokenOutput).toMatchObject({ code: 1, stderr: 'walk: unexpected failure: output closed\n' });
  });

  it("exits 3 when the scenario's own expect is not met, with --json too", async () => {
    const wrong = JSON.stringify({ ...defaultJson, expect: [{ outcome: 'ok', references: 4 }] });
    const table = await walk(['-'], wrong);
    expect(table.code).toBe(3);
    expect(table.stdout).toContain('expect: NOT MET — access 1: expected references 4, got 24');
    expect(table.stderr).toBe('walk: stdin: expect not met: access 1: expected references 4, got 24\n');
    const json = await walk(['-', '--json'], wrong);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).results[0].references).toHaveLength(24);
    expect(json.stderr).toMatch(/expect not met/);
    expect((await walk(['-', '--json'], defaultText)).code).toBe(0);
  });

  it('writes a large --json trace in pieces, the same text as one JSON.stringify', async () => {
    const accesses = Array.from({ length: 2000 }, () => ({ va: '0x7fff_f000_0123', kind: 'read' }));
    const big = { ...defaultJson, expect: undefined, accesses };
    const { code, chunks, stdout } = await walk(['-', '--json'], JSON.stringify(big));
    expect(code).toBe(0);
    expect(stdout).toBe(JSON.stringify(runScenario(parseScenario(big)), null, 2) + '\n');
    expect(chunks.length).toBeGreaterThan(50);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70 * 1024);
  });

  it('accepts a UTF-8 byte-order mark through the real entry point', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/walk.ts', '-', '--json'], {
      cwd: root,
      input: '\uFEFF' + defaultText,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).results[0].outcome).toBe('ok');
  });
});
