/** Run, the one-click lecture experiment, Cancel, and why Run did not start. */
import { useSweep } from './sweep-store-context';

export function RunBar() {
  const running = useSweep((s) => s.status === 'running');
  const settingsError = useSweep((s) => s.settingsError);
  const run = useSweep((s) => s.run);
  const runLecture = useSweep((s) => s.runLecture);
  const cancel = useSweep((s) => s.cancel);
  return (
    <div className="run-bar">
      <button
        type="button"
        className="primary"
        onClick={runLecture}
        disabled={running}
        title="32 GiB pointer chase on Sandy Bridge translation caches: native vs EPT 4 KiB, 2 MiB and 1 GiB pages, heaps 2 MiB … 32 GiB"
      >
        Lecture experiment
      </button>
      <button type="button" onClick={run} disabled={running}>
        Run sweep
      </button>
      <button type="button" onClick={() => void cancel()} disabled={!running}>
        Cancel
      </button>
      {settingsError !== null && (
        <p className="field-error" role="alert">
          {settingsError}
        </p>
      )}
    </div>
  );
}
