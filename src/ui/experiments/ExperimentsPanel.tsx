/**
 * Experiments: sweeps of the lecture's measurement — heap sizes × translation configurations, one
 * experiment per point on a pool of workers — with progress, a chart, a table and exports.
 */
import { useMemo, useRef } from 'react';
import type { SweepMetric, SweepStore } from '../../state/sweep-store';
import { isRateMetric, planHeapSizes, selectSeries } from '../../state/sweep-selectors';
import { runNotes } from './run-notes';
import { defaultSweepStore } from './default-sweep-store';
import { ExportButtons } from './ExportButtons';
import { MetricToggle } from './MetricToggle';
import { RunBar } from './RunBar';
import { SweepChart } from './SweepChart';
import { SweepProgress } from './SweepProgress';
import { SweepSettingsForm } from './SweepSettingsForm';
import { SweepTable } from './SweepTable';
import { SweepTakeaway } from './SweepTakeaway';
import { SweepStoreContext, useSweep } from './sweep-store-context';
import './experiments.css';

export function ExperimentsPanel({ store }: { store?: SweepStore }) {
  const sweepStore = useMemo(() => store ?? defaultSweepStore(), [store]);
  return (
    <SweepStoreContext.Provider value={sweepStore}>
      <section id="experiments" className="experiments panel" aria-labelledby="experiments-title">
        <h2 id="experiments-title">Experiments</h2>
        <p className="experiments-intro">
          The lecture’s measurement: a list of objects linked at random across the heap, chased one pointer at
          a time — how long does an access take natively, and under EPT with 4 KiB, 2 MiB or 1 GiB pages? Each
          point runs the engine: every access is translated through the chosen TLBs and paging-structure
          caches and its memory references are counted; the time is estimated from those references with the
          chosen time model.
        </p>
        <div className="experiments-layout">
          <SweepSettingsForm />
          <div className="experiments-results">
            <RunBar />
            <SweepProgress />
            <Results />
          </div>
        </div>
        <SweepTable />
      </section>
    </SweepStoreContext.Provider>
  );
}

/** What an empty chart says: a hit rate needs caches to hit (and, for walks, accesses that walk). */
function emptyText(measured: boolean, metric: SweepMetric, cachePreset: string | null): string | undefined {
  if (!measured || !isRateMetric(metric)) return undefined;
  if (cachePreset === 'none') return 'No translation caches in this run: no hit rate to plot.';
  return 'Not one access of these points looked up a paging-structure cache.';
}

function Results() {
  const plan = useSweep((s) => s.plan);
  const results = useSweep((s) => s.results);
  const metric = useSweep((s) => s.metric);
  const ranWith = useSweep((s) => s.ranWith);
  const notes = useMemo(() => (ranWith === null ? [] : runNotes(ranWith)), [ranWith]);
  const series = useMemo(() => selectSeries(plan, results, metric), [plan, results, metric]);
  const heapSizes = useMemo(() => planHeapSizes(plan), [plan]);
  const chart = useRef<SVGSVGElement>(null);
  if (plan.length === 0) {
    return (
      <p className="experiments-empty">
        Press Lecture experiment to run the lecture’s measurement, or set up a sweep and press Run sweep.
      </p>
    );
  }
  return (
    <>
      <div className="chart-bar">
        <MetricToggle />
        <ExportButtons chart={chart} />
      </div>
      <SweepChart
        series={series}
        heapSizes={heapSizes}
        metric={metric}
        svgRef={chart}
        notes={notes}
        emptyText={emptyText(results.length > 0, metric, ranWith?.cachePreset ?? null)}
      />
      <SweepTakeaway />
    </>
  );
}
