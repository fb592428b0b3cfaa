/**
 * The switch for predict mode and, when it is on, the panel of questions (docs/exercises.md, "Predict
 * mode"). It lives in the query string (`?predict=1`) so a teacher can hand out a link that opens
 * a walk in predict mode; the hash, which carries the scenario, is left alone.
 */
import { useCallback, useState } from 'react';
import { PredictPanel } from './PredictPanel';
import './exercises.css';

export const PREDICT_PARAM = 'predict';

const fromUrl = (): boolean => new URLSearchParams(window.location.search).get(PREDICT_PARAM) === '1';

function writeUrl(on: boolean): void {
  const params = new URLSearchParams(window.location.search);
  if (on) params.set(PREDICT_PARAM, '1');
  else params.delete(PREDICT_PARAM);
  const search = params.toString();
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search ? `?${search}` : ''}${hash}`);
}

/** Whether predict mode is on, kept in the URL. */
export function usePredictMode(): readonly [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(fromUrl);
  const set = useCallback((next: boolean) => {
    setOn(next);
    writeUrl(next);
  }, []);
  return [on, set] as const;
}

export function PredictToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="predict-toggle">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} /> Predict mode
      <span className="visually-hidden">: answer before each step is revealed</span>
    </label>
  );
}

/** The questions, in a panel of their own under the sticky controls. */
export function PredictSection() {
  return (
    <section className="panel predict" aria-labelledby="predict-title">
      <h2 id="predict-title">Predict, then step</h2>
      <PredictPanel />
    </section>
  );
}
