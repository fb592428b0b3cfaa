import { useEffect, type RefObject } from 'react';

/**
 * Marks a horizontally scrolling box with where more content hides: `data-more` holds "left",
 * "right", both or nothing, kept up to date on scroll and resize (set on the element, so scrolling
 * re-renders nothing). The styles draw the cue from it.
 */
export function useScrollCue(scrollerRef: RefObject<HTMLElement | null>, key: unknown): void {
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const update = () => {
      const max = scroller.scrollWidth - scroller.clientWidth;
      const more = [scroller.scrollLeft > 1 && 'left', scroller.scrollLeft < max - 1 && 'right'];
      scroller.dataset.more = more.filter(Boolean).join(' ');
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [scrollerRef, key]);
}
