import { useEffect, type RefObject } from 'react';

/**
 * Keeps the first structure with a cell lit at this step (hit, fill, eviction) in view inside the
 * caches' scrolling box, scrolling only that box; with nothing lit it stays where the user left it.
 */
export function useScrollLitIntoView(boxRef: RefObject<HTMLElement | null>, key: unknown): void {
  useEffect(() => {
    const box = boxRef.current;
    const cell = box?.querySelector<HTMLElement>('.nw-caches-cell[data-state]');
    const target = cell?.closest<HTMLElement>('.nw-caches-structure') ?? cell;
    if (!box || !target || box.scrollHeight <= box.clientHeight) return;
    const top = target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    const bottom = top + target.offsetHeight;
    if (top < box.scrollTop) box.scrollTop = top - 8;
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight + 8;
  }, [boxRef, key]);
}
