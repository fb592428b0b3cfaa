/**
 * A printable worksheet (`?worksheet=<seed>&count=<N>`): N generated problems with room to
 * answer, then — on a new printed page — the answer key with the explanations. The seed is
 * printed on both, so the sheet can be regenerated.
 */
import { useMemo } from 'react';
import { generateWorksheet, type Problem } from '../../engine';
import type { WorksheetRef } from '../../state/exercise-url';
import { ProblemExplanation, ProblemSolution, ProblemStatement } from './ProblemParts';
import './exercises.css';

export function WorksheetPage({ sheet }: { sheet: WorksheetRef }) {
  const problems = useMemo(() => generateWorksheet(sheet.seed, sheet.count, sheet.kinds), [sheet]);
  return (
    <main className="worksheet">
      <header className="worksheet-header">
        <h1>nestwalk worksheet</h1>
        <p>
          Seed {sheet.seed} · {problems.length} problems · counts are translation references (the data access
          itself is not one of them).
        </p>
        <button type="button" className="worksheet-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </header>
      <ol className="worksheet-problems">
        {problems.map((p, i) => (
          <li key={i}>
            <QuestionBlock problem={p} />
          </li>
        ))}
      </ol>
      <section className="worksheet-key" aria-labelledby="key-title">
        <h2 id="key-title">Answer key — seed {sheet.seed}</h2>
        <ol>
          {problems.map((p, i) => (
            <li key={i}>
              <h3>{p.title}</h3>
              <ProblemSolution problem={p} />
              <ProblemExplanation problem={p} />
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function QuestionBlock({ problem }: { problem: Problem }) {
  return (
    <>
      <ProblemStatement problem={problem} />
      <ul className="worksheet-blanks">
        {problem.fields.map((f) => (
          <li key={f.id}>
            {f.label}:{' '}
            {f.choices ? (
              <span>{f.choices.map((c) => `☐ ${c.label}`).join('   ')}</span>
            ) : (
              <span className="worksheet-blank" aria-hidden="true" />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
