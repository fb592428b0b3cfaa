/**
 * One answer field of an exercise or a prediction: a select for choices, a text box for numbers
 * and hex, and after Check a mark saying right, or wrong with the engine's answer.
 */
import { useId } from 'react';
import type { AnswerField, Verdict } from '../../engine';
import { solutionText } from './ProblemParts';

export function AnswerInput({
  field,
  value,
  onChange,
  mark,
}: {
  field: AnswerField;
  value: string;
  onChange: (value: string) => void;
  mark: Verdict['fields'][number] | undefined;
}) {
  const id = useId();
  const markText =
    mark === undefined
      ? null
      : mark.correct
        ? '✓ right'
        : `✗ ${mark.problem ?? 'wrong'} — the answer is ${solutionText(field, mark.expected)}`;
  return (
    <div className={`problem-field${mark ? (mark.correct ? ' is-right' : ' is-wrong') : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {field.format === 'choice' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— choose —</option>
          {field.choices?.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode={field.format === 'number' ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {markText !== null && <span className="problem-mark">{markText}</span>}
    </div>
  );
}
