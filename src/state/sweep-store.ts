/**
 * The Experiments store: sweep settings, an uploaded trace, and the run — plan, progress,
 * results as they stream in, per-point errors. Runs go to a SweepPool; cancelling marks the run
 * cancelled at once (the pool stops its workers within its grace period) and keeps the results.
 * A point whose worker stopped runs once more on a fresh worker; `reruns` lists them for the user.
 * With live update on, a settings change reruns the sweep after a short pause, cancelling the run
 * in flight (docs/experiments.md).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { parseTrace } from '../engine';
import { traceExtent } from '../engine';
import { plannedAccesses } from '../worker/sweep-engine';
import type { SweepPool, SweepRun } from '../worker/sweep-pool';
import type { PointMeasurement } from '../worker/sweep-protocol';
import type { ConfigurationId } from './sweep-configurations';
import {
  DEFAULT_SETTINGS,
  LECTURE_SETTINGS,
  settingsProblem,
  sweepPoints,
  type LoadedTrace,
  type SweepSettings,
} from './sweep-settings';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled';
/**
 * What the chart plots: estimated time or translation references per access, the share of
 * accesses a TLB translated, or the share of paging-structure-cache lookups that hit.
 */
export type SweepMetric = 'references' | 'time' | 'tlb-hits' | 'walk-cache-hits';

/** A point of the current plan, without its (possibly large) config. */
export interface PlannedPoint {
  readonly id: string;
  readonly configId: ConfigurationId;
  readonly heapBytes: number;
}

export interface SweepResult extends PlannedPoint {
  readonly measurement: PointMeasurement;
}

export interface SweepPointError extends PlannedPoint {
  readonly message: string;
}

/** A point whose worker stopped under it (why) and that ran again on a new worker. */
export interface SweepRerun extends PlannedPoint {
  readonly reason: string;
}

export interface SweepData {
  readonly settings: SweepSettings;
  readonly trace: LoadedTrace | null;
  /** Why the last uploaded file was refused (it names the line); the settings stay as they were. */
  readonly traceError: string | null;
  /** Why Run did not start. */
  readonly settingsError: string | null;
  readonly metric: SweepMetric;
  readonly status: SweepStatus;
  /** The settings of the run on screen (the form may have changed since). */
  readonly ranWith: SweepSettings | null;
  readonly plan: readonly PlannedPoint[];
  readonly results: readonly SweepResult[];
  readonly errors: readonly SweepPointError[];
  readonly reruns: readonly SweepRerun[];
  /** Accesses done and planned over the whole sweep, and when `done` was last updated. */
  readonly progress: { readonly done: number; readonly total: number; readonly at: number };
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** Where the points run: how many workers, or in-thread where there is no Worker. */
  readonly workers: { readonly count: number; readonly mode: 'worker' | 'in-thread' };
  /** Rerun the sweep `liveDelayMs` after each settings change (the run in flight is cancelled). */
  readonly liveUpdate: boolean;
  /** The run on screen was started by a settings change under live update. */
  readonly liveRun: boolean;
}

export interface SweepActions {
  updateSettings(patch: Partial<SweepSettings>): void;
  toggleConfiguration(id: ConfigurationId): void;
  /** Checks a trace file's text; a bad line leaves settings and the previous trace untouched. */
  loadTrace(name: string, text: string): void;
  /** A trace file that could not even be read. */
  rejectTrace(name: string, reason: string): void;
  setMetric(metric: SweepMetric): void;
  setLiveUpdate(on: boolean): void;
  run(): void;
  /** Sets up the lecture's experiment and runs it. */
  runLecture(): void;
  /** Resolves when the pool's workers have stopped. */
  cancel(): Promise<void>;
}

export type SweepState = SweepData & SweepActions;
export type SweepStore = StoreApi<SweepState>;

export interface SweepStoreOptions {
  /** Milliseconds for start/finish times and the ETA (default performance.now). */
  now?: () => number;
  settings?: SweepSettings;
  /** Live update on at the start (default off). */
  liveUpdate?: boolean;
  /** Pause after the last settings change before a live rerun (default LIVE_DELAY_MS). */
  liveDelayMs?: number;
}

/** How long live update waits for the settings to settle: a few keystrokes or selects in a row. */
export const LIVE_DELAY_MS = 250;

