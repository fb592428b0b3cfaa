/**
 * → / ← step, Space plays or pauses, Home / End jump, P toggles presenter mode — wherever focus is,
 * except in a text field or on a slider (their arrows move the caret or the value). A select keeps
 * only Space (it opens the list): its arrows would silently change the choice. After a choice a
 * select gives focus back (blur), so the next arrow steps the walk instead of changing the select
 * again; Tab still continues from the select.
 */
import type { AppStore } from '../../state/create-app-store';
import { useStepKeys } from './useStepKeys';

export function useKeyboardShortcuts(store: AppStore): void {
  const s = store.getState();
  const togglePresenter = () => {
    const now = store.getState();
    now.setPresenter(!now.presenter);
  };
  useStepKeys(s, {
    extra: { ' ': s.togglePlay, p: togglePresenter, P: togglePresenter },
    refuse: walkRefuses,
  });
}

/** Space on a button, checkbox or summary presses it, on a select opens the list; letters are a select's type-ahead. */
function walkRefuses(event: KeyboardEvent): boolean {
  const target = event.target;
  if (event.key === ' ') {
    if (target instanceof HTMLButtonElement || target instanceof HTMLSelectElement) return true;
    if (target instanceof HTMLInputElement || (target instanceof HTMLElement && target.tagName === 'SUMMARY'))
      return true;
  }
  return (event.key === 'p' || event.key === 'P') && target instanceof HTMLSelectElement;
}
