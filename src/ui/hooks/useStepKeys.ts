/**
 * → ← Home End step a view — the hypervisor scenes, the compare view — as in the walk view: not
 * while a text field or a slider has focus, and a select gives focus back once it has its choice,
 * so the next arrow steps instead of changing the select again.
 */
import { useEffect, useRef } from 'react';
import { ownsKeys, releaseSelectAfterChoice } from './useKeyboardShortcuts';

export interface StepActions {
  reset(): void;
  stepBack(): void;
  stepForward(): void;
  end(): void;
}

export function useStepKeys(actions: StepActions): void {
  // The listeners read the latest actions without subscribing again on every step.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKeys(event.target)) return;
      const a = latest.current;
      const byKey: Record<string, () => void> = {
        ArrowRight: a.stepForward,
        ArrowLeft: a.stepBack,
        Home: a.reset,
        End: a.end,
      };
      const action = byKey[event.key];
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
  }, []);
}
