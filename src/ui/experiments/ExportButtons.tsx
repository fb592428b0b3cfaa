/** Export the results: CSV (one row per point, parses back) and the chart as a PNG. */
import { useState, type RefObject } from 'react';
import { csvFileName, sweepCsv } from '../../state/sweep-csv';
import { saveBlob, saveText, svgToPng } from './export-files';
import { useSweep, useSweepStoreApi } from './sweep-store-context';

export function ExportButtons({ chart }: { chart: RefObject<SVGSVGElement | null> }) {
  const store = useSweepStoreApi();
  const hasResults = useSweep((s) => s.results.length > 0);
  const [problem, setProblem] = useState<string | null>(null);

  const exportCsv = () => {
    const { ranWith, plan, results } = store.getState();
    if (ranWith === null) return;
    saveText(sweepCsv(ranWith, plan, results), csvFileName(ranWith), 'text/csv');
  };
  const exportPng = async () => {
    const { ranWith } = store.getState();
    if (chart.current === null || ranWith === null) return;
    try {
      setProblem(null);
      saveBlob(await svgToPng(chart.current), csvFileName(ranWith).replace(/\.csv$/, '.png'));
    } catch (error) {
      setProblem(`The PNG could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="export-buttons">
      <button type="button" onClick={exportCsv} disabled={!hasResults}>
        Export CSV
      </button>
      <button type="button" onClick={() => void exportPng()} disabled={!hasResults}>
        Export PNG
      </button>
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
