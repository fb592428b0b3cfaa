/**
 * A pool of sweep workers: the points of a sweep go to whichever worker is free, results stream
 * back as they come. Cancel is a message each busy worker reads between chunks; a worker still
 * busy after `graceMs` is terminated and replaced, so a cancel never waits on a long chunk and
 * the pool stays usable. A worker that stops under a point (a crash, an unreadable message, no
 * progress within the heartbeat deadline) is replaced and the point runs once more; a point lost
 * twice is reported as that point's error (docs/robustness.md). Without `Worker` (tests, old hosts)
 * one in-thread slot runs the points.
 */
import type { WorkerLike } from './client';
import type { DeadlineTimer } from './deadline';
import { createSweepApi } from './sweep-api';
import type { PointMeasurement, PointProgress, PointReply, SweepApi, SweepTask } from './sweep-protocol';
import { createInThreadSlot, createWorkerSlot, type SweepSlot } from './sweep-slot';

export interface SweepListener {
  onProgress?(taskId: string, progress: PointProgress): void;
  onResult?(taskId: string, result: PointMeasurement): void;
  onError?(taskId: string, message: string): void;
  /** The point's worker stopped (`reason`) and was replaced; the point runs again from the start. */
  onRerun?(taskId: string, reason: string): void;
}

export type SweepOutcome = 'done' | 'cancelled';

export interface SweepRun {
  /** 'done' when every point answered; 'cancelled' as soon as `cancel` (or a newer run) is called. */
  readonly finished: Promise<SweepOutcome>;
  /** Stops the run; resolves when no worker is busy with it any more (at most about `graceMs`). */
  cancel(): Promise<void>;
}

export interface SweepPool {
  readonly size: number;
  readonly mode: 'worker' | 'in-thread';
  /** Starts a sweep; a run still going is cancelled first. */
  run(tasks: readonly SweepTask[], listener?: SweepListener): SweepRun;
  dispose(): void;
}

export interface SweepPoolOptions {
  /** Creates a worker; default: the module worker sweep.worker.ts, or in-thread where there is no Worker. */
  createWorker?: () => WorkerLike | null;
  /** The API of the in-thread fallback (defaults to the real engine). */
  inThreadApi?: () => SweepApi;
  /** How long a cancelled run may take to reach a chunk boundary before its worker is terminated. */
  graceMs?: number;
  /** How long a running point may go without progress before its worker counts as stopped. */
  heartbeatMs?: number;
  /** Starts heartbeat deadlines (tests expire them by hand). */
  timer?: DeadlineTimer;
}

/** One worker per core, leaving one core for the page. */
export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 2 : (navigator.hardwareConcurrency ?? 2);
  return Math.max(1, cores - 1);
}

function defaultCreateWorker(): WorkerLike {
  return new Worker(new URL('./sweep.worker.ts', import.meta.url), {
    type: 'module',
    name: 'nestwalk-sweep',
  });
}

interface RunState {
  queue: SweepTask[];
  readonly listener: SweepListener;
  inFlight: number;
  cancelled: boolean;
  stopping: Promise<void> | null;
  /** Why each point that already ran again lost its first worker. */
  readonly reran: Map<string, string>;
  readonly resolve: (outcome: SweepOutcome) => void;
}

interface Entry {
  readonly slot: SweepSlot;
  busy: { readonly runId: number; readonly run: RunState; readonly settled: Promise<void> } | null;
}

export function createSweepPool(size = defaultPoolSize(), options: SweepPoolOptions = {}): SweepPool {
  const createWorker =
    options.createWorker ?? (typeof Worker === 'undefined' ? undefined : defaultCreateWorker);
  const graceMs = options.graceMs ?? 60;
  const entries: Entry[] =
    createWorker === undefined
      ? [{ slot: createInThreadSlot(options.inThreadApi ?? (() => createSweepApi())), busy: null }]
      : Array.from({ length: Math.max(1, size) }, () => ({
          slot: createWorkerSlot(createWorker, { heartbeatMs: options.heartbeatMs, timer: options.timer }),
          busy: null,
        }));
  let active: RunState | null = null;
  let nextRunId = 1;

  const pump = () => {
    const run = active;
    if (run === null) return;
    for (const entry of entries) {
      if (entry.busy !== null) continue;
      const task = run.queue.shift();
      if (task === undefined) break;
      dispatch(entry, run, task);
    }
    if (run.queue.length === 0 && run.inFlight === 0) {
      active = null;
      run.resolve('done');
    }
  };

  const dispatch = (entry: Entry, run: RunState, task: SweepTask) => {
    const runId = nextRunId++;
    run.inFlight++;
    const onProgress = (progress: PointProgress) => {
      if (!run.cancelled) run.listener.onProgress?.(task.id, progress);
    };
    const reply = entry.slot.call(runId, task.config, onProgress);
    entry.busy = { runId, run, settled: reply.then(() => undefined) };
    void reply.then((answer: PointReply) => {
      if (entry.busy?.runId === runId) entry.busy = null;
      run.inFlight--;
      if (!run.cancelled) {
        if (answer.ok) run.listener.onResult?.(task.id, answer.result);
        else if (answer.workerStopped && !run.reran.has(task.id)) {
          // Once more, first in line; the slot starts a fresh worker for it.
          run.reran.set(task.id, answer.error);
          run.queue.unshift(task);
          run.listener.onRerun?.(task.id, answer.error);
        } else if (answer.workerStopped) {
          run.listener.onError?.(task.id, lostMessage(run.reran.get(task.id)!, answer.error));
        } else run.listener.onError?.(task.id, answer.error);
      }
      pump();
    });
  };

  const cancelRun = (run: RunState): Promise<void> => {
    if (run.stopping !== null) return run.stopping;
    run.cancelled = true;
    run.queue = [];
    if (active === run) active = null;
    run.resolve('cancelled');
    const busy = entries.filter((entry) => entry.busy?.run === run);
    for (const entry of busy) entry.slot.cancel(entry.busy!.runId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    const settled = Promise.all(busy.map((entry) => entry.busy!.settled));
    run.stopping = Promise.race([settled, grace]).then(() => {
      clearTimeout(timer);
      for (const entry of busy) {
        if (entry.busy?.run !== run) continue;
        entry.busy = null;
        entry.slot.stop('the sweep was cancelled');
      }
      pump();
    });
    return run.stopping;
  };

  return {
    size: entries.length,
    mode: createWorker === undefined ? 'in-thread' : 'worker',
    run(tasks, listener = {}) {
      if (active !== null) void cancelRun(active);
      let resolve!: (outcome: SweepOutcome) => void;
      const finished = new Promise<SweepOutcome>((r) => (resolve = r));
      const run: RunState = {
        queue: [...tasks],
        listener,
        inFlight: 0,
        cancelled: false,
        stopping: null,
        reran: new Map(),
        resolve,
      };
      active = run;
      pump();
      return { finished, cancel: () => cancelRun(run) };
    },
    dispose() {
      if (active !== null) void cancelRun(active);
      for (const entry of entries) entry.slot.dispose();
    },
  };
}

/** A point whose worker stopped on both tries. */
export const lostMessage = (first: string, second: string): string =>
  `Lost: the sweep worker stopped twice while running this point (${first === second ? `${first}, twice` : `${first}, then ${second}`}).`;
