/**
 * The sequence's steps in order (accesses numbered, operations named): a memory access can be picked (the grid, the narration and the
 * caches show its walk); any step can move up or down or go.
 */
import type { SequenceRow } from '../../state/sequence-rows';

export function SequenceList({
  rows,
  picked,
  busy,
  onPick,
  onMove,
  onRemove,
}: {
  rows: readonly SequenceRow[];
  picked: number;
  busy: boolean;
  onPick: (access: number) => void;
  onMove: (step: number, delta: -1 | 1) => void;
  onRemove: (step: number) => void;
}) {
  const accesses = rows.filter((r) => r.access !== null).length;
  return (
    <ol className="nw-seq-list" aria-label="Sequence steps">
      {rows.map((row) => {
        // Accesses are numbered as the access picker numbers them; an operation is named instead.
        const name = row.access !== null ? `access ${row.access + 1}` : row.label;
        const isPicked = row.access !== null && row.access === picked;
        const text = (
          <>
            <span className="nw-seq-num">{row.access !== null ? `${row.access + 1}.` : '·'}</span>{' '}
            <span className="nw-seq-label">{row.label}</span>{' '}
            <span className="nw-seq-detail">{row.detail}</span>
          </>
        );
        return (
          <li key={row.step} className={isPicked ? 'is-picked' : row.access === null ? 'is-op' : undefined}>
            {row.access !== null ? (
              <button
                type="button"
                className="nw-seq-pick"
                aria-pressed={isPicked}
                aria-label={`Show the walk of access ${row.access! + 1}: ${row.label}, ${row.detail}`}
                onClick={() => onPick(row.access!)}
              >
                {text}
              </button>
            ) : (
              <div className="nw-seq-op" title={row.description}>
                {text}
              </div>
            )}
            <span className="nw-seq-edit">
              <button
                type="button"
                aria-label={`Move ${name} up`}
                disabled={busy || row.step === 0}
                onClick={() => onMove(row.step, -1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                aria-label={`Move ${name} down`}
                disabled={busy || row.step === rows.length - 1}
                onClick={() => onMove(row.step, 1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                aria-label={`Remove ${name}`}
                disabled={busy || (row.access !== null && accesses <= 1)}
                onClick={() => onRemove(row.step)}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
