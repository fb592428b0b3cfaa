// Every failure of `hv` is one text line on stderr and a non-zero exit; with --json it is also one
// JSON object on stdout in the documented shape (docs/hv-script-format.md, "Command-line failures").
import { describe, expect, it } from 'vitest';
import { hvCommand } from '../../src/cli/hv-command';
import { HV_ERROR_FORMAT } from '../../src/cli/hv-failure';
import { capturedIo } from './captured-io';

const io = (files: Record<string, string> = {}) =>
  capturedIo(files, async (path) => {
    throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  });

const vm = {
  id: 'v',
  ram: { hva: '0x1000_0000', size: '0x10_0000' },
  processes: [{ name: 'p', cr3: '0x1000' }],
};

/** The one JSON failure on stdout, checked against the documented shape. */
function failureOf(out: string[]) {
  expect(out).toHaveLength(1);
  const value = JSON.parse(out[0]!);
  expect(Object.keys(value).sort()).toEqual(['error', 'format']);
  expect(value.format).toBe(HV_ERROR_FORMAT);
  expect(Object.keys(value.error).sort()).toEqual(['file', 'kind', 'message', 'mode', 'problems', 'total']);
  return value.error;
}

describe('hv command failures', () => {
  it('a missing file: kind unreadable, exit 1, the same message on stderr', async () => {
    const t = io();
    expect(await hvCommand(['nowhere.json', '--json'], t.io)).toBe(1);
    const e = failureOf(t.out);
    expect(e).toMatchObject({ kind: 'unreadable', file: 'nowhere.json', mode: null, problems: [], total: 0 });
    expect(e.message).toMatch(/^nowhere\.json: cannot read it: ENOENT/);
    expect(t.err.join('')).toBe(`hv: ${e.message}\n`);
  });

  it('text that is not JSON: kind invalid-script with the line and column', async () => {
    const t = io({ 'bad.json': '{\n  "vms": [,]\n}' });
    expect(await hvCommand(['bad.json', '--json'], t.io)).toBe(1);
    const e = failureOf(t.out);
    expect(e.kind).toBe('invalid-script');
    expect(e.total).toBe(1);
    expect(e.message).toMatch(/line 2, column \d+/);
  });

  it('a key given twice is refused, naming the key', async () => {
    const t = io({ 'dup.json': '{"vms": [], "vms": [], "events": []}' });
    expect(await hvCommand(['dup.json', '--json'], t.io)).toBe(1);
    expect(failureOf(t.out).message).toMatch(/"vms"/);
  });

  it('script errors: every problem with its event, at most 20 listed and the total', async () => {
    const events = Array.from({ length: 25 }, () => ({ kind: 'switch', process: 'q' }));
    const t = io({ 's.json': JSON.stringify({ vms: [vm], events }) });
    expect(await hvCommand(['s.json', '--json'], t.io)).toBe(1);
    const e = failureOf(t.out);
    expect(e.kind).toBe('invalid-script');
    expect(e.total).toBe(25);
    expect(e.problems).toHaveLength(20);
    expect(e.problems[3]).toMatchObject({
      eventIndex: 3,
      eventKind: 'switch',
      path: ['events', 3, 'process'],
    });
    expect(e.message).toMatch(/… and 5 more$/);
  });

  it('an error found while running names the mode', async () => {
    const script = {
      vms: [
        { ...vm, processes: [{ name: 'p', cr3: '0x1000', mappings: [{ va: '0x40_0000', gpa: '0x2000' }] }] },
      ],
      events: [{ kind: 'unmap', va: '0x80_0000' }],
    };
    const t = io({ 'r.json': JSON.stringify(script) });
    expect(await hvCommand(['r.json', '--json', '--mode', 'ept'], t.io)).toBe(1);
    const e = failureOf(t.out);
    expect(e).toMatchObject({ kind: 'run', file: 'r.json', mode: 'ept', total: 1 });
    expect(e.problems[0]).toMatchObject({ eventIndex: 0, eventKind: 'unmap' });
  });

  it('a bad command line: kind usage, exit 2, also in JSON', async () => {
    const t = io();
    expect(await hvCommand(['--json', '--mode', 'tlb', 'x.json'], t.io)).toBe(2);
    expect(failureOf(t.out)).toMatchObject({ kind: 'usage', file: null });
    const u = io();
    expect(await hvCommand(['--json', '--colour'], u.io)).toBe(2);
    expect(failureOf(u.out).message).toMatch(/colour/);
  });

  it('without --json a failure is only the text line on stderr', async () => {
    const t = io({ 'bad.json': 'nope' });
    expect(await hvCommand(['bad.json'], t.io)).toBe(1);
    expect(t.out).toEqual([]);
    expect(t.err.join('')).toMatch(/^hv: bad\.json: .*\n$/);
    expect(t.err.join('').split('\n')).toHaveLength(2);
  });

  it('a failure that escapes the checks is still one line, not a stack trace', async () => {
    const t = io({ 'ok.json': JSON.stringify({ vms: [vm], events: [] }) });
    // The report's first write fails (a closed pipe); the failure itself is still written.
    let first = true;
    const write = t.io.stdout;
    t.io.stdout = (chunk: string) => {
      if (first) {
        first = false;
        throw new Error('stdout closed');
      }
      return write(chunk);
    };
    expect(await hvCommand(['ok.json', '--json'], t.io)).toBe(1);
    expect(failureOf(t.out).kind).toBe('unexpected');
  });
});
