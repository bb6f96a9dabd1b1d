import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * How many rows of equal height fit in a list that takes the space left to it (flex: 1 1 0), so
 * that a wall with more hospitals waiting than room, or with banners across it, leaves nothing
 * half-drawn: the rows that do not fit are summed up in a line instead.
 */
export function useRowsThatFit(listRef: RefObject<HTMLElement | null>, rows: number): number {
  const [fit, setFit] = useState(rows);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const first = list.firstElementChild;
      const rowHeight = first ? first.getBoundingClientRect().height : 0;
      if (rowHeight <= 0) return;
      setFit(Math.max(1, Math.floor((list.getBoundingClientRect().height + 1) / rowHeight)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, rows]);
  return fit;
}
