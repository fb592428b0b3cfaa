/**
 * "Check yourself": a generated problem of a chosen kind, reproducible from its seed and a link
 * (`?exercise=<kind>:<seed>`), and a printable worksheet with its answer key (docs/exercises.md).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PROBLEM_KINDS, PROBLEM_KIND_TITLES, generateProblem, type ProblemKind } from '../../engine';
import {
  exerciseFromSearch,
  randomSeed,
  withExercise,
  worksheetSearch,
  WORKSHEET_MAX,
  type ExerciseRef,
} from '../../state/exercise-url';
import { useAppStore } from '../hooks/app-store-context';
import { ProblemCard } from './ProblemCard';
import './exercises.css';

const DEFAULT_REF: ExerciseRef = { kind: 'walk-count', seed: 1 };

export function ExercisesPanel() {
  const fromUrl = useMemo(() => exerciseFromSearch(window.location.search), []);
  const [ref, setRef] = useState<ExerciseRef>(fromUrl ?? DEFAULT_REF);
  const [count, setCount] = useState(8);
  const section = useRef<HTMLElement>(null);
  const loadScenario = useAppStore((s) => s.loadScenario);
  const problem = useMemo(() => generateProblem(ref.kind, ref.seed), [ref]);

  useEffect(() => {
    if (fromUrl !== null) section.current?.scrollIntoView?.({ block: 'start' });
  }, [fromUrl]);

  const choose = (next: ExerciseRef) => {
    setRef(next);
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', pathname + withExercise(search, next) + hash);
  };

  return (
    <section className="panel exercises" aria-labelledby="exercises-title" ref={section} id="exercises">
      <h2 id="exercises-title">Exercises: check yourself</h2>
      <p className="exercises-intro">
        Every problem is generated from a seed and solved by the same engine as the walk above; the same kind
        and seed always give the same problem, so a link or a printed seed brings it back.
      </p>
      <div className="exercises-controls">
        <label htmlFor="exercise-kind">Kind</label>
        <select
          id="exercise-kind"
          value={ref.kind}
          onChange={(e) => {
            choose({ kind: e.target.value as ProblemKind, seed: ref.seed });
            e.currentTarget.blur();
          }}
        >
          {PROBLEM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {PROBLEM_KIND_TITLES[kind]}
            </option>
          ))}
        </select>
        <label>
          Seed{' '}
          <input
            type="number"
            min={0}
            max={4294967295}
            value={ref.seed}
            onChange={(e) => {
              const seed = Number(e.target.value);
              if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff)
                choose({ kind: ref.kind, seed });
            }}
          />
        </label>
        <button type="button" onClick={() => choose({ kind: ref.kind, seed: randomSeed() })}>
          New problem
        </button>
      </div>
      <ProblemCard
        key={`${ref.kind}:${ref.seed}`}
        problem={problem}
        onOpenScenario={(scenario) => {
          void loadScenario(scenario, `exercise: ${ref.kind} #${ref.seed}`);
          window.scrollTo({ top: 0 });
        }}
      />
      <div className="exercises-worksheet chrome">
        <label>
          Worksheet of{' '}
          <input
            type="number"
            min={1}
            max={WORKSHEET_MAX}
            value={count}
            onChange={(e) => setCount(Math.min(Math.max(Number(e.target.value) || 1, 1), WORKSHEET_MAX))}
          />{' '}
          problems
        </label>
        <a
          href={worksheetSearch({ seed: ref.seed, count, kinds: PROBLEM_KINDS })}
          target="_blank"
          rel="noreferrer"
        >
          Open the worksheet and its answer key (seed {ref.seed})
        </a>
      </div>
    </section>
  );
}
