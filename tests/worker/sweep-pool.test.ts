import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/engine/workload/experiment-config';
import { createSweepApi } from '../../src/worker/sweep-api';
import type { SweepEngine } from '../../src/worker/sweep-engine';
import { createSweepPool, type SweepListener, type SweepPool } from '../../src/worker/sweep-pool';
import type { PointMeasurement, PointProgress, SweepTask } from '../../src/worker/sweep-protocol';
import { createPortWorker, type PortWorker } from './port-worker';

const MiB = 2 ** 20;
const open: MessagePort[] = [];
const pools: SweepPool[] = [];

afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
  for (const port of open.splice(0)) port.close();
});

const track = (pool: SweepPool) => (pools.push(pool), pool);

/** A worker whose far end of a MessageChannel serves the sweep API (the real engine by default). */
function servedWorker(engine?: SweepEngine, chunk?: number): PortWorker {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  expose(createSweepApi(engine, chunk), port2);
  return createPortWorker(port1);
}

/** A worker that never answers: a chunk that runs forever, as far as the pool can tell. */
function silentWorker(): PortWorker {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return createPortWorker(port1);
}

const point = (id: string, nested: ExperimentConfig['nested']): SweepTask => ({
  id,
  config: {
    workload: { type: 'pointer-chase' },
    heapBytes: 4 * MiB,
    accesses: 3000,
    guestPageSize: '4K',
    nested,
  },
});
const EPT_4K = { mode: 'ept', pageSize: '4K', levels: 4 } as const;
const EPT_2M = { mode: 'ept', pageSize: '2M', levels: 4 } as const;

/** Collects what a run reports. */
function recorder() {
  const results = new Map<string, PointMeasurement>();
  const errors = new Map<string, string>();
  const progress: { id: string; p: PointProgress }[] = [];
  const listener: SweepListener = {
    onProgress: (id, p) => progress.push({ id, p }),
    onResult: (id, r) => results.set(id, r),
    onError: (id, e) => errors.set(id, e),
  };
  return { results, errors, progress, listener };
}

/** An engine that runs chunk after chunk until it is cancelled. */
const endlessEngine: SweepEngine = {
  async run(config, options) {
    let done = 0;
    while (options.cancel?.cancelled !== true) {
      done += 1;
      options.onProgress?.({ pass: 'measured', done, total: 1e9 });
      await options.pause();
    }
    // Cancelled runs still answer: the engine's own result would be partial.
    throw new Error(`stopped after ${done} chunks of ${config.accesses}`);
  },
};

