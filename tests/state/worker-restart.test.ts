/**
 * What the user is told when the walk engine stops: after a restart that worked, a notice that
 * nothing was lost and the walk on screen; after a second stop, the error with the edit kept.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/create-app-store';
import type { EngineClient } from '../../src/state/scenario-slice';
import { createWalkClient, WorkerDiedError } from '../../src/worker/client';
import { readPreset } from '../worker/scenarios';

/** The in-thread engine, whose next `walk` answers as a restarted worker would (or fails). */
function flakyClient() {
  const engine = createWalkClient({ createWorker: () => null });
  let next: 'restart' | 'die' | null = null;
  const client: EngineClient = {
    async walk(json) {
      const mode = next;
      next = null;
      if (mode === 'die') throw new WorkerDiedError('no answer within 10 s, twice');
      const reply = await engine.walk(json);
      return mode === 'restart' ? { ...reply, restarted: 'no answer within 10 s' } : reply;
    },
    memoryImage: (json) => engine.memoryImage(json),
  };
  return { client, restartNext: () => (next = 'restart'), dieNext: () => (next = 'die') };
}

describe('a walk that needed a new engine', () => {
  it('shows the walk and says the engine was restarted and nothing was lost', async () => {
    const flaky = flakyClient();
    const store = createAppStore(flaky.client);
    expect(await store.getState().loadScenario(readPreset('default.json'), 'default.json')).toBe(true);
    flaky.restartNext();
    expect(await store.getState().setLinearAddress('0x7fff_f000_0456')).toBe(true);
    const s = store.getState();
    expect(s.walking).toBe(false);
    expect(s.trace?.results[0]?.outcome).toBe('ok');
    expect(s.scenario?.accesses?.[0]?.va).toBe('0x7fff_f000_0456');
    expect(s.error).toEqual({
      kind: 'restarted',
      message:
        'The walk engine stopped (no answer within 10 s). A new one was started and the walk ran again.',
      paths: [],
      note: 'Nothing was lost: your scenario, your edits and your place in the walk are kept.',
    });
    // The next walk that needs no restart clears the notice.
    expect(await store.getState().setCpl(3)).toBe(true);
    expect(store.getState().error).toBeNull();
  });

  it('after a second stop says so, is no longer walking, and keeps the edit and the last walk', async () => {
    const flaky = flakyClient();
    const store = createAppStore(flaky.client);
    await store.getState().loadScenario(readPreset('default.json'), 'default.json');
    const trace = store.getState().trace;
    flaky.dieNext();
    expect(await store.getState().setLinearAddress('0x7fff_f000_0456')).toBe(false);
    const s = store.getState();
    expect(s.walking).toBe(false);
    expect(s.trace).toBe(trace);
    expect(s.scenario?.accesses?.[0]?.va).toBe('0x7fff_f000_0456');
    expect(s.error).toMatchObject({
      kind: 'worker',
      message: expect.stringContaining('no answer within 10 s, twice'),
      note: 'Your edits are kept; the view still shows the last walk that worked.',
    });
    // Walk again: the engine answers.
    expect(await store.getState().walk()).toBe(true);
    expect(store.getState().error).toBeNull();
  });
});
