import { useSyncExternalStore } from 'react';

/** The width under which the walk is one column (app.css uses the same breakpoint). */
export const NARROW_QUERY = '(max-width: 900px)';

const subscribe = (onChange: () => void) => {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const isNarrow = () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;

/** True while the page is one column wide; re-renders only when the breakpoint is crossed. */
export const useNarrowLayout = (): boolean => useSyncExternalStore(subscribe, isNarrow, () => false);
