// The width of an element, kept up to date as the window resizes (the history chart draws in pixels).
import { useEffect, useState, type RefObject } from 'react';

/** The content width of `ref` in CSS pixels (0 until it has been measured). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
