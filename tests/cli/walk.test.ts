import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkCommand } from '../../src/cli/walk-command';

const root = join(__dirname, '../..');
const preset = (file: string) => join(root, 'public/scenarios', file);

/** Runs the command in-process with captured output. */
async function walk(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await walkCommand(args, {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => stdin,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

/** The real entry point, as `npm run walk` starts it. */
const spawnWalk = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/walk.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });

describe('walk CLI', () => {
  it('prints the default scenario as a table: 24 rows and the count explained', async () => {
    const { code, stdout, stderr } = await walk([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Access 1: read 0x7ffff0000123, cpl 3 → ok');
    expect(stdout).toContain('gpa 0x400123 · pa 0x100400123 · page size 4K');
    const rows = stdout.split('\n').filter((line) => /^\s+\d+\s+(EPT|guest)\s/.test(line));
    expect(rows).toHaveLength(24);
    expect(rows[0]).toMatch(/^\s+1\s+EPT\s+PML4\s+PML4\s+0x50000000\s+0x0000_0000_5000_1007$/);
    expect(rows[4]).toMatch(/^\s+5\s+guest\s+PML4\s+-\s+0x1000017f8\s/);
    expect(rows[23]).toMatch(/^\s+24\s+EPT\s+data\s+PT\s+0x50004000\s/);
    expect(stdout).toContain('24 references = n·m + n + m with n=4, m=4');
  });

  it('decodes fault reports by bit name', async () => {
    const pf = await walk([preset('pf-write-read-only.json')]);
    expect(pf.stdout).toContain('#PF error code 0x7 = P W/R U/S: protection violation, write, user mode');
    expect(pf.stdout).toContain('20 references: the walk stopped at the fault');
    const ept = await walk([preset('ept-violation-data.json')]);
    expect(ept.stdout).toMatch(/exit qualification 0x1aa = write R X GLA final: data write/);
    const npf = await walk([preset('npt-fault.json')]);
    expect(npf.stdout).toMatch(/#NPF EXITINFO1 0x100000004 = U\/S final: .*final guest-physical translation/);
    expect([pf.code, ept.code, npf.code]).toEqual([0, 0, 0]);
  });

  it('prints the contract trace with --json', async () => {
    const { code, stdout } = await walk([preset('default.json'), '--json']);
    expect(code).toBe(0);
    const trace = JSON.parse(stdout);
    expect(Object.keys(trace)).toEqual(['results', 'memory']);
    expect(trace.results[0]).toMatchObject({
      va: '0x7ffff0000123',
      outcome: 'ok',
      gpa: '0x400123',
      pa: '0x100400123',
    });
    expect(trace.results[0].references).toHaveLength(24);
    expect(trace.memory[0]).toEqual({ addr: '0x50000000', value: '0x50001107' });
  });

  it('exits 1 with the bad field path on stderr for an invalid scenario', async () => {
    const { code, stdout, stderr } = await walk(
      ['-'],
      '{ "cpu": { "cr3": "0x1000" }, "accesses": [{ "va": "zz" }] }',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/accesses\[0\]\.kind: expected one of "read", "write", "fetch", got nothing/);
  });

  it('exits 2 with one line pointing to the usage for an unknown flag', async () => {
    const { code, stderr } = await walk(['--tlb-size', '4']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^walk: Unknown option '--tlb-size'.*\(walk --help shows the usage\)\n$/);
  });

  it('reads a scenario from stdin through the real entry point', () => {
    const child = spawnWalk(
      ['-', '--json'],
      JSON.stringify({ cpu: { cr3: '0x1000' }, accesses: [{ va: 0, kind: 'read' }] }),
    );
    expect(child.status).toBe(0);
    const trace = JSON.parse(child.stdout);
    expect(trace.results[0]).toMatchObject({
      outcome: 'page-fault',
      errorCode: 0,
      references: [{ addr: '0x1000' }],
    });
  });

  it('exits 1 from the real entry point with the message and no stack trace', () => {
    const child = spawnWalk(['-'], '{ "cpu": { "cr3": "zz" } }');
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(/cpu\.cr3: expected a hex string/);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });
});
