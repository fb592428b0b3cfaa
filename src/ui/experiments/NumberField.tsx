/** A labelled number input (whole unless `decimal`); an empty or partial entry is passed on as NaN for the run check to name. */
import { useId } from 'react';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly min?: number;
  readonly step?: number;
  readonly hint?: string;
  /** Takes fractions (a clock in GHz). */
  readonly decimal?: boolean;
}

export function NumberField({
  label,
  value,
  onChange,
  min = 0,
  step = 1,
  hint,
  decimal = false,
}: NumberFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={decimal ? 'decimal' : 'numeric'}
        min={min}
        step={step}
        value={Number.isNaN(value) ? '' : value}
        aria-invalid={Number.isNaN(value) || value < min ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.valueAsNumber)}
      />
      {hint !== undefined && <span className="hint">{hint}</span>}
    </div>
  );
}
