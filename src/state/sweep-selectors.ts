/**
 * Derived views of a sweep: progress fraction and ETA, the chart's series and the table's grid.
 * The grid and series build new arrays: components memoise them on (plan, results, errors).
 */
import type { PointMeasurement } from '../worker/sweep-protocol';
import { CONFIGURATIONS, type ConfigurationId, type SweepConfiguration } from './sweep-configurations';
import type { PlannedPoint, SweepData, SweepMetric, SweepPointError, SweepResult } from './sweep-store';

export const selectFraction = (s: Pick<SweepData, 'progress'>): number =>
  s.progress.total === 0 ? 0 : Math.min(1, s.progress.done / s.progress.total);

/** Seconds left at the pace so far; null before there is a pace to go by. */
export function selectEtaSeconds(s: Pick<SweepData, 'progress' | 'startedAt' | 'status'>): number | null {
  if (s.status !== 'running' || s.startedAt === null || s.progress.done === 0) return null;
  const elapsed = s.progress.at - s.startedAt;
  return Math.max(0, (elapsed * (s.progress.total - s.progress.done)) / s.progress.done / 1000);
}

/** Seconds the finished (or cancelled) run took. */
export const selectElapsedSeconds = (s: Pick<SweepData, 'startedAt' | 'finishedAt'>): number | null =>
  s.startedAt === null || s.finishedAt === null ? null : (s.finishedAt - s.startedAt) / 1000;

/**
 * After a live rerun (docs/experiments.md "Live update"): how long the chart took to follow the
 * control, wall clock from the change's run to its last point, and the engine's own time summed
 * over the points (the workers' computing, without their waits between chunks).
 */
export function selectLiveLine(
  s: Pick<SweepData, 'liveRun' | 'status' | 'startedAt' | 'finishedAt' | 'results'>,
): string | null {
  if (!s.liveRun || s.status !== 'done' || s.startedAt === null || s.finishedAt === null) return null;
  const wall = `Live update: recomputed in ${Math.round(s.finishedAt - s.startedAt)} ms`;
  const timed = s.results.filter((r) => r.measurement.engineMs !== undefined);
  if (timed.length === 0) return wall;
  const engineMs = timed.reduce((sum, r) => sum + r.measurement.engineMs!, 0);
  const points = `${timed.length} point${timed.length === 1 ? '' : 's'}`;
  const reused = timed.filter((r) => r.measurement.reused === true).length;
  const unchanged =
    reused === 0 ? '' : `; ${reused === timed.length ? 'all' : reused} unchanged, taken from earlier runs`;
  return `${wall} (engine time ${Math.round(engineMs)} ms for the ${points}${unchanged})`;
}

/** The metric's value at a point (hit rates in %), or null where it has none (no caches, no lookups). */
export function metricValue(m: PointMeasurement, metric: SweepMetric): number | null {
  switch (metric) {
    case 'references':
      return m.referencesPerAccess;
    case 'time':
      return m.nsPerAccess;
    case 'tlb-hits':
      return m.caches === null ? null : m.caches.tlbHitRate * 100;
    case 'walk-cache-hits':
      return m.caches?.walkCacheHitRate == null ? null : m.caches.walkCacheHitRate * 100;
  }
}

/** Hit rates are percentages: their axis runs from 0 to 100 whatever the points. */
export const isRateMetric = (metric: SweepMetric): boolean =>
  metric === 'tlb-hits' || metric === 'walk-cache-hits';

export interface SeriesPoint {
  readonly heapBytes: number;
  readonly value: number;
}

export interface Series {
  readonly configuration: SweepConfiguration;
  /** By heap size; only the points measured so far. */
  readonly points: readonly SeriesPoint[];
}

/** The planned configurations in catalogue order, each with its measured points. */
export function planConfigurations(plan: readonly PlannedPoint[]): SweepConfiguration[] {
  const planned = new Set(plan.map((p) => p.configId));
  return CONFIGURATIONS.filter((c) => planned.has(c.id));
}

export function planHeapSizes(plan: readonly PlannedPoint[]): number[] {
  return [...new Set(plan.map((p) => p.heapBytes))].sort((a, b) => a - b);
}

export function selectSeries(
  plan: readonly PlannedPoint[],
  results: readonly SweepResult[],
  metric: SweepMetric,
): Series[] {
  return planConfigurations(plan).map((configuration) => ({
    configuration,
    points: results
      .filter((r) => r.configId === configuration.id)
      .flatMap((r) => {
        const value = metricValue(r.measurement, metric);
        return value === null ? [] : [{ heapBytes: r.heapBytes, value }];
      })
      .sort((a, b) => a.heapBytes - b.heapBytes),
  }));
}

export type Cell =
  | { readonly state: 'pending' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'measured'; readonly measurement: PointMeasurement; readonly slowdown: number | null };

export interface TableRow {
  readonly configuration: SweepConfiguration;
  readonly cells: readonly Cell[];
}

/** One row per configuration, one cell per heap size; slowdown against native paging of the same guest page size. */
export function selectTable(
  plan: readonly PlannedPoint[],
  results: readonly SweepResult[],
  errors: readonly SweepPointError[],
): { heapSizes: number[]; rows: TableRow[] } {
  const heapSizes = planHeapSizes(plan);
  const key = (configId: ConfigurationId | string, heap: number) => `${configId}@${heap}`;
  const measured = new Map(results.map((r) => [key(r.configId, r.heapBytes), r.measurement]));
  const failed = new Map(errors.map((e) => [key(e.configId, e.heapBytes), e.message]));
  const rows = planConfigurations(plan).map((configuration) => ({
    configuration,
    cells: heapSizes.map((heap): Cell => {
      const m = measured.get(key(configuration.id, heap));
      if (m === undefined) {
        const message = failed.get(key(configuration.id, heap));
        return message === undefined ? { state: 'pending' } : { state: 'error', message };
      }
      const native =
        configuration.eptPageSize === null
          ? undefined
          : measured.get(key(`native-${configuration.guestPageSize}`, heap));
      return {
        state: 'measured',
        measurement: m,
        slowdown: native ? m.cyclesPerAccess / native.cyclesPerAccess : null,
      };
    }),
  }));
  return { heapSizes, rows };
}

/** Which engine computed a point: WebAssembly only when every pass of it ran there. */
function pointEngine(m: PointMeasurement): { wasm: boolean; reason: string | null } {
  const wasm = m.engine === 'wasm' && (m.native === null || m.native.engine === 'wasm');
  return { wasm, reason: wasm ? null : (m.fallback ?? null) };
}

/**
 * One line on the engine that computed the points so far, read from the results themselves:
 * "Engine: WebAssembly (bulk loop) for all 32 points", or with a fallback
 * "Engine: TypeScript for 4 points: traces run on the TypeScript engine". Null before any result.
 */
export function selectEngineLine(results: readonly SweepResult[], planned: number): string | null {
  if (results.length === 0) return null;
  let wasm = 0;
  const typescript = new Map<string | null, number>();
  for (const r of results) {
    const e = pointEngine(r.measurement);
    if (e.wasm) wasm++;
    else typescript.set(e.reason, (typescript.get(e.reason) ?? 0) + 1);
  }
  const points = (n: number) => `${n === planned && n > 1 ? 'all ' : ''}${n} point${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (wasm > 0) parts.push(`WebAssembly (bulk loop) for ${points(wasm)}`);
  for (const [reason, n] of typescript) {
    parts.push(`TypeScript for ${points(n)}${reason === null ? '' : `: ${reason}`}`);
  }
  return `Engine: ${parts.join('; ')}`;
}
