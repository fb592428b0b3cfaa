import { describe, expect, it } from 'vitest';
import { createSweepPool } from '../../src/worker/sweep-pool';
import { selectEtaSeconds, selectFraction, selectSeries, selectTable } from '../../src/state/sweep-selectors';
import { MiB } from '../../src/state/sweep-settings';
import { createSweepStore } from '../../src/state/sweep-store';
import { SMALL, createFakePool, measurement } from './sweep-fixtures';

/** A clock the test moves by hand. */
function clock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('sweep store', () => {
  it('dispatches one experiment per configuration and heap size of the lecture experiment', () => {
    const { pool, runs } = createFakePool();
    const store = createSweepStore(pool);
    store.getState().runLecture();
    expect(store.getState().status).toBe('running');
    const tasks = runs[0]!.tasks;
    // 2 MiB … 32 GiB by powers of 4: 8 heap sizes, 4 configurations.
    expect(tasks).toHaveLength(32);
    const ept2m = tasks.find((t) => t.id === `ept-4K-2M@${32 * 2 ** 30}`)!.config;
    expect(ept2m).toMatchObject({
      workload: { type: 'pointer-chase', objectBytes: 64 },
      heapBytes: 32 * 2 ** 30,
      guestPageSize: '4K',
      nested: { mode: 'ept', pageSize: '2M', levels: 4 },
      cachePreset: 'sandy-bridge',
    });
    expect(tasks.find((t) => t.id === `native-4K@${2 * MiB}`)!.config.nested).toBe('off');
  });

  it('adds up progress over the points and estimates the time left from the pace so far', () => {
    const { pool, runs } = createFakePool();
    const time = clock();
    const store = createSweepStore(pool, { now: time.now, settings: SMALL });
    store.getState().run();
    const { listener, tasks } = runs[0]!;
    expect(tasks).toHaveLength(4);
    expect(store.getState().progress).toMatchObject({ done: 0, total: 4 * 600 });
    expect(selectEtaSeconds(store.getState())).toBeNull();

    time.advance(2000);
    listener.onProgress!(tasks[0]!.id, { done: 300, total: 600 });
    listener.onProgress!(tasks[1]!.id, { done: 300, total: 600 });
    expect(store.getState().progress.done).toBe(600);
    expect(selectFraction(store.getState())).toBe(0.25);
    // A quarter done in 2 s: 6 s to go.
    expect(selectEtaSeconds(store.getState())).toBeCloseTo(6);

    listener.onProgress!(tasks[0]!.id, { done: 600, total: 600 });
    expect(store.getState().progress.done).toBe(900);
  });

  it('accumulates results and errors as they stream in, then reports done', async () => {
    const { pool, runs } = createFakePool();
    const store = createSweepStore(pool, { settings: SMALL });
    store.getState().run();
    const { listener, tasks } = runs[0]!;
    listener.onResult!(tasks[0]!.id, measurement(4, 60));
    listener.onResult!(tasks[1]!.id, measurement(24, 120));
    expect(store.getState().results.map((r) => r.configId)).toEqual(['native-4K', 'ept-4K-4K']);
    listener.onError!(tasks[2]!.id, 'the heap is smaller than one object');
    listener.onResult!(tasks[3]!.id, measurement(24, 150));
    runs[0]!.finish();
    await Promise.resolve();
    const state = store.getState();
    expect(state.status).toBe('done');
    expect(selectFraction(state)).toBe(1);
    expect(state.errors).toEqual([
      expect.objectContaining({
        configId: 'native-4K',
        heapBytes: 4 * MiB,
        message: 'the heap is smaller than one object',
      }),
    ]);

    const series = selectSeries(state.plan, state.results, 'references');
    expect(series.map((s) => s.configuration.id)).toEqual(['native-4K', 'ept-4K-4K']);
    expect(series[1]!.points).toEqual([
      { heapBytes: MiB, value: 24 },
      { heapBytes: 4 * MiB, value: 24 },
    ]);
    const table = selectTable(state.plan, state.results, state.errors);
    expect(table.heapSizes).toEqual([MiB, 4 * MiB]);
    const ept = table.rows[1]!.cells[0]!;
    expect(ept.state === 'measured' && ept.slowdown).toBeCloseTo(2);
    expect(table.rows[0]!.cells[1]!.state).toBe('error');
  });

  it('cancel marks the run cancelled at once, keeps its results, ignores it afterwards and runs again', async () => {
    const { pool, runs } = createFakePool();
    const store = createSweepStore(pool, { settings: SMALL });
    store.getState().run();
    const old = runs[0]!;
    old.listener.onResult!(old.tasks[0]!.id, measurement(4, 60));
    const stopping = store.getState().cancel();
    expect(store.getState().status).toBe('cancelled');
    expect(old.cancelled).toBe(true);
    await stopping;
    // A late answer of the cancelled run changes nothing.
    old.listener.onResult!(old.tasks[1]!.id, measurement(24, 120));
    expect(store.getState().results).toHaveLength(1);

    store.getState().updateSettings({ configurations: ['ept-4K-2M'] });
    store.getState().run();
    expect(store.getState().status).toBe('running');
    expect(store.getState().results).toEqual([]);
    const next = runs[1]!;
    expect(next.tasks.map((t) => t.id)).toEqual([`ept-4K-2M@${MiB}`, `ept-4K-2M@${4 * MiB}`]);
    next.listener.onResult!(next.tasks[0]!.id, measurement(19, 100));
    next.finish();
    await Promise.resolve();
    expect(store.getState().status).toBe('done');
    expect(store.getState().results).toHaveLength(1);
  });

  it('refuses settings that cannot run, saying why, and keeps them', () => {
    const { pool, runs } = createFakePool();
    const store = createSweepStore(pool, { settings: SMALL });
    store.getState().updateSettings({ configurations: [] });
    store.getState().run();
    expect(store.getState().settingsError).toBe('Pick at least one configuration.');
    store.getState().updateSettings({ configurations: ['native-4K'], workload: 'trace' });
    store.getState().run();
    expect(store.getState().settingsError).toMatch(/Load a trace file/);
    expect(runs).toHaveLength(0);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().settings.workload).toBe('trace');
  });

  it('refuses a time model with a negative cost or no clock, and sends its numbers to the engine', () => {
    const { pool, runs } = createFakePool();
    const store = createSweepStore(pool, { settings: SMALL });
    store.getState().updateSettings({ latency: 'flat', referenceCycles: -1 });
    store.getState().run();
    expect(store.getState().settingsError).toBe('Cycles per table reference must be a number, 0 or more.');
    store.getState().updateSettings({ referenceCycles: 30, ghz: 0 });
    store.getState().run();
    expect(store.getState().settingsError).toMatch(/clock must be a number of GHz above 0/);
    store.getState().updateSettings({ ghz: 2, dataCycles: 100 });
    store.getState().run();
    expect(runs[0]!.tasks[0]!.config.latency).toEqual({ referenceCycles: 30, dataCycles: 100, ghz: 2 });
    store.getState().updateSettings({ latency: 'footprint', memoryCycles: 250 });
    store.getState().cancel();
    store.getState().run();
    expect(runs[1]!.tasks[0]!.config.latency).toEqual({
      dataCycles: 'footprint',
      referenceCycles: 'footprint',
      memoryCycles: 250,
      ghz: 2,
    });
  });

  it('runs a flat time model end to end: references at the cycles asked, data at its own cost', async () => {
    const store = createSweepStore(createSweepPool(1), {
      settings: { ...SMALL, latency: 'flat', referenceCycles: 10, dataCycles: 50, ghz: 2 },
    });
    store.getState().run();
    await until(() => store.getState().status === 'done');
    for (const { measurement: m } of store.getState().results) {
      expect(m.cyclesPerAccess).toBe(50 + 10 * m.referencesPerAccess);
      expect(m.nsPerAccess).toBe(m.cyclesPerAccess / 2);
    }
  });

  it('names the bad line of an uploaded trace and keeps the settings and the trace it had', () => {
    const { pool } = createFakePool();
    const store = createSweepStore(pool, { settings: SMALL });
    store.getState().loadTrace('good.txt', '0x7f0000001000 r\n0x7f0000002000 w\n');
    store.getState().updateSettings({ workload: 'trace', accesses: 777 });
    const before = store.getState().settings;
    store.getState().loadTrace('bad.txt', '0x7f0000001000\n# comment\n0x7f00zz002000\n');
    const state = store.getState();
    expect(state.traceError).toMatch(/^bad\.txt: line 3: /);
    expect(state.settings).toBe(before);
    expect(state.trace).toMatchObject({ name: 'good.txt', addresses: 2 });
  });

  it('runs a small sweep end to end on the in-thread pool', async () => {
    const store = createSweepStore(createSweepPool(1), { settings: SMALL });
    store.getState().run();
    await until(() => store.getState().status === 'done');
    const { results, errors } = store.getState();
    expect(errors).toEqual([]);
    expect(results).toHaveLength(4);
    const refs = (id: string) =>
      results.filter((r) => r.configId === id).map((r) => r.measurement.referencesPerAccess);
    expect(refs('native-4K')).toEqual([4, 4]);
    expect(refs('ept-4K-4K')).toEqual([24, 24]);
    expect(selectFraction(store.getState())).toBe(1);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(condition()).toBe(true);
}
