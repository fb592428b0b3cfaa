import { useEffect, type RefObject } from 'react';

/**
 * Keeps the card marked `[aria-current]` in view inside a horizontally scrolling box (when the
 * shell gives the tables less width than they need), scrolling only that box.
 */
export function useScrollToCurrentCard(scrollerRef: RefObject<HTMLElement | null>, key: unknown): void {
  useEffect(() => {
    const scroller = scrollerRef.current;
    const card = scroller?.querySelector<HTMLElement>('[aria-current]');
    if (!scroller || !card || scroller.scrollWidth <= scroller.clientWidth) return;
    const left = card.offsetLeft - 40;
    const right = card.offsetLeft + card.offsetWidth + 16;
    if (left < scroller.scrollLeft) scroller.scrollLeft = left;
    else if (right > scroller.scrollLeft + scroller.clientWidth)
      scroller.scrollLeft = right - scroller.clientWidth;
  }, [scrollerRef, key]);
}
