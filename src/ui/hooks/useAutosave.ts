/**
 * Saves the user's work to localStorage, shortly after each change and at once when the page is
 * hidden or unloaded (pagehide, visibilitychange), so an edit made just before a reload is kept.
 * Work saved by an earlier visit that differs from what the page opened with is offered back;
 * until the user restores or discards it, nothing overwrites it. A saved copy that cannot be read
 * is reported and moved to its own key first (docs/robustness.md, "Autosave").
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStore } from '../../state/create-app-store';
import {
  DAMAGED_WORK_KEY,
  readSavedWork,
  SAVED_WORK_KEY,
  savedWorkOf,
  showsSavedWork,
  type SavedWork,
} from '../../state/saved-work';

/** A burst of steps or edits is written once, this long after it ends. */
const SAVE_DELAY_MS = 500;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled for this site
  }
}

export interface Autosave {
  /** Work from an earlier visit, offered back; null when there is none to offer. */
  readonly offer: SavedWork | null;
  restore(): void;
  discard(): void;
  /** A saved copy that could not be read: why, and its text (kept under DAMAGED_WORK_KEY). */
  readonly damaged: { readonly reason: string; readonly text: string } | null;
  dismissDamaged(): void;
}

/**
 * Moves a damaged copy to its own key, where new saves do not reach it and the next visit does not
 * report it again; storage that refuses is skipped (the copy then stays where it was).
 */
function keepDamaged(text: string): void {
  try {
    storage()?.setItem(DAMAGED_WORK_KEY, text);
    storage()?.removeItem(SAVED_WORK_KEY);
  } catch {
    // Full or refused storage: the copy stays under the saved-work key until the next save.
  }
}

export function useAutosave(store: AppStore): Autosave {
  const [read] = useState(() => readSavedWork(storage()?.getItem(SAVED_WORK_KEY) ?? null));
  const saved = read.kind === 'saved' ? read.work : null;
  const [offer, setOffer] = useState<SavedWork | null>(null);
  const [damaged, setDamaged] = useState(read.kind === 'damaged' ? read : null);
  useEffect(() => {
    if (read.kind === 'damaged') keepDamaged(read.text);
  }, [read]);
  // Until the earlier work is settled (shown already, restored or discarded) it is not overwritten.
  const settled = useRef(saved === null);
  const flushRef = useRef<() => void>(() => {});

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dirty = false;
    const flush = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (!dirty || !settled.current) return;
      const work = savedWorkOf(store.getState(), Date.now());
      if (work === null) return;
      dirty = false;
      try {
        storage()?.setItem(SAVED_WORK_KEY, JSON.stringify(work));
      } catch {
        // Full or refused storage: the page goes on; the link still holds the document.
      }
    };
    flushRef.current = () => {
      dirty = true;
      flush();
    };
    const decide = () => {
      const s = store.getState();
      if (settled.current || saved === null || s.trace === null || s.loading || s.source === '') return;
      if (showsSavedWork(s, saved)) settled.current = true;
      else setOffer(saved);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      decide();
      if (
        s.scenario === prev.scenario &&
        s.source === prev.source &&
        s.accessIndex === prev.accessIndex &&
        s.cursor === prev.cursor
      )
        return;
      dirty = true;
      if (timer === null) timer = setTimeout(flush, SAVE_DELAY_MS);
    });
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    decide();
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [store, saved]);

  const restore = useCallback(() => {
    if (saved === null) return;
    setOffer(null);
    settled.current = true;
    const { scenario, source, accessIndex, cursor } = saved;
    void store.getState().loadScenario(scenario, source, { accessIndex, cursor });
  }, [store, saved]);

  const discard = useCallback(() => {
    setOffer(null);
    settled.current = true;
    flushRef.current(); // what is on screen is now the work to keep
  }, []);

  const dismissDamaged = useCallback(() => setDamaged(null), []);

  return { offer, restore, discard, damaged, dismissDamaged };
}
