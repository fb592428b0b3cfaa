/** → ← Home End step every grid together, as in the walk view; not while a field or slider has focus. */
import { useEffect, useRef } from 'react';
import { ownsKeys } from '../hooks/useKeyboardShortcuts';

export function useCompareKeys(cursor: number, last: number, seek: (step: number) => void): void {
  // The handler reads the latest position without re-subscribing on every step.
  const at = useRef({ cursor, last });
  at.current = { cursor, last };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKeys(event.target)) return;
      const { cursor: c, last: l } = at.current;
      const target: Record<string, number> = {
        ArrowRight: Math.min(l, c + 1),
        ArrowLeft: Math.max(0, c - 1),
        Home: 0,
        End: l,
      };
      const step = target[event.key];
      if (step === undefined) return;
      event.preventDefault();
      seek(step);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [seek]);
}
