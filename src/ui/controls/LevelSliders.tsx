/** The n / m sliders: guest and nested levels of a walk, the references it costs; moving one walks that shape. */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LEVELS_MAX, LEVELS_MIN } from '../../state/view-slice';
import { selectAbstractReferences } from '../../state/selectors';
import { useAppStore } from '../hooks/app-store-context';

function LevelSlider({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  const id = useId();
  return (
    <div className="level-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={LEVELS_MIN}
        max={LEVELS_MAX}
        step={1}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id} className="slider-value">
        {value}
      </output>
    </div>
  );
}

export function LevelSliders() {
  const { n, m, total } = useAppStore(
    useShallow((s) => ({ n: s.abstractN, m: s.abstractM, total: selectAbstractReferences(s) })),
  );
  const setAbstractLevels = useAppStore((s) => s.setAbstractLevels);

  return (
    <div className="level-sliders">
      <LevelSlider label="Guest levels (n)" value={n} onChange={(v) => void setAbstractLevels(v, m)} />
      <LevelSlider label="EPT levels (m)" value={m} onChange={(v) => void setAbstractLevels(n, v)} />
      <p className="formula">
        A walk of {n} guest on {m} nested levels:{' '}
        <output aria-label="References of the abstract walk">{total}</output> references
      </p>
    </div>
  );
}
