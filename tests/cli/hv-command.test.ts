import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { hvCommand } from '../../src/cli/hv-command';
import { capturedIo } from './captured-io';

const io = (files: Record<string, string> = {}) => capturedIo(files, (path) => readFile(path, 'utf8'));

describe('hv command', () => {
  it('prints per-event rows and totals for both modes of the switch-loop scene', async () => {
    const t = io();
    expect(await hvCommand(['src/engine/hv/scenes/switch-loop.json'], t.io)).toBe(0);
    const text = t.out.join('');
    expect(text).toContain('== shadow mode');
    expect(text).toContain('== ept mode');
    expect(text).toMatch(/CR3 write: 10/);
  });

  it('--json prints the report of one mode', async () => {
    const t = io();
    expect(await hvCommand(['src/engine/hv/scenes/switch-loop.json', '--mode', 'ept', '--json'], t.io)).toBe(
      0,
    );
    const report = JSON.parse(t.out.join(''));
    expect(report.mode).toBe('ept');
    expect(report.totals.exitCount).toBe(0);
  });

  it('a bad script gives one clear line naming the event and exit code 1', async () => {
    const bad = JSON.stringify({
      vms: [
        {
          id: 'v',
          ram: { hva: '0x1000_0000', size: '0x10_0000' },
          processes: [{ name: 'p', cr3: '0x1000' }],
        },
      ],
      events: [{ kind: 'switch', process: 'q' }],
    });
    const t = io({ 'bad.json': bad });
    expect(await hvCommand(['bad.json'], t.io)).toBe(1);
    expect(t.err.join('')).toMatch(
      /^hv: bad\.json: event 0 \(switch\)\.process: switches to unknown process "q"/,
    );
  });
});
