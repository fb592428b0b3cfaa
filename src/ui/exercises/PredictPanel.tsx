/**
 * Predict mode on the walk view (docs/exercises.md, "Predict mode"): before each step is revealed
 * the student answers the engine's question for it — the total, then per step the table, index
 * and entry address, at the end the outcome and its code — sees the truth and keeps a score.
 * A question stepped past without an answer counts as skipped. A new walk starts a new session.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { checkAnswers, walkPredictions, type Prediction, type Verdict } from '../../engine';
import { selectCurrentEvents } from '../../state/selectors';
import { useAppStore } from '../hooks/app-store-context';
import { AnswerInput } from './AnswerInput';
import { solutionText } from './ProblemParts';

export function PredictPanel() {
  const events = useAppStore(selectCurrentEvents);
  const { cursor, stepForward } = useAppStore(
    useShallow((s) => ({ cursor: s.cursor, stepForward: s.stepForward })),
  );
  const predictions = useMemo(() => walkPredictions(events), [events]);
  // Keyed on the event list: another access or scenario is another session.
  return (
    <PredictSession
      key={sessionKey(events)}
      predictions={predictions}
      cursor={cursor}
      onReveal={stepForward}
      revealLabel={`Reveal step ${cursor + 1}`}
      empty="Predict mode starts once a walk has been made."
      done="The walk is over: that was every question of this translation."
    />
  );
}

const sessionIds = new WeakMap<object, number>();
let nextSession = 0;
/** A key per walk (or run): React starts a new session, with a new score, when it changes. */
export function sessionKey(of: object): number {
  let id = sessionIds.get(of);
  if (id === undefined) {
    id = nextSession++;
    sessionIds.set(of, id);
  }
  return id;
}

interface Score {
  readonly right: number;
  readonly asked: number;
  readonly skipped: number;
}

function scoreOf(
  predictions: readonly Prediction[],
  verdicts: ReadonlyMap<string, Verdict>,
  cursor: number,
): Score {
  let right = 0;
  let asked = 0;
  let skipped = 0;
  for (const p of predictions) {
    const v = verdicts.get(p.id);
    if (v) {
      right += v.score;
      asked += v.total;
    } else if (p.at < cursor) skipped += 1;
  }
  return { right, asked, skipped };
}

export interface PredictSessionProps {
  readonly predictions: readonly Prediction[];
  readonly cursor: number;
  readonly onReveal: () => void;
  /** The reveal button's words, e.g. "Reveal step 5" or "Reveal event 3". */
  readonly revealLabel: string;
  /** What to say when there is nothing to ask, and when every question has been asked. */
  readonly empty: string;
  readonly done: string;
}

export function PredictSession({
  predictions,
  cursor,
  onReveal,
  revealLabel,
  empty,
  done,
}: PredictSessionProps) {
  const [verdicts, setVerdicts] = useState<ReadonlyMap<string, Verdict>>(new Map());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  if (predictions.length === 0) return <p className="predict-empty">{empty}</p>;

  const here = predictions.filter((p) => p.at === cursor);
  const open = here.find((p) => !verdicts.has(p.id)) ?? null;
  // The latest answer stays beside the next question until that one is answered.
  const last = predictions.filter((p) => p.at <= cursor && verdicts.has(p.id)).at(-1);
  const score = scoreOf(predictions, verdicts, cursor);
  const atEnd = cursor >= (predictions.at(-1)?.at ?? 0);

  return (
    <div className="predict-session">
      <p className="predict-score" role="status">
        Score: {score.right} of {score.asked} right
        {score.skipped > 0 && `, ${score.skipped} question${score.skipped === 1 ? '' : 's'} stepped past`}
      </p>
      <div className="predict-row">
        {/* Only the latest answer stays on screen, so the walk view stays in sight. */}
        {last !== undefined && (
          <CheckedPrediction
            key={last.id}
            prediction={last}
            verdict={verdicts.get(last.id)!}
            answers={answers}
          />
        )}
        {open !== null ? (
          <form
            className="predict-question"
            aria-label="Your prediction"
            onSubmit={(e) => {
              e.preventDefault();
              setVerdicts((v) => new Map(v).set(open.id, checkAnswers(open, answersOf(open, answers))));
            }}
          >
            <p>{open.question}</p>
            <div className="problem-fields">
              {open.fields.map((field) => (
                <AnswerInput
                  key={field.id}
                  field={field}
                  value={answers[`${open.id}.${field.id}`] ?? ''}
                  onChange={(value) => setAnswers((a) => ({ ...a, [`${open.id}.${field.id}`]: value }))}
                  mark={undefined}
                />
              ))}
            </div>
            <div className="problem-actions">
              <button type="submit">Check</button>
            </div>
          </form>
        ) : atEnd ? (
          <p>{done}</p>
        ) : (
          <div className="problem-actions">
            <button type="button" className="primary" onClick={onReveal}>
              {revealLabel} ▶
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

/** The answers of one prediction, by field id (the panel keeps them by prediction and field). */
function answersOf(p: Prediction, answers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(p.fields.map((f) => [f.id, answers[`${p.id}.${f.id}`] ?? '']));
}

function CheckedPrediction({
  prediction,
  verdict,
  answers,
}: {
  prediction: Prediction;
  verdict: Verdict;
  answers: Readonly<Record<string, string>>;
}) {
  const given = answersOf(prediction, answers);
  return (
    <section className="predict-checked" aria-label={`Checked: ${prediction.title}`}>
      <p>
        <strong>{prediction.title}</strong>: your answer
      </p>
      <ul className="predict-marks">
        {prediction.fields.map((field) => {
          const mark = verdict.fields.find((f) => f.id === field.id);
          const answer = given[field.id] ?? '';
          return (
            <li key={field.id} className={mark?.correct ? 'is-right' : 'is-wrong'}>
              {field.label}: <strong>{answer === '' ? 'no answer' : solutionText(field, answer)}</strong>{' '}
              {mark?.correct
                ? '✓ right'
                : `✗ ${mark?.problem ?? 'wrong'} — the answer is ${solutionText(field, mark?.expected ?? '')}`}
            </li>
          );
        })}
      </ul>
      <ul className="predict-why">
        {prediction.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
