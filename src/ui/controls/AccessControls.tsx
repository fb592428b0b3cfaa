/**
 * Which access of the scenario to show (navigation: kept in presenter mode, where a class compares
 * a cold walk with the cached one after it), and the shown access's kind and privilege (editing).
 */
import { useShallow } from 'zustand/react/shallow';
import type { AccessKind, Cpl } from '../../engine';
import { ACCESS_KINDS } from '../../engine';
import { selectAccesses, selectSelectedAccess } from '../../state/selectors';
import { useAppStore } from '../hooks/app-store-context';

/** The access picker, shown when the scenario makes more than one access. */
export function AccessPicker() {
  const accesses = useAppStore(selectAccesses);
  const { accessIndex, walked, setAccessIndex } = useAppStore(
    useShallow((s) => ({
      accessIndex: s.accessIndex,
      walked: s.events.length,
      setAccessIndex: s.setAccessIndex,
    })),
  );
  if (accesses.length <= 1) return null;
  return (
    <label className="access-picker">
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
  );
}

/** The shown access's kind and CPL: changing either re-walks the scenario. */
export function AccessControls() {
  const { kind, cpl } = useAppStore(
    useShallow((s) => ({
      kind: selectSelectedAccess(s)?.kind ?? 'read',
      cpl: selectSelectedAccess(s)?.cpl ?? s.scenario?.cpu?.cpl ?? 0,
    })),
  );
  const { setAccessKind, setCpl } = useAppStore(
    useShallow((s) => ({ setAccessKind: s.setAccessKind, setCpl: s.setCpl })),
  );

  return (
    <div className="access-controls">
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
