import { useRef } from 'react';
import { resultSentence, resultSummary, stepSentence, stepSummary } from '../model/narrate';
import type { WalkModel } from '../model/walk-model';
import { useScrollIntoList } from '../hooks/useScrollIntoList';

/** Every step revealed so far, one compact line each (the full sentence as a tooltip), then the outcome. */
export function StepList({
  model,
  cursor,
  finished,
  onSeek,
}: {
  model: WalkModel;
  cursor: number;
  finished: boolean;
  onSeek?: (step: number) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  useScrollIntoList(listRef, cursor);
  const shown = model.refs.filter((r) => r.step <= cursor);
  const outcome = model.result?.outcome;
  return (
    // Focusable: the list scrolls on its own, and a keyboard user must be able to scroll it.
    <ol className="nw-steps" ref={listRef} aria-label="Steps so far" tabIndex={0}>
      {shown.length === 0 && (
        <li className="nw-muted">
          {finished && model.total === 0 && model.skips.length > 0
            ? 'No memory reference: a cached translation supplied every step.'
            : finished && model.total === 0
              ? 'No memory reference.'
              : 'No memory reference yet.'}
        </li>
      )}
      {shown.map((ref) => (
        <li
          key={ref.step}
          className={ref.type === 'guest-read' ? 'is-guest' : 'is-nested'}
          aria-current={ref.step === cursor && !finished ? 'step' : undefined}
          title={stepSentence(model, ref)}
        >
          {onSeek ? (
            // Named by its own text (plus words only a screen reader hears), so speech input can say what it sees.
            <button type="button" className="nw-step-jump" onClick={() => onSeek(ref.step)}>
              <StepLine step={ref.step} summary={stepSummary(model, ref)} spoken />
            </button>
          ) : (
            <StepLine step={ref.step} summary={stepSummary(model, ref)} />
          )}
        </li>
      ))}
      {finished && outcome && (
        <li
          className={outcome === 'ok' ? 'is-result' : 'is-fault'}
          aria-current="step"
          title={resultSentence(model)}
        >
          <span className="nw-step-num">{outcome === 'ok' ? '✓' : '✕'}</span>
          <span>{resultSummary(model)}</span>
        </li>
      )}
    </ol>
  );
}

function StepLine({ step, summary, spoken }: { step: number; summary: string; spoken?: boolean }) {
  return (
    <>
      {spoken && <span className="nw-visually-hidden">Go to step </span>}
      <span className="nw-step-num">{step}</span>
      {spoken && <span className="nw-visually-hidden">: </span>}
      <span className="nw-step-mark" aria-hidden="true" />
      <span className="nw-mono">{summary}</span>
    </>
  );
}
