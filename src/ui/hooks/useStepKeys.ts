/**
 * → ← Home End step a view — the hypervisor scenes, the compare view — as in the walk view: not
 * while a text field or a slider has focus, and a select gives focus back once it has its choice,
 * so the next arrow steps instead of changing the select again.
 */
import { useEffect, useRef } from 'react';

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

export interface StepActions {
  reset(): void;
  stepBack(): void;
  stepForward(): void;
  end(): void;
}

export interface StepKeyOptions {
  /** More keys of the view (the walk's Space and P). */
  readonly extra?: Readonly<Record<string, () => void>>;
  /** Keys the focused control keeps although it does not own every key. */
  readonly refuse?: (event: KeyboardEvent) => boolean;
}

export function useStepKeys(actions: StepActions, options: StepKeyOptions = {}): void {
  // The listeners read the latest actions without subscribing again on every step.
  const latest = useRef({ actions, options });
  latest.current = { actions, options };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKeys(event.target)) return;
      const { actions: a, options: o } = latest.current;
      if (o.refuse?.(event)) return;
      const byKey: Record<string, () => void> = {
        ArrowRight: a.stepForward,
        ArrowLeft: a.stepBack,
        Home: a.reset,
        End: a.end,
        ...o.extra,
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
