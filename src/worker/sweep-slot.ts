/**
 * One place a sweep point can run: a Worker behind comlink (terminated and replaced when it must
 * stop now, when it crashes, or when it goes silent) or the API in-thread. A call never rejects: a
 * stopped or crashed worker answers its pending call with `{ ok: false }`, marked `workerStopped`
 * when the point itself was not at fault. A running point reports progress every chunk; silence
 * past the heartbeat deadline means the worker was terminated or closed (docs/robustness.md).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { ExperimentConfig } from '../engine';
import type { WorkerLike } from './client';
import { formatDeadline, realTimer, SWEEP_HEARTBEAT_MS, type DeadlineTimer } from './deadline';
import type { PointProgress, PointReply, ProgressCallback, SweepApi } from './sweep-protocol';

export interface SweepSlot {
  call(runId: number, config: ExperimentConfig, onProgress?: ProgressCallback): Promise<PointReply>;
  /** Asks the run to stop at its next chunk (a message: the worker reads it between chunks). */
  cancel(runId: number): void;
  /**
   * Stops now: a worker is terminated (a fresh one starts on the next call); pending calls answer
   * `reason`, marked `workerStopped` when `lost` (the point was lost, not refused).
   */
  stop(reason: string, lost?: boolean): void;
  dispose(): void;
}

type Settle = (reply: PointReply) => void;

const failure = (error: unknown): PointReply => ({
  ok: false,
  error: error instanceof Error ? error.message : String(error),
});

interface Live {
  readonly worker: WorkerLike;
  readonly remote: Remote<SweepApi>;
  readonly pending: Set<Settle>;
  readonly detach: () => void;
}

export interface WorkerSlotOptions {
  /** How long a running point may go without progress before its worker counts as stopped. */
  heartbeatMs?: number;
  /** Starts deadlines (tests expire them by hand). */
  timer?: DeadlineTimer;
}

export function createWorkerSlot(
  createWorker: () => WorkerLike | null,
  options: WorkerSlotOptions = {},
): SweepSlot {
  const heartbeatMs = options.heartbeatMs ?? SWEEP_HEARTBEAT_MS;
  const timer = options.timer ?? realTimer;
  let live: Live | null = null;

  const stop = (reason: string, lost = false) => {
    const state = live;
    if (state === null) return;
    live = null;
    state.detach();
    state.worker.terminate();
    const reply: PointReply = lost
      ? { ok: false, error: reason, workerStopped: true }
      : { ok: false, error: reason };
    for (const settle of [...state.pending]) settle(reply);
  };

  const start = (worker: WorkerLike): Live => {
    const onError = (event: Event) => {
      const message = (event as ErrorEvent).message;
      if (live?.worker === worker) stop(message || 'an uncaught error', true);
    };
    const onMessageError = () => {
      if (live?.worker === worker) stop('a message could not be read', true);
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onMessageError);
    const detach = () => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onMessageError);
    };
    return { worker, remote: wrap<SweepApi>(worker), pending: new Set(), detach };
  };

  return {
    call(runId, config, onProgress) {
      if (live === null) {
        const worker = createWorker();
        if (worker === null) return Promise.resolve({ ok: false, error: 'no sweep worker could be started' });
        live = start(worker);
      }
      const state = live;
      return new Promise<PointReply>((resolve) => {
        let cancelDeadline = () => {};
        // Every progress report (and the start) moves the deadline on.
        const beat = () => {
          cancelDeadline();
          cancelDeadline = timer(heartbeatMs, () => {
            if (live === state) stop(`no progress within ${formatDeadline(heartbeatMs)}`, true);
          });
        };
        const settle: Settle = (reply) => {
          if (!state.pending.delete(settle)) return;
          cancelDeadline();
          resolve(reply);
        };
        const progress = (p: PointProgress) => {
          if (!state.pending.has(settle)) return;
          beat();
          onProgress?.(p);
        };
        state.pending.add(settle);
        beat();
        state.remote.runPoint(runId, config, proxy(progress)).then(
          (reply) => settle(reply as PointReply),
          (error: unknown) => settle(failure(error)),
        );
      });
    },
    cancel(runId) {
      live?.remote.cancel(runId).catch(() => undefined);
    },
    stop,
    dispose: () => stop('the sweep pool was disposed'),
  };
}

/** The API in this thread: it cannot be terminated, so `stop` cancels and answers at once. */
export function createInThreadSlot(makeApi: () => SweepApi): SweepSlot {
  let api: SweepApi | null = null;
  const pending = new Map<number, Settle>();
  const stop = (reason: string) => {
    for (const [runId, settle] of [...pending]) {
      api?.cancel(runId);
      settle({ ok: false, error: reason });
    }
  };
  return {
    call(runId, config, onProgress) {
      api ??= makeApi();
      const run = api.runPoint(runId, config, onProgress);
      return new Promise<PointReply>((resolve) => {
        const settle: Settle = (reply) => {
          if (pending.delete(runId)) resolve(reply);
        };
        pending.set(runId, settle);
        run.then(settle, (error: unknown) => settle(failure(error)));
      });
    },
    cancel: (runId) => api?.cancel(runId),
    stop,
    dispose: () => stop('the sweep pool was disposed'),
  };
}