describe('createSweepPool over MessageChannel workers', () => {
  it('runs every point on the workers and streams progress and results', async () => {
    let spawned = 0;
    const pool = track(createSweepPool(2, { createWorker: () => (spawned++, servedWorker().worker) }));
    expect(pool.mode).toBe('worker');
    expect(pool.size).toBe(2);
    const seen = recorder();
    const run = pool.run(
      [point('native', 'off'), point('ept-4k', EPT_4K), point('ept-2m', EPT_2M)],
      seen.listener,
    );
    await expect(run.finished).resolves.toBe('done');
    expect(spawned).toBe(2);
    expect(seen.errors.size).toBe(0);
    // No translation caches: every access walks the whole 2D walk (docs/hardware-rules.md §3).
    expect(seen.results.get('native')?.referencesPerAccess).toBe(4);
    expect(seen.results.get('ept-4k')?.referencesPerAccess).toBe(24);
    expect(seen.results.get('ept-2m')?.referencesPerAccess).toBe(19);
    expect(seen.results.get('ept-4k')?.slowdown).toBeGreaterThan(1);
    const last = seen.progress.filter((e) => e.id === 'ept-4k').at(-1)!.p;
    expect(last.done).toBe(last.total);
  });

  it('runs a point on the translation caches of its preset', async () => {
    const pool = track(createSweepPool(1, { createWorker: () => servedWorker().worker }));
    const seen = recorder();
    const cached = (id: string, heapBytes: number): SweepTask => ({
      id,
      config: { ...point(id, EPT_4K).config, heapBytes, warmup: 3000, cachePreset: 'sandy-bridge' },
    });
    await pool.run([cached('small', 2 * MiB), cached('large', 1024 * MiB)], seen.listener).finished;
    const small = seen.results.get('small')!;
    const large = seen.results.get('large')!;
    // A 2 MiB heap is within the TLB's reach: next to no walks. 1 GiB is not.
    expect(small.referencesPerAccess).toBeLessThan(0.1);
    expect(large.referencesPerAccess).toBeGreaterThan(1);
    expect(large.referencesPerAccess).toBeLessThan(24);
    expect(large.caches?.tlbHitRate).toBeLessThan(small.caches!.tlbHitRate);
  });

  it('answers a bad trace with an error naming the line, and goes on with the other points', async () => {
    const pool = track(createSweepPool(1, { createWorker: () => servedWorker().worker }));
    const seen = recorder();
    const bad: SweepTask = {
      id: 'trace',
      config: { ...point('x', 'off').config, workload: { type: 'trace', trace: '0x1000\n0x2000 r\nzz\n' } },
    };
    await pool.run([bad, point('native', 'off')], seen.listener).finished;
    expect(seen.errors.get('trace')).toMatch(/line 3/);
    expect(seen.results.has('native')).toBe(true);
  });

  it('cancels between chunks by message, then runs the next sweep on the same workers', async () => {
    const workers: PortWorker[] = [];
    const pool = track(
      createSweepPool(1, {
        createWorker: () => {
          workers.push(servedWorker(endlessEngine));
          return workers.at(-1)!.worker;
        },
        graceMs: 10_000,
      }),
    );
    const first = recorder();
    const run = pool.run([point('a', 'off'), point('b', 'off')], first.listener);
    await until(() => first.progress.length > 2);
    await run.cancel();
    await expect(run.finished).resolves.toBe('cancelled');
    // The worker stopped on the message (the grace period is far away): it was not terminated.
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated()).toBe(false);
    expect(first.results.size + first.errors.size).toBe(0);

    const again = recorder();
    const next = pool.run([point('c', 'off')], again.listener);
    await until(() => again.progress.length > 0);
    expect(workers).toHaveLength(1);
    await next.cancel();
  });

  it('terminates a worker that does not reach a chunk boundary and starts a fresh one', async () => {
    const workers: PortWorker[] = [];
    const pool = track(
      createSweepPool(1, {
        createWorker: () => {
          const w = workers.length === 0 ? silentWorker() : servedWorker();
          workers.push(w);
          return w.worker;
        },
        graceMs: 1,
      }),
    );
    const run = pool.run([point('stuck', 'off')]);
    await run.cancel();
    expect(workers[0]!.terminated()).toBe(true);

    const seen = recorder();
    await expect(pool.run([point('native', 'off')], seen.listener).finished).resolves.toBe('done');
    expect(workers).toHaveLength(2);
    expect(seen.results.get('native')?.referencesPerAccess).toBe(4);
  });

  it('replaces a crashed worker and runs its point again on the new one', async () => {
    const workers: PortWorker[] = [];
    const pool = track(
      createSweepPool(1, {
        createWorker: () => {
          const w = workers.length === 0 ? silentWorker() : servedWorker();
          workers.push(w);
          return w.worker;
        },
      }),
    );
    const seen = recorder();
    const run = pool.run([point('crash', 'off'), point('native', 'off')], seen.listener);
    workers[0]!.crash('error', 'out of memory');
    await run.finished;
    expect(seen.errors.size).toBe(0);
    expect(workers).toHaveLength(2);
    expect(seen.results.get('crash')?.referencesPerAccess).toBe(4);
    expect(seen.results.get('native')?.referencesPerAccess).toBe(4);
  });

  it('a new run cancels the one still going', async () => {
    const pool = track(createSweepPool(1, { createWorker: () => servedWorker(endlessEngine).worker }));
    const old = pool.run([point('a', 'off')]);
    const fresh = pool.run([]);
    await expect(old.finished).resolves.toBe('cancelled');
    await expect(fresh.finished).resolves.toBe('done');
  });
});

describe('createSweepPool without Worker', () => {
  it('runs in-thread on one slot and cancels by the same message', async () => {
    expect(typeof Worker).toBe('undefined');
    const pool = track(createSweepPool(3));
    expect(pool.mode).toBe('in-thread');
    expect(pool.size).toBe(1);
    const seen = recorder();
    await pool.run([point('native', 'off'), point('ept-4k', EPT_4K)], seen.listener).finished;
    expect(seen.results.get('native')?.referencesPerAccess).toBe(4);
    expect(seen.results.get('ept-4k')?.referencesPerAccess).toBe(24);

    const endless = track(createSweepPool(1, { inThreadApi: () => createSweepApi(endlessEngine) }));
    const stuck = recorder();
    const run = endless.run([point('a', 'off')], stuck.listener);
    await until(() => stuck.progress.length > 2);
    await run.cancel();
    await expect(run.finished).resolves.toBe('cancelled');
    const after = recorder();
    await endless.run([], after.listener).finished;
  });
});

/** Waits (event-loop turns, not wall time) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(condition()).toBe(true);
}
