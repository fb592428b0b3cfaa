import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/create-app-store';
import { selectCurrentStep } from '../../src/state/selectors';
import { WorkerDiedError } from '../../src/worker/client';
import { readPreset } from '../worker/scenarios';
import { loadedStore, newStore, view } from './helpers';

const idle = {
  accessIndex: 0,
  playing: false,
  walking: false,
  loading: false,
  error: null,
  addressError: null,
};

describe('loading a scenario', () => {
  it('walks the default preset: 24 references, cursor before the walk', async () => {
    const store = await loadedStore();
    expect(view(store.getState())).toEqual({
      ...idle,
      source: 'default.json',
      cursor: 0,
      total: 24,
      outcome: 'ok',
      va: '0x7fff_f000_0123',
      n: 4,
      m: 4,
    });
  });

  it('never makes an invalid scenario the document: the previous one and its walk stay', async () => {
    const store = await loadedStore();
    const { trace, scenario, source } = store.getState();
    const bad = { ...(readPreset('default.json') as object), cpu: { cr3: 'nope' } };
    expect(await store.getState().loadScenario(bad, 'import: bad.json')).toBe(false);
    const s = store.getState();
    expect(s.scenario).toBe(scenario);
    expect(s.source).toBe(source);
    expect(s.trace).toBe(trace);
    expect(s.error).toMatchObject({
      kind: 'file',
      paths: ['cpu.cr3'],
      note: expect.stringMatching(/Nothing was imported/),
    });
    expect(s.error?.message).toMatch(/^bad\.json: /);
    expect(s.error?.message).toContain('cpu.cr3');
    expect(s.loading).toBe(false);
  });

  it('rejects a document that is not an object', async () => {
    const store = newStore();
    expect(await store.getState().loadScenario([1, 2], 'import: list.json')).toBe(false);
    expect(store.getState().scenario).toBeNull();
    expect(store.getState().error).toMatchObject({ kind: 'file', paths: ['(root)'] });
  });

  it('reports a worker death as an error and keeps scenario and trace', async () => {
    const store = await loadedStore();
    const before = store.getState();
    const dying = createAppStore({
      walk: () => Promise.reject(new WorkerDiedError('killed')),
      memoryImage: () => Promise.reject(new WorkerDiedError('killed')),
    });
    dying.setState({ scenario: before.scenario, trace: before.trace, events: before.events });
    expect(await dying.getState().setLinearAddress('0x7fff_f000_0456')).toBe(false);
    const s = dying.getState();
    expect(s.error).toMatchObject({ kind: 'worker' });
    expect(s.error?.message).toMatch(/stopped \(killed\)/);
    expect(s.trace).toBe(before.trace);
    expect(s.scenario?.accesses?.[0]?.va).toBe('0x7fff_f000_0456');
  });
});

describe('the cursor', () => {
  it('steps forward to the end and no further, back, to the start, to the end', async () => {
    const store = await loadedStore();
    const s = () => store.getState();
    for (let i = 0; i < 30; i++) s().stepForward();
    expect(view(s())).toMatchObject({ cursor: 24, total: 24 });
    s().stepBack();
    expect(s().cursor).toBe(23);
    s().reset();
    expect(s().cursor).toBe(0);
    s().stepBack();
    expect(s().cursor).toBe(0);
    s().end();
    expect(s().cursor).toBe(24);
    s().seek(7);
    expect(s().cursor).toBe(7);
    s().seek(99);
    expect(s().cursor).toBe(24);
    s().seek(-1);
    expect(s().cursor).toBe(0);
  });

  it('names the reference at the cursor', async () => {
    const store = await loadedStore();
    expect(selectCurrentStep(store.getState())).toBeNull();
    store.getState().seek(5);
    expect(selectCurrentStep(store.getState())).toMatchObject({ type: 'guest-read', step: 5, guestLevel: 4 });
    store.getState().seek(1);
    expect(selectCurrentStep(store.getState())).toMatchObject({
      type: 'nested-read',
      step: 1,
      guestLevel: 4,
      nestedLevel: 4,
    });
  });
});

describe('playback', () => {
  afterEach(() => vi.useRealTimers());

  it('reveals one reference per tick at the chosen speed and stops at the end', async () => {
    const store = await loadedStore();
    vi.useFakeTimers();
    store.getState().setSpeed(4);
    store.getState().play();
    expect(view(store.getState())).toMatchObject({ playing: true, cursor: 0 });
    vi.advanceTimersByTime(250 * 3);
    expect(view(store.getState())).toMatchObject({ playing: true, cursor: 3 });
    vi.advanceTimersByTime(250 * 30);
    expect(view(store.getState())).toMatchObject({ playing: false, cursor: 24 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauses when the user steps by hand, and starts over when played from the end', async () => {
    const store = await loadedStore();
    vi.useFakeTimers();
    store.getState().play();
    store.getState().stepForward();
    expect(view(store.getState())).toMatchObject({ playing: false, cursor: 1 });
    expect(vi.getTimerCount()).toBe(0);
    store.getState().end();
    store.getState().togglePlay();
    expect(view(store.getState())).toMatchObject({ playing: true, cursor: 0 });
    store.getState().togglePlay();
    expect(view(store.getState())).toMatchObject({ playing: false, cursor: 0 });
  });
});
