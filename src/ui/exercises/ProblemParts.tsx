/**
 * The pieces a problem shows the same way on screen and on a worksheet (docs/exercises.md): the
 * statement (title, question, what it gives), the solution per field and the explanation.
 */
import type { AnswerField, Problem } from '../../engine';

/** A field's solution as the student would have chosen or typed it. */
export const solutionText = (field: AnswerField, value: string): string =>
  field.choices?.find((c) => c.value === value)?.label ?? value;

export function ProblemStatement({ problem }: { problem: Problem }) {
  return (
    <>
      <h3>{problem.title}</h3>
      {problem.question.map((q) => (
        <p key={q}>{q}</p>
      ))}
      {problem.given.length > 0 && (
        <dl className="problem-given">
          {problem.given.map((g) => (
            <div key={g.label + g.value}>
              <dt>{g.label}</dt>
              <dd>{g.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

export function ProblemSolution({ problem, className }: { problem: Problem; className?: string }) {
  return (
    <ul className={className}>
      {problem.fields.map((f) => (
        <li key={f.id}>
          {f.label}: <strong>{solutionText(f, problem.solution[f.id] ?? '')}</strong>
        </li>
      ))}
    </ul>
  );
}

export function ProblemExplanation({ problem }: { problem: Problem }) {
  return (
    <>
      {problem.explanation.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );
}
