/**
 * Predict mode in a hypervisor scene (docs/exercises.md, "Predict mode"): before each event the
 * student says how many exits it causes in each mode and the first one's reason; the scene's two
 * runs answer. The switch shares the walk view's `?predict=1`.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { exitPredictions } from '../../engine';
import { PredictSession, sessionKey } from '../exercises/PredictPanel';
import { PredictToggle, usePredictMode } from '../exercises/PredictMode';
import { useHvScene } from './hv-store-context';

export function HvPredict() {
  const [on, setOn] = usePredictMode();
  return (
    <div className="hv-predict">
      <PredictToggle on={on} onChange={setOn} />
      {on && <HvPredictPanel />}
    </div>
  );
}

function HvPredictPanel() {
  const { run, cursor, stepForward } = useHvScene(
    useShallow((s) => ({ run: s.run, cursor: s.cursor, stepForward: s.stepForward })),
  );
  const predictions = useMemo(
    () => (run.ok ? exitPredictions(run.shadow, run.tdp, run.positions) : []),
    [run],
  );
  const positions = run.ok ? run.positions : [];
  const next = positions[cursor];
  const startsEvent = next !== undefined && positions.findIndex((p) => p.event === next.event) === cursor;
  return (
    <section className="panel predict" aria-labelledby="hv-predict-title">
      <h3 id="hv-predict-title">Predict, then step</h3>
      <PredictSession
        key={sessionKey(run)}
        predictions={predictions}
        cursor={cursor}
        onReveal={stepForward}
        revealLabel={startsEvent && next ? `Reveal event ${next.event + 1}` : 'Step forward'}
        empty="This scene's script does not run, so there is nothing to predict."
        done="The script is over: that was every event."
      />
    </section>
  );
}
