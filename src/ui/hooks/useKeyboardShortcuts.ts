/**
 * → / ← step, Space plays or pauses, Home / End jump, P toggles presenter mode — wherever focus is,
 * except in a text field or on a slider (their arrows move the caret or the value). A select keeps
 * only Space (it opens the list): its arrows would silently change the choice. After a choice a
 * select gives focus back (blur), so the next arrow steps the walk instead of changing the select
 * again; Tab still continues from the select.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../state/create-app-store';

/** Inputs whose keys do not type or slide: arrows there belong to the walk. */
const KEYLESS_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'file', 'color', 'image']);

/** Typing or sliding: every key belongs to the control. */
export const ownsKeys = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.getAttribute('role') === 'slider') return true;
  return target instanceof HTMLInputElement && !KEYLESS_INPUTS.has(target.type);
};

/** Once a select has its choice, arrows go back to the page's stepping. */
export const releaseSelectAfterChoice = (event: Event): void => {
  if (event.target instanceof HTMLSelectElement) event.target.blur();
};

export function useKeyboardShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (ownsKeys(target)) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        Home: s.reset,
        End: s.end,
        ' ': s.togglePlay,
        p: () => s.setPresenter(!s.presenter),
        P: () => s.setPresenter(!s.presenter),
      };
      if (event.key === ' ') {
        // Space on a button or checkbox presses it; on a select it opens the list.
        if (target instanceof HTMLButtonElement || target instanceof HTMLSelectElement) return;
        if (
          target instanceof HTMLInputElement ||
          (target instanceof HTMLElement && target.tagName === 'SUMMARY')
        )
          return;
      }
      // A select's type-ahead: letters pick options there.
      if ((event.key === 'p' || event.key === 'P') && target instanceof HTMLSelectElement) return;
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('change', releaseSelectAfterChoice);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('change', releaseSelectAfterChoice);
    };
  }, [store]);
}