export function createSweepStore(pool: SweepPool, options: SweepStoreOptions = {}): SweepStore {
  const now = options.now ?? (() => performance.now());
  // The run on screen; callbacks of an older run (cancelled or replaced) find another ticket here.
  let current: { readonly run: SweepRun | null } | null = null;
  const liveDelayMs = options.liveDelayMs ?? LIVE_DELAY_MS;
  let liveTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<SweepState>()((set, get) => {
    /** After a settings change: under live update, rerun once the settings have settled. */
    const scheduleLive = () => {
      if (!get().liveUpdate) return;
      if (liveTimer !== null) clearTimeout(liveTimer);
      liveTimer = setTimeout(() => {
        liveTimer = null;
        if (!get().liveUpdate) return;
        start(true);
      }, liveDelayMs);
    };
    const cancelLive = () => {
      if (liveTimer !== null) clearTimeout(liveTimer);
      liveTimer = null;
    };

    const start = (live: boolean) => {
      const { settings, trace } = get();
      const problem = settingsProblem(settings, trace);
      if (problem !== null) {
        set({ settingsError: problem });
        return;
      }
      if (current !== null) void get().cancel();
      const points = sweepPoints(settings, trace);
      const byId = new Map(points.map((p) => [p.id, p]));
      const doneByPoint = new Map<string, number>();
      let done = 0;
      const startedAt = now();
      set({
        status: 'running',
        ranWith: settings,
        liveRun: live,
        settingsError: null,
        plan: points.map(({ id, configId, heapBytes }) => ({ id, configId, heapBytes })),
        results: [],
        errors: [],
        reruns: [],
        progress: {
          done: 0,
          total: points.reduce((sum, p) => sum + plannedAccesses(p.config), 0),
          at: startedAt,
        },
        startedAt,
        finishedAt: null,
      });

      const advance = (id: string, pointDone: number) => {
        done += pointDone - (doneByPoint.get(id) ?? 0);
        doneByPoint.set(id, pointDone);
        return { ...get().progress, done, at: now() };
      };
      // The in-thread pool reports its first chunk before pool.run returns: the ticket exists already.
      const ticket: { run: SweepRun | null } = { run: null };
      current = ticket;
      const run = pool.run(points, {
        onProgress: (id, p) => {
          if (current === ticket) set({ progress: advance(id, p.done) });
        },
        onResult: (id, measurement) => {
          const point = byId.get(id)!;
          if (current !== ticket) return;
          set((s) => ({
            results: [
              ...s.results,
              { id, configId: point.configId, heapBytes: point.heapBytes, measurement },
            ],
            progress: advance(id, plannedAccesses(point.config)),
          }));
        },
        onError: (id, message) => {
          const point = byId.get(id)!;
          if (current !== ticket) return;
          set((s) => ({
            errors: [...s.errors, { id, configId: point.configId, heapBytes: point.heapBytes, message }],
            progress: advance(id, plannedAccesses(point.config)),
          }));
        },
        onRerun: (id, reason) => {
          const point = byId.get(id)!;
          if (current !== ticket) return;
          // The point starts over: its accesses so far no longer count.
          set((s) => ({
            reruns: [...s.reruns, { id, configId: point.configId, heapBytes: point.heapBytes, reason }],
            progress: advance(id, 0),
          }));
        },
      });
      ticket.run = run;
      void run.finished.then((outcome) => {
        if (current !== ticket) return;
        current = null;
        set({ status: outcome, finishedAt: now() });
      });
    };

    return {
      settings: options.settings ?? DEFAULT_SETTINGS,
      trace: null,
      traceError: null,
      settingsError: null,
      metric: 'time',
      status: 'idle',
      ranWith: null,
      plan: [],
      results: [],
      errors: [],
      reruns: [],
      progress: { done: 0, total: 0, at: 0 },
      startedAt: null,
      finishedAt: null,
      workers: { count: pool.size, mode: pool.mode },
      liveUpdate: options.liveUpdate ?? false,
      liveRun: false,

      updateSettings(patch) {
        set((s) => ({ settings: { ...s.settings, ...patch }, settingsError: null }));
        scheduleLive();
      },

      toggleConfiguration(id) {
        set((s) => {
          const on = s.settings.configurations.includes(id);
          const configurations = on
            ? s.settings.configurations.filter((c) => c !== id)
            : [...s.settings.configurations, id];
          return { settings: { ...s.settings, configurations }, settingsError: null };
        });
        scheduleLive();
      },

      loadTrace(name, text) {
        try {
          const parsed = parseTrace(text);
          if (traceExtent(parsed) === null) {
            throw new Error(
              'it has upper-half (kernel) addresses; the experiment heap lives in the lower half',
            );
          }
          set({ trace: { name, text, addresses: parsed.length }, traceError: null, settingsError: null });
        } catch (error) {
          set({ traceError: `${name}: ${error instanceof Error ? error.message : String(error)}` });
        }
      },

      rejectTrace: (name, reason) => set({ traceError: `${name}: ${reason}` }),

      setMetric: (metric) => set({ metric }),

      setLiveUpdate(on) {
        set({ liveUpdate: on });
        if (!on) cancelLive();
      },

      run() {
        cancelLive();
        start(false);
      },

      runLecture() {
        cancelLive();
        set({ settings: LECTURE_SETTINGS, metric: 'time', settingsError: null });
        get().run();
      },

      cancel() {
        cancelLive();
        const ticket = current;
        if (ticket === null) return Promise.resolve();
        current = null;
        set({ status: 'cancelled', finishedAt: now() });
        return ticket.run?.cancel() ?? Promise.resolve();
      },
    };
  });
}
