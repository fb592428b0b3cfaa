import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The content width of an element, kept current with a ResizeObserver (create on mount, destroy on
 * unmount). Undefined until measured, or where ResizeObserver does not exist (tests).
 */
export function useElementWidth(ref: RefObject<Element | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) setWidth(Math.round(box.width));
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
