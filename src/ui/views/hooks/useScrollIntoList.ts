import { useEffect, type RefObject } from 'react';

/**
 * Keeps the item marked `[aria-current]` visible inside a scrolling list, scrolling only the
 * list itself (scrollIntoView would also scroll the page under a projector).
 */
export function useScrollIntoList(listRef: RefObject<HTMLElement | null>, key: unknown): void {
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current]');
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    const bottom = top + item.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }, [listRef, key]);
}
