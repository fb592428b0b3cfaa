/**
 * A sweep worker that stops under a point — terminated or closed mid-sweep (silence), crashed, or
 * unable to read a message — is noticed, replaced, and the point runs once more; a point lost
 * twice is that point's error and the sweep still finishes. Heartbeat deadlines are expired by
 * hand: nothing here waits on a clock.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/engine/workload/experiment-config';
import type { DeadlineTimer } from '../../src/worker/deadline';
import { manualTimer } from './manual-timer';
import { createSweepApi } from '../../src/worker/sweep-api';
import type { SweepEngine } from '../../src/worker/sweep-engine';
import { createSweepPool, type SweepListener, type SweepPool } from '../../src/worker/sweep-pool';
import type { SweepTask } from '../../src/worker/sweep-protocol';
import { createPortWorker, type PortWorker } from './port-worker';

const open: MessagePort[] = [];
const pools: SweepPool[] = [];

afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
  for (const port of open.splice(0)) port.close();
});

/** A served worker; `kill` closes its far end, as terminate() or close() inside it would. */
function killableWorker(engine?: SweepEngine): PortWorker & { kill(): void } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  expose(createSweepApi(engine), port2);
  return { ...createPortWorker(port1), kill: () => port2.close() };
}

/** An engine that reports progress chunk after chunk and never finishes on its own. */
const endlessEngine: SweepEngine = {
  async run(_config, options) {
    for (let done = 1; options.cancel?.cancelled !== true; done++) {
      options.onProgress?.({ pass: 'measured', done, total: 1e9 });
      await options.pause();
    }
    throw new Error('cancelled');
  },
};

const point = (id: string): SweepTask => ({
  id,
  config: {
    workload: { type: 'pointer-chase' },
    heapBytes: 4 * 2 ** 20,
    accesses: 3000,
    guestPageSize: '4K',
    nested: 'off',
  } satisfies ExperimentConfig,
});

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await settle();
  expect(condition()).toBe(true);
}

function recorder() {
  const results = new Set<string>();
  const errors = new Map<string, string>();
  const reruns: { id: string; reason: string }[] = [];
  const progress: string[] = [];
  const listener: SweepListener = {
    onProgress: (id) => progress.push(id),
    onResult: (id) => results.add(id),
    onError: (id, message) => errors.set(id, message),
    onRerun: (id, reason) => reruns.push({ id, reason }),
  };
  return { results, errors, reruns, progress, listener };
}

function poolOver(workers: (PortWorker & { kill(): void })[], timer: DeadlineTimer) {
  let created = 0;
  const pool = createSweepPool(1, { createWorker: () => workers[created++]?.worker ?? null, timer });
  pools.push(pool);
  return { pool, created: () => created };
}

describe('a sweep worker that stops mid-sweep', () => {
  it('is noticed by its heartbeat, replaced, and the lost point runs again', async () => {
    const clock = manualTimer();
    const first = killableWorker(endlessEngine);
    const { pool, created } = poolOver([first, killableWorker()], clock.timer);
    const seen = recorder();
    const run = pool.run([point('a'), point('b')], seen.listener);
    await until(() => seen.progress.length > 3);
    // Progress keeps the deadline moving: one deadline, never stacked.
    expect(clock.pending()).toEqual([15_000]);
    first.kill();
    await settle();
    clock.expireAll();
    await expect(run.finished).resolves.toBe('done');
    expect(first.terminated()).toBe(true);
    expect(created()).toBe(2);
    expect(seen.reruns).toEqual([{ id: 'a', reason: 'no progress within 15 s' }]);
    expect([...seen.results].sort()).toEqual(['a', 'b']);
    expect(seen.errors.size).toBe(0);
    expect(clock.pending()).toEqual([]);
  });

  it('reports a point lost twice as its error and still finishes the other points', async () => {
    const clock = manualTimer();
    const workers = [killableWorker(endlessEngine), killableWorker(endlessEngine), killableWorker()];
    const { pool } = poolOver(workers, clock.timer);
    const seen = recorder();
    const run = pool.run([point('a'), point('b')], seen.listener);
    for (const worker of workers.slice(0, 2)) {
      await until(() => seen.progress.length > 0);
      seen.progress.length = 0;
      worker.kill();
      await settle();
      clock.expireAll();
    }
    await expect(run.finished).resolves.toBe('done');
    expect(seen.reruns).toHaveLength(1);
    expect(seen.errors.get('a')).toBe(
      'Lost: the sweep worker stopped twice while running this point (no progress within 15 s, twice).',
    );
    expect([...seen.results]).toEqual(['b']);
  });

  it('a crashed worker or an unreadable message is replaced and the point runs again', async () => {
    for (const type of ['error', 'messageerror'] as const) {
      const clock = manualTimer();
      const first = killableWorker(endlessEngine);
      const { pool } = poolOver([first, killableWorker()], clock.timer);
      const seen = recorder();
      const run = pool.run([point('a')], seen.listener);
      await until(() => seen.progress.length > 0);
      first.crash(type, type === 'error' ? 'out of memory' : '');
      await expect(run.finished).resolves.toBe('done');
      expect(seen.reruns[0]?.reason).toBe(type === 'error' ? 'out of memory' : 'a message could not be read');
      expect([...seen.results]).toEqual(['a']);
    }
  });

  it('an engine error is the point’s answer, not a stop: it does not run again', async () => {
    const clock = manualTimer();
    const failing: SweepEngine = {
      run: () => Promise.reject(new Error('heap too small')),
    };
    const { pool, created } = poolOver([killableWorker(failing)], clock.timer);
    const seen = recorder();
    await pool.run([point('a')], seen.listener).finished;
    expect(seen.errors.get('a')).toBe('heap too small');
    expect(seen.reruns).toEqual([]);
    expect(created()).toBe(1);
  });
});
