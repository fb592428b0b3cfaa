/**
 * One place a sweep point can run: a Worker behind comlink (terminated and replaced when it must
 * stop now, or when it crashes) or the API in-thread. A call never rejects: a stopped or crashed
 * worker answers its pending call with `{ ok: false }`.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { ExperimentConfig } from '../engine';
import type { WorkerLike } from './client';
import type { PointReply, ProgressCallback, SweepApi } from './sweep-protocol';

export interface SweepSlot {
  call(runId: number, config: ExperimentConfig, onProgress?: ProgressCallback): Promise<PointReply>;
  /** Asks the run to stop at its next chunk (a message: the worker reads it between chunks). */
  cancel(runId: number): void;
  /** Stops now: a worker is terminated (a fresh one starts on the next call); pending calls answer `reason`. */
  stop(reason: string): void;
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

export function createWorkerSlot(createWorker: () => WorkerLike | null): SweepSlot {
  let live: Live | null = null;

  const stop = (reason: string) => {
    const state = live;
    if (state === null) return;
    live = null;
    state.detach();
    state.worker.terminate();
    for (const settle of [...state.pending]) settle({ ok: false, error: reason });
  };

  const start = (worker: WorkerLike): Live => {
    const onError = (event: Event) => {
      const message = (event as ErrorEvent).message;
      if (live?.worker === worker) stop(`the sweep worker stopped: ${message || 'uncaught error'}`);
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    const detach = () => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
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
        const settle: Settle = (reply) => {
          if (state.pending.delete(settle)) resolve(reply);
        };
        state.pending.add(settle);
        state.remote.runPoint(runId, config, onProgress && proxy(onProgress)).then(
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
