/** Which access of the scenario to show, and its kind and privilege. */
import { useShallow } from 'zustand/react/shallow';
import type { AccessKind, Cpl } from '../../engine/types';
import { ACCESS_KINDS } from '../../engine/types';
import { selectAccesses, selectSelectedAccess } from '../../state/selectors';
import { useAppStore } from '../hooks/app-store-context';

export function AccessControls() {
  const accesses = useAppStore(selectAccesses);
  const { accessIndex, kind, cpl, walked } = useAppStore(
    useShallow((s) => ({
      accessIndex: s.accessIndex,
      kind: selectSelectedAccess(s)?.kind ?? 'read',
      cpl: selectSelectedAccess(s)?.cpl ?? s.scenario?.cpu?.cpl ?? 0,
      walked: s.events.length,
    })),
  );
  const { setAccessIndex, setAccessKind, setCpl } = useAppStore(
    useShallow((s) => ({
      setAccessIndex: s.setAccessIndex,
      setAccessKind: s.setAccessKind,
      setCpl: s.setCpl,
    })),
  );

  return (
    <div className="access-controls">
      {accesses.length > 1 && (
        <label>
          Access
          <select
            aria-label="Access"
            value={accessIndex}
            onChange={(e) => setAccessIndex(Number(e.target.value))}
          >
            {accesses.map((a, i) => (
              <option key={i} value={i} disabled={i >= walked}>
                {i + 1}. {a.kind ?? 'read'} {String(a.va)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Access kind
        <select value={kind} onChange={(e) => void setAccessKind(e.target.value as AccessKind)}>
          {ACCESS_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        CPL
        <select value={cpl} onChange={(e) => void setCpl(Number(e.target.value) as Cpl)}>
          <option value={0}>0 (supervisor)</option>
          <option value={3}>3 (user)</option>
        </select>
      </label>
    </div>
  );
}
