import { describe, expect, it } from 'vitest';
import { createWalkApi } from '../../src/worker/walk-api';
import { readPreset } from './scenarios';

describe('createWalkApi', () => {
  it('never throws: an engine failure comes back as an engine error', () => {
    const api = createWalkApi({
      run: () => {
        throw new TypeError('table frame out of range');
      },
      memoryImage: () => [],
    });
    expect(api.walk({})).toEqual({
      ok: false,
      error: { kind: 'engine', message: 'The engine failed: table frame out of range', paths: [] },
    });
  });

  it('lists every bad field of a scenario by path', () => {
    const scenario = readPreset('default.json') as Record<string, unknown>;
    const reply = createWalkApi().walk({
      ...scenario,
      cpu: { ...(scenario.cpu as object), cpl: 2 },
      accesses: [{ va: '0x1' }],
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.paths).toEqual(expect.arrayContaining(['cpu.cpl', 'accesses[0].kind']));
  });

  it('returns structured-clone safe data', () => {
    const reply = createWalkApi().walk(readPreset('default.json'));
    expect(structuredClone(reply)).toEqual(reply);
  });
});
