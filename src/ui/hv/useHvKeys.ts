/** → ← Home End step the scene, as in the walk view; not while a text field or slider has focus. */
import { useEffect } from 'react';
import type { HvSceneStore } from '../../state/hv-scene-store';
import { ownsKeys } from '../hooks/useKeyboardShortcuts';

export function useHvKeys(store: HvSceneStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKeys(event.target)) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        Home: s.reset,
        End: s.end,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
