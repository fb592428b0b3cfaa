/**
 * One generated problem: the question and what it gives, a field per answer, Check, then a mark
 * per field with the engine's answer and the explanation. Changing an answer hides the verdict
 * until the next Check, so a student cannot read the answer off a stale mark.
 */
import { useState } from 'react';
import { checkAnswers, type Problem, type Verdict } from '../../engine';
import { AnswerInput } from './AnswerInput';
import { ProblemExplanation, ProblemSolution, ProblemStatement } from './ProblemParts';

export interface ProblemCardProps {
  problem: Problem;
  /** Opens the problem's scenario in the walk view (absent when it has none or there is no walk view). */
  onOpenScenario?: (scenario: Readonly<Record<string, unknown>>) => void;
}

export function ProblemCard({ problem, onOpenScenario }: ProblemCardProps) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [revealed, setRevealed] = useState(false);
  const set = (id: string, value: string) => {
    setAnswers((a) => ({ ...a, [id]: value }));
    setVerdict(null);
  };
  const shown = verdict !== null || revealed;
  return (
    <article className="problem-card" aria-label={problem.title}>
      <ProblemStatement problem={problem} />
      <form
        className="problem-fields"
        onSubmit={(e) => {
          e.preventDefault();
          setVerdict(checkAnswers(problem, answers));
        }}
      >
        {problem.fields.map((field) => (
          <AnswerInput
            key={field.id}
            field={field}
            value={answers[field.id] ?? ''}
            onChange={(v) => set(field.id, v)}
            mark={verdict?.fields.find((f) => f.id === field.id)}
          />
        ))}
        <div className="problem-actions">
          <button type="submit">Check</button>
          <button type="button" onClick={() => setRevealed(true)} disabled={revealed}>
            Show the answer
          </button>
          {problem.scenario !== undefined && onOpenScenario && (
            <button type="button" onClick={() => onOpenScenario(problem.scenario ?? {})}>
              Step through it in the walk view
            </button>
          )}
        </div>
      </form>
      {verdict !== null && (
        <p className={`problem-score${verdict.score === verdict.total ? ' is-right' : ''}`} role="status">
          {verdict.score} of {verdict.total} right
        </p>
      )}
      {shown && (
        <section className="problem-explanation" aria-label="Explanation">
          {revealed && verdict === null && <ProblemSolution problem={problem} className="problem-solution" />}
          <ProblemExplanation problem={problem} />
        </section>
      )}
    </article>
  );
}
