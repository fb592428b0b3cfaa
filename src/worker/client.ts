/**
 * The UI's handle on the engine. In a browser the engine runs in a module Worker behind comlink;
 * where there is no Worker (tests, old hosts) the same API runs in-thread behind the same async
 * interface. A worker that dies rejects its pending calls with a clear error and is replaced on
 * the next call, so the caller's scenario is never lost.
 */
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { MemoryImageReply, WalkApi, WalkReply } from './protocol';
import { createWalkApi } from './walk-api';

/** What the client needs from a Worker: a comlink endpoint it can terminate. */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

export interface WalkClient {
  /** 'worker' while calls go to a Worker, 'in-thread' for the fallback. */
  readonly mode: 'worker' | 'in-thread';
  walk(scenarioJson: unknown): Promise<WalkReply>;
  memoryImage(scenarioJson: unknown): Promise<MemoryImageReply>;
  dispose(): void;
}

export class WorkerDiedError extends Error {
  constructor(reason: string) {
    super(
      `The walk engine stopped (${reason}). Your scenario is kept; the engine restarts on the next walk.`,
    );
    this.name = 'WorkerDiedError';
  }
}

export interface WalkClientOptions {
  /** Creates the worker; returning null (or no Worker in this host) selects the in-thread fallback. */
  createWorker?: () => WorkerLike | null;
  /** The API used in-thread (defaults to the real engine). */
  inThreadApi?: () => WalkApi;
}

function defaultCreateWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./walk.worker.ts', import.meta.url), {
    type: 'module',
    name: 'nestwalk-engine',
  });
}

export function createWalkClient(options: WalkClientOptions = {}): WalkClient {
  const createWorker = options.createWorker ?? defaultCreateWorker;
  const first = createWorker();
  if (first === null) return createInThreadClient(options.inThreadApi ?? (() => createWalkApi()));
  return createWorkerClient(first, createWorker);
}

function createInThreadClient(makeApi: () => WalkApi): WalkClient {
  let api: WalkApi | null = null;
  // A microtask hop keeps callers honest about the asynchrony they will have with a Worker.
  const call = async <T>(run: (api: WalkApi) => T): Promise<T> => {
    await Promise.resolve();
    api ??= makeApi();
    return run(api);
  };
  return {
    mode: 'in-thread',
    walk: (json) => call((api) => api.walk(json)),
    memoryImage: (json) => call((api) => api.memoryImage(json)),
    dispose: () => {},
  };
}

interface Live {
  readonly worker: WorkerLike;
  readonly remote: Remote<WalkApi>;
  readonly pending: Set<(error: Error) => void>;
  readonly detach: () => void;
}

function createWorkerClient(first: WorkerLike, createWorker: () => WorkerLike | null): WalkClient {
  let live: Live | null = null;
  let disposed = false;

  const start = (worker: WorkerLike): Live => {
    const pending = new Set<(error: Error) => void>();
    const onError = (event: Event) => die(describe(event, 'the worker raised an uncaught error'));
    const onMessageError = () => die('a message from the worker could not be read');
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onMessageError);
    const detach = () => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onMessageError);
    };
    const state: Live = { worker, remote: wrap<WalkApi>(worker), pending, detach };
    const die = (reason: string) => {
      if (live !== state) return;
      live = null;
      detach();
      worker.terminate();
      const error = new WorkerDiedError(reason);
      for (const reject of pending) reject(error);
      pending.clear();
    };
    return state;
  };

  const current = (): Live => {
    if (disposed) throw new Error('The walk client was disposed.');
    if (live) return live;
    const worker = createWorker();
    if (worker === null) throw new WorkerDiedError('no worker could be started');
    live = start(worker);
    return live;
  };
  live = start(first);

  const call = <T>(run: (remote: Remote<WalkApi>) => Promise<T>): Promise<T> => {
    let state: Live;
    try {
      state = current();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      state.pending.add(fail);
      run(state.remote).then(
        (value) => {
          state.pending.delete(fail);
          resolve(value);
        },
        (error: unknown) => {
          state.pending.delete(fail);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  return {
    mode: 'worker',
    // comlink's Remote<> distributes over the reply union; the wire carries exactly the reply.
    walk: (json) => call(async (remote) => (await remote.walk(json)) as WalkReply),
    memoryImage: (json) => call(async (remote) => (await remote.memoryImage(json)) as MemoryImageReply),
    dispose() {
      disposed = true;
      if (!live) return;
      const { worker, pending, detach } = live;
      live = null;
      detach();
      worker.terminate();
      for (const reject of pending) reject(new Error('The walk client was disposed.'));
    },
  };
}

function describe(event: Event, fallback: string): string {
  const message = (event as ErrorEvent).message;
  return typeof message === 'string' && message !== '' ? message : fallback;
}
