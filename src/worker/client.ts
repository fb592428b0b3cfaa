/**
 * The UI's handle on the engine. In a browser the engine runs in a module Worker behind comlink;
 * where there is no Worker (tests, old hosts) the same API runs in-thread behind the same async
 * interface. A worker that stops — an uncaught error, a message it could not read, or silence past
 * the request's deadline (terminated, closed) — is replaced and the request runs once more on the
 * new one; the answer then says so (`restarted`). A value too deeply nested to post is refused
 * before it is sent (docs/robustness.md).
 */
import { wrap, type Endpoint, type Remote } from 'comlink';
import { formatDeadline, realTimer, WALK_DEADLINE_MS, type DeadlineTimer } from './deadline';
import { tooDeepAt, tooDeepMessage } from './nesting';
import type { MemoryImageReply, WalkApi, WalkReply } from './protocol';
import { createWalkApi } from './walk-api';

/** What the client needs from a Worker: a comlink endpoint it can terminate. */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

/** An answer that needed a fresh worker carries why the first one was replaced. */
export type Answer<T> = T & { readonly restarted?: string };

export interface WalkClient {
  /** 'worker' while calls go to a Worker, 'in-thread' for the fallback. */
  readonly mode: 'worker' | 'in-thread';
  walk(scenarioJson: unknown): Promise<Answer<WalkReply>>;
  memoryImage(scenarioJson: unknown): Promise<Answer<MemoryImageReply>>;
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
  /** How long a request may go unanswered before its worker counts as stopped. */
  deadlineMs?: number;
  /** Starts deadlines (tests expire them by hand). */
  timer?: DeadlineTimer;
}

export function defaultCreateWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./walk.worker.ts', import.meta.url), {
    type: 'module',
    name: 'nestwalk-engine',
  });
}

export function createWalkClient(options: WalkClientOptions = {}): WalkClient {
  const createWorker = options.createWorker ?? defaultCreateWorker;
  const first = createWorker();
  const client =
    first === null
      ? createInThreadClient(options.inThreadApi ?? (() => createWalkApi()))
      : createWorkerClient(first, createWorker, options.deadlineMs ?? WALK_DEADLINE_MS, options.timer);
  return refusingDeepValues(client);
}

/** Answers a too-deep scenario with a scenario error instead of posting it. */
function refusingDeepValues(client: WalkClient): WalkClient {
  const refused = (at: string) =>
    Promise.resolve({
      ok: false as const,
      error: { kind: 'scenario' as const, message: tooDeepMessage(at), paths: [at] },
    });
  return {
    mode: client.mode,
    walk: (json) => {
      const at = tooDeepAt(json);
      return at === null ? client.walk(json) : refused(at);
    },
    memoryImage: (json) => {
      const at = tooDeepAt(json);
      return at === null ? client.memoryImage(json) : refused(at);
    },
    dispose: () => client.dispose(),
  };
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
  readonly pending: Set<(error: WorkerStopped) => void>;
  readonly die: (reason: string) => void;
}

/** Why a worker was given up, before it becomes the user's message. */
class WorkerStopped extends Error {}

function createWorkerClient(
  first: WorkerLike,
  createWorker: () => WorkerLike | null,
  deadlineMs: number,
  timer: DeadlineTimer = realTimer,
): WalkClient {
  let live: Live | null = null;
  let disposed = false;

  const start = (worker: WorkerLike): Live => {
    const pending = new Set<(error: WorkerStopped) => void>();
    const onError = (event: Event) => die(describe(event, 'the worker raised an uncaught error'));
    const onMessageError = () => die('a message from the worker could not be read');
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onMessageError);
    const die = (reason: string) => {
      if (live !== state) return;
      live = null;
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onMessageError);
      worker.terminate();
      const error = new WorkerStopped(reason);
      for (const reject of [...pending]) reject(error);
      pending.clear();
    };
    const state: Live = { worker, remote: wrap<WalkApi>(worker), pending, die };
    return state;
  };

  const current = (): Live => {
    if (disposed) throw new Error('The walk client was disposed.');
    if (live) return live;
    const worker = createWorker();
    if (worker === null) throw new WorkerStopped('no worker could be started');
    live = start(worker);
    return live;
  };
  live = start(first);

  /** One try on the current worker, which is given up if it does not answer in time. */
  const attempt = <T>(run: (remote: Remote<WalkApi>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const state = current();
      let cancel = () => {};
      const settle = (finish: () => void) => {
        if (!state.pending.delete(fail)) return;
        cancel();
        finish();
      };
      const fail = (error: WorkerStopped) => {
        cancel();
        reject(error);
      };
      state.pending.add(fail);
      cancel = timer(deadlineMs, () => state.die(`no answer within ${formatDeadline(deadlineMs)}`));
      run(state.remote).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
      );
    });

  const call = async <T extends object>(run: (remote: Remote<WalkApi>) => Promise<T>): Promise<Answer<T>> => {
    let firstReason: string;
    try {
      return await attempt(run);
    } catch (error) {
      if (!(error instanceof WorkerStopped)) throw error;
      firstReason = error.message;
    }
    // Once more on a fresh worker: a stop is rarely the request's fault.
    try {
      return { ...(await attempt(run)), restarted: firstReason };
    } catch (error) {
      if (!(error instanceof WorkerStopped)) throw error;
      throw new WorkerDiedError(
        error.message === firstReason ? `${firstReason}, twice` : `${firstReason}, then ${error.message}`,
      );
    }
  };

  return {
    mode: 'worker',
    // comlink's Remote<> distributes over the reply union; the wire carries exactly the reply.
    walk: (json) => call(async (remote) => (await remote.walk(json)) as WalkReply),
    memoryImage: (json) => call(async (remote) => (await remote.memoryImage(json)) as MemoryImageReply),
    dispose() {
      disposed = true;
      if (!live) return;
      const { pending, die } = live;
      const waiting = [...pending];
      pending.clear();
      die('disposed');
      for (const reject of waiting) reject(new WorkerStopped('The walk client was disposed.'));
    },
  };
}

function describe(event: Event, fallback: string): string {
  const message = (event as ErrorEvent).message;
  return typeof message === 'string' && message !== '' ? message : fallback;
}
