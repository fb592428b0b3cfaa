/** → / ← step, space plays or pauses, Home / End jump — unless the user is typing or on a form control. */
import { useEffect } from 'react';
import type { AppStore } from '../../state/create-app-store';

const isFormField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useKeyboardShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isFormField(event.target)) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        Home: s.reset,
        End: s.end,
        ' ': s.togglePlay,
      };
      // Space on a focused button already presses that button.
      if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
