/**
 * What a scene can be run with besides its script (docs/hv-scenes.md, "Start and nested
 * paging"): a cold start or a warm guest, and Intel EPT or AMD NPT as the nested-paging side.
 * A change runs the scene again; every count follows from the new run.
 */
import { useShallow } from 'zustand/react/shallow';
import { tdpNames, type HvStart } from '../../engine';
import { useHvScene } from './hv-store-context';

export function RunOptions() {
  const { run, tdpMode, setStart, setTdpMode } = useHvScene(
    useShallow((s) => ({ run: s.run, tdpMode: s.tdpMode, setStart: s.setStart, setTdpMode: s.setTdpMode })),
  );
  if (!run.ok) return null;
  const { table } = tdpNames(tdpMode);
  return (
    <div className="hv-options" role="group" aria-label="Run options">
      <label>
        Start{' '}
        <select value={run.start} onChange={(e) => setStart(e.target.value as HvStart)}>
          <option value="cold">cold start (nothing resident, empty {table})</option>
          <option value="warm">warm guest (all RAM resident and in the {table})</option>
        </select>
      </label>
      <label>
        Nested paging{' '}
        <select value={tdpMode} onChange={(e) => setTdpMode(e.target.value === 'npt' ? 'npt' : 'ept')}>
          <option value="ept">Intel EPT</option>
          <option value="npt">AMD NPT</option>
        </select>
      </label>
    </div>
  );
}
