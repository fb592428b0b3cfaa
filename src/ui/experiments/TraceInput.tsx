/** Uploading an address trace: the file is checked at once and a bad line is named; settings stay. */
import { useId } from 'react';
import { readFileText } from '../controls/file-io';
import { useSweep } from './sweep-store-context';

export function TraceInput() {
  const id = useId();
  const trace = useSweep((s) => s.trace);
  const traceError = useSweep((s) => s.traceError);
  const loadTrace = useSweep((s) => s.loadTrace);
  const rejectTrace = useSweep((s) => s.rejectTrace);
  const errorId = `${id}-error`;

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    try {
      loadTrace(file.name, await readFileText(file));
    } catch (error) {
      rejectTrace(file.name, error instanceof Error ? error.message : 'the file could not be read');
    }
  };

  return (
    <div className="field trace-input">
      <label htmlFor={id}>Trace file</label>
      <input
        id={id}
        type="file"
        accept=".txt,.trace,.csv,text/plain"
        aria-invalid={traceError !== null ? true : undefined}
        aria-describedby={traceError !== null ? errorId : undefined}
        onChange={(event) => {
          void onFile(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
      <span className="hint">
        One hexadecimal address per line, optionally followed by r, w or x; # starts a comment.
      </span>
      {trace !== null && (
        <span className="trace-loaded">
          Loaded {trace.name}: {trace.addresses.toLocaleString('en')} addresses
        </span>
      )}
      {traceError !== null && (
        <p id={errorId} className="field-error" role="alert">
          {traceError}
        </p>
      )}
    </div>
  );
}
